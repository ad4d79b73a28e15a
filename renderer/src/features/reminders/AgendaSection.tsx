import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CardContent, Chip, List, ListSubheader, Stack, Typography } from '@mui/material';
import { addDays } from '../../../../shared/reminders/days';
import type { AgendaEntry } from '../../../../shared/reminders/due';

interface Props {
  id: string;
  title: string;
  entries: readonly AgendaEntry[];
  color: 'error' | 'primary' | 'default';
  today: string;
  /** Upcoming: a heading per day. */
  byDay?: boolean;
  empty?: string;
  footer?: ReactNode;
  renderRow(entry: AgendaEntry): ReactNode;
}

/** A day's label in a list: "Tomorrow", else the weekday and date. */
export function dayHeading(day: string, today: string, language: string, tomorrow: string): string {
  if (day === addDays(today, 1)) return tomorrow;
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { weekday: 'long', month: 'short', day: 'numeric' }).format(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

/** One group of the Today view (overdue, due today, next 7 days) as a titled list. */
export function AgendaSection({ id, title, entries, color, today, byDay, empty, footer, renderRow }: Readonly<Props>) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0 && !empty) return null;
  return (
    <Card component="section" aria-labelledby={id}>
      <CardContent sx={{ pb: 1, '&:last-child': { pb: 1 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 0.5 }}>
          <Typography id={id} variant="h2" color={color === 'error' ? 'error' : undefined}>{title}</Typography>
          {entries.length > 0 && <Chip size="small" label={entries.length} color={color} />}
        </Stack>
        {entries.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 1 }}>{empty}</Typography>
        ) : (
          <List dense aria-labelledby={id} disablePadding>
            {entries.map((entry, i) => (
              <Fragment key={entry.item.key}>
                {byDay && entry.day !== entries[i - 1]?.day && (
                  <ListSubheader disableSticky sx={{ px: 0, lineHeight: 2.5, bgcolor: 'transparent' }}>
                    {dayHeading(entry.day, today, i18n.language, t('today.tomorrow'))}
                  </ListSubheader>
                )}
                {renderRow(entry)}
              </Fragment>
            ))}
          </List>
        )}
        {footer}
      </CardContent>
    </Card>
  );
}
