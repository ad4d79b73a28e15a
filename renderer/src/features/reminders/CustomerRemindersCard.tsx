import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, CardContent, List, Stack, Typography } from '@mui/material';
import AddAlarmOutlinedIcon from '@mui/icons-material/AddAlarmOutlined';
import type { Customer, Reminder } from '../../../../shared/schemas';
import { snoozeTarget } from '../../../../shared/reminders/actions';
import { openEntries } from '../../../../shared/reminders/due';
import { editableDoc } from './editableDoc';
import { ReminderDialog } from './ReminderDialog';
import { ReminderRow } from './ReminderRow';
import { useReminderActions } from './useReminderActions';
import { useReminders } from './useReminders';

/** On the customer file: everything open for this customer (follow-ups, key dates, restocks, own reminders), and a new one. */
export function CustomerRemindersCard({ customer }: Readonly<{ customer: Customer }>) {
  const { t } = useTranslation();
  const { today, items } = useReminders();
  const actions = useReminderActions();
  const [dialog, setDialog] = useState<{ existing?: Reminder } | null>(null);
  const entries = useMemo(() => openEntries(items, today, (i) => i.customerId === customer.id), [items, today, customer.id]);

  return (
    <Card component="section" aria-labelledby="block-reminders">
      <CardContent sx={{ pb: 1, '&:last-child': { pb: 1 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 0.5 }}>
          <Typography id="block-reminders" variant="h2" sx={{ flex: 1 }}>{t('reminders.customerCard.title')}</Typography>
          <Button size="small" startIcon={<AddAlarmOutlinedIcon />} onClick={() => setDialog({})}>{t('today.newReminder')}</Button>
        </Stack>
        {entries.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 1 }}>{t('reminders.customerCard.none')}</Typography>
        ) : (
          <List dense aria-labelledby="block-reminders" disablePadding>
            {entries.map((entry) => {
              const doc = editableDoc(entry.item);
              return (
                <ReminderRow
                  key={entry.item.key}
                  entry={entry}
                  today={today}
                  showDay
                  hideCustomer
                  snoozePreview={(choice) => snoozeTarget(entry.item, choice, today)}
                  onDone={() => actions.done(entry.item)}
                  onSnooze={(choice) => actions.snooze(entry.item, choice)}
                  {...(doc ? { onEdit: () => setDialog({ existing: doc }) } : {})}
                />
              );
            })}
          </List>
        )}
      </CardContent>
      {dialog && (
        <ReminderDialog today={today} customerId={customer.id} {...(dialog.existing ? { existing: dialog.existing } : {})} onClose={() => setDialog(null)} />
      )}
      {actions.undoBar}
    </Card>
  );
}
