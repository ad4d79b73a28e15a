import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { PvQueueItem } from '../../../../shared/pharmacovigilance/api';
import { formatDateTime, formatDay } from '../../components/format';
import { loose } from '../../i18n';
import { patientText, reporterText, seriousnessText } from '../adverseEvents/adverseEventDetails';
import { DetailList, type DetailRow } from '../feedback/DetailList';

/** A report in full, as the server holds it. */
export function PvReportDialog({ item, onClose }: Readonly<{ item: PvQueueItem; onClose(): void }>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const r = item.report;
  const rows: DetailRow[] = [
    { id: 'patient', label: t('adverseEvents.patient'), value: patientText(r.patient, loose(t)) },
    { id: 'reporter', label: t('adverseEvents.reporter'), value: reporterText(r.reporter) },
    { id: 'product', label: t('adverseEvents.product'), value: r.product.name },
    { id: 'event', label: t('adverseEvents.event'), value: r.event },
    ...(r.onsetDate ? [{ id: 'onset', label: t('adverseEvents.onsetDate'), value: formatDay(r.onsetDate, lang) }] : []),
    { id: 'seriousness', label: t('adverseEvents.seriousness'), value: seriousnessText(r, loose(t)) },
    ...(r.outcome ? [{ id: 'outcome', label: t('adverseEvents.outcome'), value: r.outcome }] : []),
    { id: 'customer', label: t('adverseEvents.customer'), value: item.customerName ?? t('common.none') },
    { id: 'captured', label: t('adverseEvents.capturedAt'), value: `${formatDateTime(r.capturedAt, lang)} · ${item.repName ?? r.repId}` },
    ...(r.receivedAt ? [{ id: 'received', label: t('adverseEvents.receivedAt'), value: formatDateTime(r.receivedAt, lang) }] : []),
    ...(r.pvAcknowledgedAt
      ? [{ id: 'acknowledged', label: t('adverseEvents.acknowledgedAt'), value: `${formatDateTime(r.pvAcknowledgedAt, lang)} · ${item.acknowledgedByName ?? ''}` }]
      : []),
    { id: 'id', label: t('pharmacovigilance.reportId'), value: r.id },
  ];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="pv-report-title">
      <DialogTitle id="pv-report-title">{t('adverseEvents.detailTitle')}</DialogTitle>
      <DialogContent dividers>
        <DetailList rows={rows} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('pharmacovigilance.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
