import { Chip } from '@mui/material';
import CloudDoneOutlinedIcon from '@mui/icons-material/CloudDoneOutlined';
import ScheduleSendOutlinedIcon from '@mui/icons-material/ScheduleSendOutlined';
import { useTranslation } from 'react-i18next';
import type { AdverseEvent } from '../../../../shared/schemas';
import { formatDateTime } from '../../components/format';
import { sendStateOf, timeAgo } from './sendState';

/** "Not yet sent · captured 5 minutes ago" (red after 24 hours) or "Sent · received …", from the server's receipt only. */
export function SendStateChip({ report, now }: Readonly<{ report: Pick<AdverseEvent, 'capturedAt' | 'receivedAt'>; now: number }>) {
  const { t, i18n } = useTranslation();
  const state = sendStateOf(report, now);
  if (state.sent) {
    return (
      <Chip
        size="small"
        color="success"
        variant="outlined"
        icon={<CloudDoneOutlinedIcon />}
        label={t('adverseEvents.sent', { at: formatDateTime(state.receivedAt, i18n.language) })}
        data-testid="send-state"
        data-sent="true"
      />
    );
  }
  const ago = timeAgo(state.ageMs, i18n.language) ?? t('adverseEvents.justNow');
  return (
    <Chip
      size="small"
      color={state.overdue ? 'error' : 'warning'}
      variant={state.overdue ? 'filled' : 'outlined'}
      icon={<ScheduleSendOutlinedIcon />}
      label={t('adverseEvents.notSent', { ago })}
      data-testid="send-state"
      data-sent="false"
    />
  );
}

export function PvStatusChip({ status }: Readonly<{ status: AdverseEvent['pvStatus'] }>) {
  const { t } = useTranslation();
  if (!status) return null;
  return <Chip size="small" color={status === 'acknowledged' ? 'success' : 'info'} label={t(`adverseEvents.pvStatus.${status}`)} />;
}
