import { Chip, Rating } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FeedbackKind, FeedbackStatus } from './feedbackFormModel';

const STATUS_COLORS: Record<FeedbackStatus, 'info' | 'primary' | 'warning' | 'success'> = {
  new: 'info',
  acknowledged: 'primary',
  in_progress: 'warning',
  resolved: 'success',
};

export function FeedbackStatusChip({ status }: Readonly<{ status: FeedbackStatus }>) {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" color={STATUS_COLORS[status]} label={t(`feedback.status.${status}`)} />;
}

export function FeedbackKindChip({ kind }: Readonly<{ kind: FeedbackKind }>) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={kind === 'adverse_event' ? 'error' : kind === 'complaint' ? 'warning' : 'default'}
      variant={kind === 'adverse_event' ? 'filled' : 'outlined'}
      label={t(`feedback.kind.${kind}`)}
    />
  );
}

/** A captured satisfaction rating, read-only, with its number for screen readers. */
export function RatingStars({ value }: Readonly<{ value: number }>) {
  const { t } = useTranslation();
  return <Rating value={value} readOnly size="small" aria-label={t('feedback.stars', { count: value })} />;
}
