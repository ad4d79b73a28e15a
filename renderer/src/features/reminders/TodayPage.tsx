import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import type { Reminder } from '../../../../shared/schemas';
import { snoozeTarget } from '../../../../shared/reminders/actions';
import type { AgendaEntry } from '../../../../shared/reminders/due';
import { AgendaSection } from './AgendaSection';
import { DoneTodayCard } from './DoneTodayCard';
import { NeglectedCard } from './NeglectedCard';
import { ReminderDialog } from './ReminderDialog';
import { ReminderRow } from './ReminderRow';
import { editableDoc } from './editableDoc';
import { useReminderPrefs } from './reminderPrefs';
import { useReminderActions } from './useReminderActions';
import { useReminders } from './useReminders';

/** The start page: what is overdue and due today, the next 7 days, and A-tier customers going unvisited. */
export function TodayPage() {
  const { t, i18n } = useTranslation();
  const { today, agenda, neglected, loading } = useReminders();
  const neglectDays = useReminderPrefs((s) => s.neglectDays);
  const actions = useReminderActions();
  const [dialog, setDialog] = useState<{ existing?: Reminder } | null>(null);

  const row = (entry: AgendaEntry) => {
    const doc = editableDoc(entry.item);
    return (
      <ReminderRow
        key={entry.item.key}
        entry={entry}
        today={today}
        snoozePreview={(choice) => snoozeTarget(entry.item, choice, today)}
        onDone={() => actions.done(entry.item)}
        onSnooze={(choice) => actions.snooze(entry.item, choice)}
        {...(doc ? { onEdit: () => setDialog({ existing: doc }) } : {})}
      />
    );
  };

  const nothingDue = agenda.overdue.length === 0 && agenda.today.length === 0;
  const [y, m, d] = today.split('-').map(Number);
  const longDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' }).format(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1));

  return (
    <Box sx={{ p: 3, maxWidth: 1280 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Box>
          <Typography variant="h1">{t('today.title')}</Typography>
          <Typography color="text.secondary">{longDate}</Typography>
        </Box>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({})}>{t('today.newReminder')}</Button>
      </Stack>
      {loading ? (
        <CircularProgress size={24} />
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, gap: 2, alignItems: 'start' }}>
          <Stack spacing={2}>
            <AgendaSection id="today-overdue" title={t('today.overdue')} color="error" entries={agenda.overdue} today={today} renderRow={row} />
            <AgendaSection
              id="today-due"
              title={t('today.dueToday')}
              color="primary"
              entries={agenda.today}
              today={today}
              renderRow={row}
              {...(nothingDue ? { empty: t('today.allClear') } : {})}
            />
            <AgendaSection
              id="today-upcoming"
              title={t('today.upcoming')}
              color="default"
              entries={agenda.upcoming}
              today={today}
              byDay
              empty={t('today.nothingUpcoming')}
              renderRow={row}
              footer={agenda.later > 0 && <Typography variant="body2" color="text.secondary" sx={{ pt: 1 }}>{t('today.later', { count: agenda.later })}</Typography>}
            />
          </Stack>
          <Stack spacing={2}>
            <NeglectedCard neglected={neglected} days={neglectDays} />
            <DoneTodayCard items={agenda.doneToday} onReopen={actions.reopen} />
          </Stack>
        </Box>
      )}
      {dialog && <ReminderDialog today={today} {...(dialog.existing ? { existing: dialog.existing } : {})} onClose={() => setDialog(null)} />}
      {actions.undoBar}
    </Box>
  );
}

