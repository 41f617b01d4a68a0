import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { AccessKeyKind } from '../api/access-secrets';

/** Regenerating is destructive (every token signed with the key stops working), so focus starts on Cancel. */
export function RegenerateKeyDialog({
  kind,
  busy,
  onConfirm,
  onCancel,
}: {
  kind: AccessKeyKind | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  // After the dialog's own focus trap has put focus on its first button.
  useEffect(() => {
    if (kind === null) return;
    const frame = requestAnimationFrame(() => cancel.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [kind]);
  return (
    <Dialog open={kind !== null} modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Regenerate the {kind} key?</DialogTitle>
          <DialogContent>
            Every access token signed with the current {kind} key stops working at once, and scripts that use the key need the new one.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={onConfirm}>
              {busy ? 'Regenerating…' : 'Regenerate'}
            </Button>
            <Button ref={cancel} appearance="secondary" onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
