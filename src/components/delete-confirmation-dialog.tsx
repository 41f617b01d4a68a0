import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useDialogFocus } from './dialog-focus';

const useStyles = makeStyles({
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorPaletteRedForeground1, color: tokens.colorNeutralForegroundOnBrand },
  },
});

/**
 * The portal's "Delete confirmation": what goes, a red Delete and Cancel; no "type the name" box. It opens with
 * focus on Cancel, so an Enter that opened it cannot delete by a second Enter. Mount it only while open.
 */
export function DeleteConfirmationDialog({
  refuse,
  returnFocus,
  what,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  what: ReactNode;
  /** Delete is disabled for good: the service said this cannot be deleted as it is (e.g. still in use). */
  refuse?: boolean;
  /** Where focus goes when what opened the dialog is gone. */
  returnFocus?: () => HTMLElement | null;
  busy?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const cancel = useDialogFocus<HTMLButtonElement>(returnFocus);
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete confirmation</DialogTitle>
          <DialogContent>
            <p>This action will permanently delete {what}. It cannot be undone.</p>
            {error}
          </DialogContent>
          <DialogActions>
            <Button className={styles.danger} appearance="primary" disabled={busy || refuse} onClick={onConfirm}>
              {busy ? 'Deleting…' : 'Delete'}
            </Button>
            <Button appearance="secondary" ref={cancel} onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
