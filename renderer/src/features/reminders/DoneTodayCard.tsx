import { useTranslation } from 'react-i18next';
import { Card, CardContent, IconButton, List, ListItem, ListItemIcon, ListItemText, Tooltip, Typography } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import type { ReminderItem } from '../../../../shared/reminders/items';
import { KindIcon } from './KindIcon';
import { reminderTitle } from './reminderText';

/** What the rep ticked off today, with a way back for a slip of the finger. */
export function DoneTodayCard({ items, onReopen }: Readonly<{ items: readonly ReminderItem[]; onReopen(item: ReminderItem): void }>) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="today-done">
      <CardContent sx={{ pb: 1, '&:last-child': { pb: 1 } }}>
        <Typography id="today-done" variant="h2" sx={{ mb: 0.5 }}>{t('today.doneToday')}</Typography>
        <List dense aria-labelledby="today-done" disablePadding>
          {items.map((item) => {
            const title = reminderTitle(item, t);
            return (
              <ListItem
                key={item.key}
                divider
                sx={{ '&:last-child': { borderBottom: 0 } }}
                secondaryAction={
                  item.kind !== 'replenishment' && (
                    <Tooltip title={t('reminders.reopen')}>
                      <IconButton edge="end" size="small" aria-label={t('reminders.reopenItem', { title })} onClick={() => onReopen(item)}>
                        <UndoIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  )
                }
              >
                <ListItemIcon sx={{ minWidth: 32 }}><KindIcon kind={item.kind} titleText={t(`reminders.kind.${item.kind}`)} /></ListItemIcon>
                <ListItemText
                  primary={title}
                  secondary={item.customerName}
                  slotProps={{ primary: { sx: { textDecoration: 'line-through', color: 'text.secondary' } } }}
                />
              </ListItem>
            );
          })}
        </List>
      </CardContent>
    </Card>
  );
}
