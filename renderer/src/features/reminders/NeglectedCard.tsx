import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Card, CardContent, Chip, Link, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import type { NeglectedCustomer } from '../../../../shared/reminders/neglected';
import { formatDay } from '../../components/format';

const FIRST = 8;

/** A-tier customers without an in-person visit for N days: a link to each and "log visit". */
export function NeglectedCard({ neglected, days }: Readonly<{ neglected: readonly NeglectedCustomer[]; days: number }>) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? neglected : neglected.slice(0, FIRST);
  return (
    <Card component="section" aria-labelledby="today-neglected">
      <CardContent sx={{ pb: 1, '&:last-child': { pb: 1 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          <Typography id="today-neglected" variant="h2">{t('today.neglectedTitle', { days })}</Typography>
          {neglected.length > 0 && <Chip size="small" label={neglected.length} color="warning" />}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
          {t('today.neglectedHelp')}{' '}
          <Link component={RouterLink} to="/settings" sx={{ whiteSpace: 'nowrap' }}>{t('today.changeDays')}</Link>
        </Typography>
        {neglected.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 1 }}>{t('today.neglectedNone', { days })}</Typography>
        ) : (
          <List dense aria-labelledby="today-neglected" disablePadding>
            {shown.map(({ customer, lastVisitDay, daysSince }) => (
              <ListItem key={customer.id} divider sx={{ gap: 1, pr: 0, '&:last-child': { borderBottom: 0 } }}>
                <ListItemText
                  sx={{ minWidth: 0 }}
                  primary={<Link component={RouterLink} to={`/customers/${customer.id}`} underline="hover">{customer.name}</Link>}
                  secondary={[
                    customer.institution,
                    lastVisitDay ? t('today.lastVisit', { date: formatDay(lastVisitDay, i18n.language), count: daysSince ?? 0 }) : t('today.neverVisited'),
                  ].filter(Boolean).join(' · ')}
                />
                <Button
                  component={RouterLink}
                  to={`/customers/${customer.id}/visits/new`}
                  size="small"
                  variant="outlined"
                  startIcon={<AddIcon />}
                  aria-label={`${t('today.logVisit')}: ${customer.name}`}
                  sx={{ flexShrink: 0 }}
                >
                  {t('today.logVisit')}
                </Button>
              </ListItem>
            ))}
          </List>
        )}
        {neglected.length > FIRST && (
          <Button size="small" onClick={() => setAll(!all)} sx={{ mt: 0.5 }}>
            {all ? t('today.showLess') : t('today.showMore', { count: neglected.length })}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
