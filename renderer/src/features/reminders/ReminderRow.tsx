import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, Chip, IconButton, Link, ListItem, ListItemIcon, ListItemText, Stack, Tooltip } from '@mui/material';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import type { SnoozeChoice } from '../../../../shared/reminders/actions';
import type { AgendaEntry } from '../../../../shared/reminders/due';
import { formatDay } from '../../components/format';
import { KindIcon } from './KindIcon';
import { SnoozeMenu } from './SnoozeMenu';
import { reminderDetails, reminderTitle } from './reminderText';

interface Props {
  entry: AgendaEntry;
  today: string;
  snoozePreview(choice: SnoozeChoice): string;
  onDone(): void;
  onSnooze(choice: SnoozeChoice): void;
  /** Custom and replenishment reminders can be edited. */
  onEdit?: () => void;
  /** On the customer's own file: no link to it. */
  hideCustomer?: boolean;
  /** Outside a day-grouped list: say which day it is due. */
  showDay?: boolean;
}

/** One reminder: what, for whom, why; how late; done and snooze at hand. */
export function ReminderRow({ entry, today, snoozePreview, onDone, onSnooze, onEdit, hideCustomer, showDay }: Readonly<Props>) {
  const { t, i18n } = useTranslation();
  const { item } = entry;
  const title = reminderTitle(item, t);
  const details = reminderDetails(entry, t, i18n.language);
  if (showDay && entry.daysOverdue === 0 && item.kind !== 'key_date') {
    details.unshift(entry.day === today ? t('today.title') : formatDay(entry.day, i18n.language));
  }
  const customerLink = item.customerId && item.customerName && !hideCustomer;
  const kindLabel = t(`reminders.kind.${item.kind}`);
  return (
    <ListItem divider data-reminder={item.key} sx={{ pr: 1, alignItems: 'flex-start', gap: 1, '&:last-child': { borderBottom: 0 } }}>
      <ListItemIcon sx={{ minWidth: 32, mt: 0.75 }}>
        <KindIcon kind={item.kind} titleText={kindLabel} />
      </ListItemIcon>
      <ListItemText
        sx={{ my: 0.5, minWidth: 0 }}
        primary={
          item.visitId && item.customerId ? (
            <Link component={RouterLink} to={`/customers/${item.customerId}/visits/${item.visitId}`} underline="hover" color="inherit" title={t('reminders.openVisit')}>
              {title}
            </Link>
          ) : (
            title
          )
        }
        secondary={
          <>
            {customerLink ? (
              <Link component={RouterLink} to={`/customers/${item.customerId}`} underline="hover">{item.customerName}</Link>
            ) : null}
            {[kindLabel, ...details].map((d, i) => (i === 0 && !customerLink ? d : ` · ${d}`)).join('')}
          </>
        }
        slotProps={{ primary: { sx: { fontWeight: 500, wordBreak: 'break-word' } } }}
      />
      <Stack direction="row" sx={{ alignItems: 'center', flexShrink: 0, gap: 0.5, mt: 0.25 }}>
        {entry.daysOverdue > 0 && (
          <Chip size="small" color="error" variant="outlined" label={t('reminders.overdueDays', { count: entry.daysOverdue })} />
        )}
        <Box sx={{ display: 'flex' }}>
          {onEdit && (
            <Tooltip title={t('common.edit')}>
              <IconButton size="small" aria-label={t('reminders.edit', { title })} onClick={onEdit}>
                <EditOutlinedIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
          <SnoozeMenu title={title} today={today} preview={snoozePreview} onSnooze={onSnooze} />
          <Tooltip title={t('reminders.done')}>
            <IconButton size="small" color="success" aria-label={t('reminders.markDone', { title })} onClick={onDone}>
              <CheckCircleOutlineIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Box>
      </Stack>
    </ListItem>
  );
}
