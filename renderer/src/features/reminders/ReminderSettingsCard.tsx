import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CardContent, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { parseNeglectDays } from '../../../../shared/reminders/neglected';
import { useReminderPrefs } from './reminderPrefs';

/** Settings of the reminders: when an A-tier customer counts as unvisited, desktop notifications. */
export function ReminderSettingsCard() {
  const { t } = useTranslation();
  const neglectDays = useReminderPrefs((s) => s.neglectDays);
  const setNeglectDays = useReminderPrefs((s) => s.setNeglectDays);
  const desktop = useReminderPrefs((s) => s.desktopNotifications);
  const setDesktop = useReminderPrefs((s) => s.setDesktopNotifications);
  const [draft, setDraft] = useState(String(neglectDays));
  const parsed = parseNeglectDays(draft);

  const change = (raw: string) => {
    setDraft(raw);
    const days = parseNeglectDays(raw);
    if (days !== null) setNeglectDays(days);
  };

  return (
    <Card component="section" aria-labelledby="settings-reminders" id="reminders">
      <CardContent>
        <Typography id="settings-reminders" variant="h3" sx={{ mb: 2 }}>{t('reminders.settings.title')}</Typography>
        <Stack spacing={2}>
          <TextField
            label={t('reminders.settings.neglectDays')}
            value={draft}
            onChange={(e) => change(e.target.value)}
            onBlur={() => parsed === null && setDraft(String(neglectDays))}
            error={parsed === null}
            helperText={parsed === null ? t('validation.range', { min: 1, max: 365 }) : t('reminders.settings.neglectHelp')}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ maxWidth: 420 }}
          />
          <div>
            <FormControlLabel control={<Switch checked={desktop} onChange={(e) => setDesktop(e.target.checked)} />} label={t('reminders.settings.desktop')} />
            <Typography variant="body2" color="text.secondary">{t('reminders.settings.desktopHelp')}</Typography>
          </div>
        </Stack>
      </CardContent>
    </Card>
  );
}
