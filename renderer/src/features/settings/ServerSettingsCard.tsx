import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { effectiveServerUrl, type ServerSettings } from '../../../../shared/ipc/contract';
import { normalizeServerUrl } from '../auth/serverUrl';

export interface ServerSettingsCardProps {
  /** The server of the current session. */
  inUse: string | null;
  settings: ServerSettings | undefined;
  /** Only admins may change the address. */
  canEdit: boolean;
  onSave(url: string | null): Promise<{ message: string } | null>;
}

/** Which sync server this computer uses; admins change it for the next sign-in and for updates. */
export function ServerSettingsCard({ inUse, settings, canEdit, onSave }: Readonly<ServerSettingsCardProps>) {
  const { t } = useTranslation();
  const configured = settings ? effectiveServerUrl(settings) : null;
  const [value, setValue] = useState<string | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const shown = value ?? configured ?? '';

  const save = async (url: string | null) => {
    const error = await onSave(url);
    setMessage(error ? { severity: 'error', text: t('serverSettings.failed', { message: error.message }) } : { severity: 'success', text: t('serverSettings.saved') });
    if (!error) setValue(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const url = normalizeServerUrl(shown);
    if (url === null) {
      setMessage({ severity: 'error', text: t('serverSettings.invalid') });
      return;
    }
    void save(url);
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h3" sx={{ mb: 1 }}>{t('serverSettings.title')}</Typography>
        <Stack spacing={1}>
          {inUse && <Typography variant="body2">{t('serverSettings.inUse', { server: inUse })}</Typography>}
          <Typography variant="body2" data-testid="server-configured">
            {configured ? t('serverSettings.configured', { server: configured }) : t('serverSettings.none')}
          </Typography>
          {settings?.packaged && settings.override && (
            <Typography variant="body2" color="text.secondary">{t('serverSettings.packaged', { server: settings.packaged })}</Typography>
          )}
          {canEdit && settings && (
            <Stack component="form" spacing={1.5} onSubmit={submit} noValidate aria-label={t('serverSettings.title')}>
              <Typography variant="body2" color="text.secondary">{t('serverSettings.adminHelp')}</Typography>
              <TextField
                label={t('serverSettings.label')}
                value={shown}
                onChange={(e) => {
                  setValue(e.target.value);
                  setMessage(null);
                }}
                size="small"
                slotProps={{ htmlInput: { inputMode: 'url', spellCheck: false } }}
                error={message?.severity === 'error'}
              />
              <Stack direction="row" spacing={1}>
                <Button type="submit" variant="contained">{t('serverSettings.save')}</Button>
                {settings.override !== null && (
                  <Button onClick={() => void save(null)}>{settings.packaged ? t('serverSettings.reset') : t('serverSettings.clear')}</Button>
                )}
              </Stack>
            </Stack>
          )}
          {message && <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'}>{message.text}</Alert>}
        </Stack>
      </CardContent>
    </Card>
  );
}
