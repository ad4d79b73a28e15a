import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Link as MuiLink, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import type { AdverseEvent } from '../../../../shared/schemas';
import { newId } from '../../../../shared/util/ids';
import { nowIso } from '../../../../shared/util/time';
import { useSessionStore } from '../../app/sessionStore';
import { formatDateTime, formatDay } from '../../components/format';
import { useDatabase } from '../../db/DatabaseContext';
import { loose } from '../../i18n';
import { useCustomer } from '../customers/useCustomers';
import { DetailList, type DetailRow } from '../feedback/DetailList';
import { FollowUps } from '../feedback/FollowUps';
import { addFollowUp } from '../feedback/feedbackRepository';
import { useColleagues, useComments } from '../feedback/useFeedback';
import { patientText, reporterText, seriousnessText } from './adverseEventDetails';
import { sendStateOf, timeAgo } from './sendState';
import { PvStatusChip, SendStateChip } from './SendStateChip';
import { useAdverseEvent, useNow } from './useAdverseEvents';

/** One report as captured (never changed), where it stands, and follow-up information added since. */
export function AdverseEventDetailPage() {
  const { reportId } = useParams();
  const { t } = useTranslation();
  const { data: report, loading } = useAdverseEvent(reportId);
  if (loading) return <Box sx={{ p: 4 }}><CircularProgress size={24} /></Box>;
  if (!report) {
    return (
      <Box sx={{ p: 3 }}>
        <Typography sx={{ mb: 2 }}>{t('adverseEvents.missing')}</Typography>
        <Button component={Link} to="/adverse-events" startIcon={<ArrowBackIcon />}>{t('adverseEvents.backToList')}</Button>
      </Box>
    );
  }
  return <AdverseEventDetail report={report} />;
}

function AdverseEventDetail({ report }: Readonly<{ report: AdverseEvent }>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const db = useDatabase();
  const user = useSessionStore((s) => s.user);
  const now = useNow();
  const customer = useCustomer(report.customerId).data;
  const colleagues = useColleagues();
  const comments = useComments(report.id).data;
  const state = sendStateOf(report, now);
  const name = (id: string | undefined) => (id ? (id === user.id ? t('feedback.you') : (colleagues.get(id)?.displayName ?? t('feedback.unknownPerson'))) : '');

  const rows: DetailRow[] = [
    { id: 'patient', label: t('adverseEvents.patient'), value: patientText(report.patient, loose(t)) },
    { id: 'reporter', label: t('adverseEvents.reporter'), value: reporterText(report.reporter) },
    { id: 'product', label: t('adverseEvents.product'), value: report.product.name },
    { id: 'event', label: t('adverseEvents.event'), value: report.event },
    ...(report.onsetDate ? [{ id: 'onset', label: t('adverseEvents.onsetDate'), value: formatDay(report.onsetDate, lang) }] : []),
    { id: 'seriousness', label: t('adverseEvents.seriousness'), value: seriousnessText(report, loose(t)) },
    ...(report.outcome ? [{ id: 'outcome', label: t('adverseEvents.outcome'), value: report.outcome }] : []),
    ...(report.customerId
      ? [{ id: 'customer', label: t('adverseEvents.customer'), value: customer ? <MuiLink component={Link} to={`/customers/${customer.id}`}>{customer.name}</MuiLink> : t('feedback.unknownCustomer') }]
      : []),
    ...(report.visitId && report.customerId
      ? [{ id: 'visit', label: t('feedback.visit'), value: <MuiLink component={Link} to={`/customers/${report.customerId}/visits/${report.visitId}`}>{t('feedback.openVisit')}</MuiLink> }]
      : []),
    { id: 'captured', label: t('adverseEvents.capturedAt'), value: `${formatDateTime(report.capturedAt, lang)} · ${name(report.repId)}` },
    ...(report.receivedAt ? [{ id: 'received', label: t('adverseEvents.receivedAt'), value: formatDateTime(report.receivedAt, lang) }] : []),
    ...(report.pvAcknowledgedAt
      ? [{ id: 'acknowledged', label: t('adverseEvents.acknowledgedAt'), value: `${formatDateTime(report.pvAcknowledgedAt, lang)} · ${name(report.pvAcknowledgedBy)}` }]
      : []),
  ];

  return (
    <Box component="article" aria-label={t('adverseEvents.detailTitle')} sx={{ p: 3, maxWidth: 960 }}>
      <Button component={Link} to="/adverse-events" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>{t('adverseEvents.backToList')}</Button>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">{t('adverseEvents.detailTitle')}</Typography>
        <SendStateChip report={report} now={now} />
        <PvStatusChip status={report.pvStatus} />
      </Stack>
      {state.sent ? (
        <Alert severity="success" sx={{ mb: 2 }}>
          {report.pvStatus === 'acknowledged' ? t('adverseEvents.acknowledgedNote') : t('adverseEvents.receivedNote', { at: formatDateTime(state.receivedAt, lang) })}
        </Alert>
      ) : (
        <Alert severity={state.overdue ? 'error' : 'warning'} sx={{ mb: 2 }} data-testid="not-sent-note">
          {state.overdue
            ? t('adverseEvents.notSentOverdueNote', { ago: timeAgo(state.ageMs, lang) ?? '' })
            : t('adverseEvents.notSentNote', { ago: timeAgo(state.ageMs, lang) ?? t('adverseEvents.justNow') })}
        </Alert>
      )}
      <Alert severity="info" icon={<LockOutlinedIcon fontSize="inherit" />} sx={{ mb: 2 }}>{t('adverseEvents.readOnlyNote')}</Alert>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <DetailList rows={rows} />
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <FollowUps
            title={t('adverseEvents.followUps')}
            comments={comments}
            colleagues={colleagues}
            currentUserId={user.id}
            emptyText={t('adverseEvents.noFollowUps')}
            placeholder={t('adverseEvents.followUpPlaceholder')}
            onAdd={async (text) => {
              await addFollowUp(db, { collection: 'adverseevents', id: report.id, territoryId: report.territoryId, ...(report.customerId ? { customerId: report.customerId } : {}) }, text, newId(), user.id, nowIso());
            }}
          />
        </CardContent>
      </Card>
    </Box>
  );
}
