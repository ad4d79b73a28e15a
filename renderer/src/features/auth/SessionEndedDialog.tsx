import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useSessionStore } from '../../app/sessionStore';
import { useSyncStore } from '../sync/syncStore';
import { SignInForm } from './SignInForm';
import { useSignIn } from './useSignIn';

/**
 * The server ended the session (revoked device, expired sign-in). Nothing local is touched:
 * the user can keep working offline and sign in again (same user) whenever they like.
 */
export function SessionEndedDialog() {
  const { t } = useTranslation();
  const session = useSessionStore((s) => s.session);
  const ended = useSessionStore((s) => s.ended);
  const open = useSessionStore((s) => s.reauthOpen);
  const setOpen = useSessionStore((s) => s.setReauthOpen);
  const waiting = useSyncStore((s) => s.waiting);
  const { busy, errors, failure, submit } = useSignIn();
  if (!session || !ended) return null;

  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="reauth-title" maxWidth="xs" fullWidth>
      <DialogTitle id="reauth-title">{t('auth.endedTitle')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 1 }}>{t(`auth.ended_${ended}`)}</Alert>
        <Typography variant="body2" sx={{ mb: 2 }}>{t('auth.endedKeep', { count: waiting })}</Typography>
        <SignInForm
          initial={{ serverUrl: session.serverUrl, userName: session.user.userName, password: '' }}
          lockUserName
          busy={busy}
          errors={errors}
          failure={failure}
          onSubmit={(v) => void submit({ ...v, userName: session.user.userName })}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setOpen(false)}>{t('auth.workOffline')}</Button>
      </DialogActions>
    </Dialog>
  );
}
