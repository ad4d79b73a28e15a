import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Chip } from '@mui/material';
import ScheduleSendOutlinedIcon from '@mui/icons-material/ScheduleSendOutlined';
import { summarizeUnsent, timeAgo } from './sendState';
import { useNow, useUnsentAdverseEvents } from './useAdverseEvents';

function useUnsentSummary() {
  const { data } = useUnsentAdverseEvents();
  const now = useNow();
  return summarizeUnsent(data, now);
}

/**
 * App bar chip while any adverse-event report on this computer has not reached the server
 * (no server receipt): how many, and red once one is past the 24-hour deadline.
 */
export function UnsentReportsChip() {
  const { t } = useTranslation();
  const summary = useUnsentSummary();
  if (summary.count === 0) return null;
  return (
    <Chip
      component={Link}
      to="/adverse-events"
      clickable
      size="small"
      color={summary.overdue > 0 ? 'error' : 'warning'}
      variant={summary.overdue > 0 ? 'filled' : 'outlined'}
      icon={<ScheduleSendOutlinedIcon />}
      label={t('adverseEvents.unsentChip', { count: summary.count })}
      data-testid="unsent-reports"
    />
  );
}

/**
 * A warning that stays on every screen while a report is more than 24 hours old and still not
 * at the server: company practice is to inform pharmacovigilance within 24 hours.
 */
export function OverdueReportsBanner() {
  const { t, i18n } = useTranslation();
  const summary = useUnsentSummary();
  if (summary.overdue === 0) return null;
  return (
    <Alert
      severity="error"
      variant="filled"
      square
      data-testid="overdue-reports"
      action={<Button color="inherit" size="small" component={Link} to="/adverse-events">{t('adverseEvents.viewReports')}</Button>}
    >
      {t('adverseEvents.overdueBanner', { count: summary.overdue, ago: timeAgo(summary.oldestAgeMs, i18n.language) ?? '' })}
    </Alert>
  );
}
