import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, Card, CardContent, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import type { Customer } from '../../../../shared/schemas';
import { formatDateTime } from '../../components/format';
import { SendStateChip } from '../adverseEvents/SendStateChip';
import { useCustomerAdverseEvents, useNow } from '../adverseEvents/useAdverseEvents';
import { FeedbackKindChip, FeedbackStatusChip, RatingStars } from './FeedbackChips';
import { QuickCapture } from './QuickCapture';
import { useCustomerFeedback } from './useFeedback';

/** The customer file's feedback: what this customer said and what became of it, with quick capture. */
export function CustomerFeedbackCard({ customer }: Readonly<{ customer: Customer }>) {
  const { t, i18n } = useTranslation();
  const feedback = useCustomerFeedback(customer.id).data;
  const reports = useCustomerAdverseEvents(customer.id).data;
  const reportsById = useMemo(() => new Map(reports.map((r) => [r.id, r])), [reports]);
  const now = useNow();
  return (
    <Card component="section" aria-labelledby="block-feedback">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, mb: 1, flexWrap: 'wrap' }}>
          <Typography id="block-feedback" variant="h2">{t('feedback.customerBlock')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('feedback.count', { count: feedback.length })}</Typography>
          <Box sx={{ flex: 1 }} />
          <QuickCapture customerId={customer.id} size="small" />
        </Stack>
        {feedback.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 1 }}>{t('feedback.noneForCustomer')}</Typography>
        ) : (
          <Box component="ol" aria-label={t('feedback.customerBlock')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {feedback.map((f) => {
              const report = f.adverseEventId ? reportsById.get(f.adverseEventId) : undefined;
              const when = formatDateTime(f.capturedAt, i18n.language);
              return (
                <Box component="li" key={f.id} sx={{ display: 'flex', gap: 1, py: 1.25, borderBottom: 1, borderColor: 'divider' }}>
                  <Box sx={{ flex: 1, minWidth: 0 }}>
                    <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                      <FeedbackKindChip kind={f.kind} />
                      {f.rating !== undefined && <RatingStars value={f.rating} />}
                      <FeedbackStatusChip status={f.status} />
                      {report && <SendStateChip report={report} now={now} />}
                      <Typography variant="body2" color="text.secondary">
                        {when}
                        {f.product ? ` · ${f.product.name}` : ''}
                      </Typography>
                    </Stack>
                    {f.customerWords && (
                      <Typography variant="body2" sx={{ mt: 0.5, display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
                        {f.customerWords}
                      </Typography>
                    )}
                  </Box>
                  <Tooltip title={t('feedback.open')}>
                    <IconButton component={Link} to={`/feedback/${f.id}`} size="small" aria-label={`${t('feedback.open')} ${t(`feedback.kind.${f.kind}`)} ${when}`}>
                      <ChevronRightIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </Box>
              );
            })}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
