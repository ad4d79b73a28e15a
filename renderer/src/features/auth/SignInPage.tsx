import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AlertTitle, Box, Card, CardContent, Typography } from '@mui/material';
import { effectiveServerUrl } from '../../../../shared/ipc/contract';
import { useSessionStore } from '../../app/sessionStore';
import { useServerSettings } from '../settings/useServerSettings';
import { SignInForm } from './SignInForm';
import { defaultServerUrl } from './serverUrl';
import { loadLastSignIn } from './storedSession';
import { useSignIn } from './useSignIn';

/** The first screen without a session: sign in once, then everything works offline. */
export function SignInPage() {
  const { t } = useTranslation();
  const { busy, errors, failure, submit } = useSignIn();
  const { settings } = useServerSettings();
  // An admin's choice on this computer beats the last address typed; that beats the installer's.
  const notice = useSessionStore((s) => s.notice);
  const initial = useMemo(() => {
    if (settings === undefined) return undefined;
    const last = loadLastSignIn();
    const serverUrl = settings.override ?? last?.serverUrl ?? effectiveServerUrl(settings) ?? defaultServerUrl(import.meta.env.VITE_SERVER_URL, window.location);
    return { serverUrl, userName: last?.userName ?? '', password: '' };
  }, [settings]);

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'background.default', p: 2 }}>
      <Card sx={{ width: 420, maxWidth: '100%' }} variant="outlined">
        <CardContent sx={{ p: 4 }}>
          <Typography variant="h5" component="div" sx={{ fontWeight: 700, color: 'primary.main', mb: 1 }}>{t('app.name')}</Typography>
          <Typography variant="h1" sx={{ fontSize: '1.4rem', mb: 1 }}>{t('auth.title')}</Typography>
          {notice === 'device_revoked' && (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="device-revoked">
              <AlertTitle>{t('security.revokedTitle')}</AlertTitle>
              {t('security.revokedBody')}
            </Alert>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>{t('auth.intro')}</Typography>
          {initial && <SignInForm initial={initial} busy={busy} errors={errors} failure={failure} onSubmit={(v) => void submit(v)} />}
        </CardContent>
      </Card>
    </Box>
  );
}
