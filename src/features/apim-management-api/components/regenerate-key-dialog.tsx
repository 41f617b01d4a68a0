import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
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
            <Button appearance="secondary" onClick={onCancel} autoFocus>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
