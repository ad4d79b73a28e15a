import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';

interface Props {
  open: boolean;
  busy: boolean;
  onCancel(): void;
  onConfirm(): void;
}

/** Asks before a draft contact is deleted: deleting syncs to everyone. */
export function DeleteDraftDialog({ open, busy, onCancel, onConfirm }: Readonly<Props>) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="delete-draft-title" aria-describedby="delete-draft-text">
      <DialogTitle id="delete-draft-title">{t('visitFlow.deleteTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="delete-draft-text">{t('visitFlow.deleteBody')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>{t('common.cancel')}</Button>
        <Button color="error" variant="contained" onClick={onConfirm} disabled={busy}>{t('visitFlow.deleteConfirm')}</Button>
      </DialogActions>
    </Dialog>
  );
}
