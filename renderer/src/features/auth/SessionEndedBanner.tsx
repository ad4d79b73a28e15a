import { useTranslation } from 'react-i18next';
import { Alert, Button } from '@mui/material';
import { useSessionStore } from '../../app/sessionStore';
import { useSyncStore } from '../sync/syncStore';

/** Says, without interrupting the work at hand, that sync waits for a new sign-in. */
export function SessionEndedBanner() {
  const { t } = useTranslation();
  const ended = useSessionStore((s) => s.ended);
  const setReauthOpen = useSessionStore((s) => s.setReauthOpen);
  const waiting = useSyncStore((s) => s.waiting);
  if (!ended) return null;
  return (
    <Alert
      severity="warning"
      square
      sx={{ borderBottom: 1, borderColor: 'divider' }}
      action={<Button color="inherit" size="small" onClick={() => setReauthOpen(true)}>{t('auth.signInAgain')}</Button>}
    >
      {t(`auth.ended_${ended}`)} {t('auth.endedKeep', { count: waiting })}
    </Alert>
  );
}
