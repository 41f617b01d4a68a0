import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorPaletteRedForeground1, color: tokens.colorNeutralForegroundOnBrand },
  },
});

/** The portal's "Delete confirmation": what goes, a red Delete and Cancel; no "type the name" box. */
export function DeleteConfirmationDialog({
  open,
  what,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  what: ReactNode;
  busy?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete confirmation</DialogTitle>
          <DialogContent>
            <p>This action will permanently delete {what}. It cannot be undone.</p>
            {error}
          </DialogContent>
          <DialogActions>
            <Button className={styles.danger} appearance="primary" disabled={busy} onClick={onConfirm}>
              {busy ? 'Deleting…' : 'Delete'}
            </Button>
            <Button appearance="secondary" onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
