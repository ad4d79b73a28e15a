import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Card, CardContent, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import { databaseNameFor } from '../../../../shared/db/collections';
import { useUiStore, type ThemeMode } from '../../app/uiStore';
import { useSessionStore } from '../../app/sessionStore';
import { i18n, LANGUAGES, type Language } from '../../i18n';
import { platform } from '../../platform/api';
import { ReminderSettingsCard } from '../reminders/ReminderSettingsCard';
import { ServerSettingsCard } from './ServerSettingsCard';
import { useServerSettings } from './useServerSettings';

/** Language names are shown in their own language, so anyone can find theirs. */
const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

export function SettingsPage() {
  const { t } = useTranslation();
  const themeMode = useUiStore((s) => s.themeMode);
  const setThemeMode = useUiStore((s) => s.setThemeMode);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const userId = useSessionStore((s) => s.user.id);
  const session = useSessionStore((s) => s.session);
  const server = useServerSettings();
  const [version, setVersion] = useState('');
  useEffect(() => {
    void platform.getAppVersion().then((r) => setVersion(r.ok ? r.value : ''));
  }, []);
  const current = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';

  return (
    <Box sx={{ p: 3, maxWidth: 720 }}>
      <Typography variant="h1" sx={{ mb: 2 }}>{t('settings.title')}</Typography>
      <Stack spacing={2}>
        <Card>
          <CardContent>
            <FormControl>
              <FormLabel id="settings-language">{t('settings.language')}</FormLabel>
              <RadioGroup row aria-labelledby="settings-language" value={current} onChange={(e) => setLanguage(e.target.value as Language)}>
                {LANGUAGES.map((lng) => (
                  <FormControlLabel key={lng} value={lng} control={<Radio />} label={LANGUAGE_NAMES[lng]} lang={lng} />
                ))}
              </RadioGroup>
            </FormControl>
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <FormControl>
              <FormLabel id="settings-theme">{t('settings.theme')}</FormLabel>
              <RadioGroup row aria-labelledby="settings-theme" value={themeMode} onChange={(e) => setThemeMode(e.target.value as ThemeMode)}>
                <FormControlLabel value="light" control={<Radio />} label={t('settings.themeLight')} />
                <FormControlLabel value="dark" control={<Radio />} label={t('settings.themeDark')} />
                <FormControlLabel value="system" control={<Radio />} label={t('settings.themeSystem')} />
              </RadioGroup>
            </FormControl>
          </CardContent>
        </Card>
        <ReminderSettingsCard />
        <ServerSettingsCard
          inUse={session?.serverUrl ?? null}
          settings={server.settings}
          canEdit={session?.user.roles.includes('admin') ?? false}
          onSave={server.save}
        />
        <Card>
          <CardContent>
            <Typography variant="h3" sx={{ mb: 1 }}>{t('settings.about')}</Typography>
            <Typography variant="body2">{t('settings.version', { version })}</Typography>
            <Typography variant="body2">{t('settings.runtime', { runtime: platform.runtime })}</Typography>
            <Typography variant="body2" color="text.secondary">{t('settings.dataLocation', { name: databaseNameFor(userId) })}</Typography>
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
}
