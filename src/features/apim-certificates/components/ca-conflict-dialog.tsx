import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useDialogFocus } from '../../../components/dialog-focus';

/** The service changed between the read and the write (412): nothing was changed; reload and decide again. */
export function CaConflictDialog({ onReload, onCancel }: { onReload: () => void; onCancel: () => void }) {
  const reload = useDialogFocus<HTMLButtonElement>();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>The service changed</DialogTitle>
          <DialogContent>
            Someone changed this service since its CA certificates were read here, so nothing was sent over their change. Reload the list, check it, and try
            again.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" ref={reload} onClick={onReload}>
              Reload
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
