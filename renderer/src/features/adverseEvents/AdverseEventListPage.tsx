import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, Link as MuiLink, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { formatDateTime } from '../../components/format';
import { loose } from '../../i18n';
import { useCustomersById } from '../feedback/useFeedback';
import { patientText, seriousnessText } from './adverseEventDetails';
import { PvStatusChip, SendStateChip } from './SendStateChip';
import { ReportAdverseEventButton } from './ReportAdverseEventButton';
import { useAdverseEvents, useNow } from './useAdverseEvents';

/** Adverse-event reports on this computer with where each one stands: not yet sent, sent, acknowledged. */
export function AdverseEventListPage() {
  const { t, i18n } = useTranslation();
  const { data: reports, loading } = useAdverseEvents();
  const now = useNow();
  const customers = useCustomersById(reports.flatMap((r) => (r.customerId ? [r.customerId] : [])));
  return (
    <Box sx={{ p: 3 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="h1">{t('adverseEvents.listTitle')}</Typography>
        <Typography color="text.secondary">{t('adverseEvents.count', { count: reports.length })}</Typography>
        <Box sx={{ flex: 1 }} />
        <ReportAdverseEventButton />
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 820 }}>{t('adverseEvents.listIntro')}</Typography>
      {!loading && reports.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 4 }}>{t('adverseEvents.empty')}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('adverseEvents.listTitle')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('adverseEvents.capturedAt')}</TableCell>
                <TableCell>{t('adverseEvents.product')}</TableCell>
                <TableCell>{t('adverseEvents.event')}</TableCell>
                <TableCell>{t('adverseEvents.patient')}</TableCell>
                <TableCell>{t('adverseEvents.customer')}</TableCell>
                <TableCell>{t('adverseEvents.seriousness')}</TableCell>
                <TableCell>{t('adverseEvents.sendState')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {reports.map((r) => (
                <TableRow key={r.id} hover>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <MuiLink component={Link} to={`/adverse-events/${r.id}`}>{formatDateTime(r.capturedAt, i18n.language)}</MuiLink>
                  </TableCell>
                  <TableCell>{r.product.name}</TableCell>
                  <TableCell sx={{ maxWidth: 320 }}>
                    <Typography variant="body2" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>{r.event}</Typography>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{patientText(r.patient, loose(t))}</TableCell>
                  <TableCell>{(r.customerId && customers.get(r.customerId)?.name) ?? t('common.none')}</TableCell>
                  <TableCell>{seriousnessText(r, loose(t))}</TableCell>
                  <TableCell>
                    <Stack sx={{ gap: 0.5, alignItems: 'flex-start' }}>
                      <SendStateChip report={r} now={now} />
                      <PvStatusChip status={r.pvStatus} />
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
