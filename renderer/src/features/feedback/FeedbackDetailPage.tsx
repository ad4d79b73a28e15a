import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Link as MuiLink, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import type { Feedback } from '../../../../shared/schemas';
import { newId } from '../../../../shared/util/ids';
import { nowIso } from '../../../../shared/util/time';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { useSessionStore } from '../../app/sessionStore';
import { useToastStore } from '../../app/toastStore';
import { formatDateTime } from '../../components/format';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { useDatabase } from '../../db/DatabaseContext';
import { useCustomer } from '../customers/useCustomers';
import { SendStateChip } from '../adverseEvents/SendStateChip';
import { useAdverseEvent, useNow } from '../adverseEvents/useAdverseEvents';
import { useVisit } from '../visits/useVisits';
import { DetailList, type DetailRow } from './DetailList';
import { FeedbackKindChip, FeedbackStatusChip, RatingStars } from './FeedbackChips';
import { applyStatusUpdate, statusValuesOf, type FeedbackStatusValues } from './feedbackFormModel';
import { addFollowUp, updateFeedbackStatus } from './feedbackRepository';
import { FeedbackStatusCard } from './FeedbackStatusCard';
import { FollowUps } from './FollowUps';
import { useColleagues, useComments, useFeedbackOne } from './useFeedback';

/** One piece of feedback: what was captured (read-only from then on), its handling, and its follow-ups. */
export function FeedbackDetailPage() {
  const { feedbackId } = useParams();
  const { t } = useTranslation();
  const { data: feedback, loading } = useFeedbackOne(feedbackId);
  if (loading) return <Box sx={{ p: 4 }}><CircularProgress size={24} /></Box>;
  if (!feedback) {
    return (
      <Box sx={{ p: 3 }}>
        <Typography sx={{ mb: 2 }}>{t('feedback.missing')}</Typography>
        <Button component={Link} to="/feedback" startIcon={<ArrowBackIcon />}>{t('feedback.backToList')}</Button>
      </Box>
    );
  }
  return <FeedbackDetail key={feedback.id} feedback={feedback} />;
}

function FeedbackDetail({ feedback }: Readonly<{ feedback: Feedback }>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const db = useDatabase();
  const user = useSessionStore((s) => s.user);
  const showToast = useToastStore((s) => s.show);
  const customer = useCustomer(feedback.customerId).data;
  const visit = useVisit(feedback.visitId).data;
  const report = useAdverseEvent(feedback.adverseEventId).data;
  const now = useNow();
  const colleagues = useColleagues();
  const comments = useComments(feedback.id).data;
  const stored = statusValuesOf(feedback);
  const [base, setBase] = useState(stored);
  const [values, setValues] = useState<FeedbackStatusValues>(stored);
  // A new state from sync or another window: taken over unless the user is editing.
  if (JSON.stringify(stored) !== JSON.stringify(base)) {
    setBase(stored);
    if (JSON.stringify(values) === JSON.stringify(base)) setValues(stored);
  }
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const changed = applyStatusUpdate(feedback, values, user.id, feedback.updatedAt).changed;
  const guard = useLeaveGuard(changed);
  const assignees = useMemo(() => [...colleagues.values()].filter((c) => c.active || c.id === values.assigneeId).map((c) => ({ id: c.id, label: c.displayName })), [colleagues, values.assigneeId]);
  const name = (id: string) => (id === user.id ? t('feedback.you') : (colleagues.get(id)?.displayName ?? t('feedback.unknownPerson')));

  const save = async () => {
    const { errors: found } = applyStatusUpdate(feedback, values, user.id, nowIso());
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      guard.allowLeave();
      await updateFeedbackStatus(db, feedback.id, values, user.id, nowIso());
      showToast(t('feedback.statusSaved'));
    } finally {
      setSaving(false);
    }
  };

  const rows: DetailRow[] = [
    { id: 'kind', label: t('feedback.kindLabel'), value: <FeedbackKindChip kind={feedback.kind} /> },
    ...(feedback.rating !== undefined ? [{ id: 'rating', label: t('feedback.rating'), value: <RatingStars value={feedback.rating} /> }] : []),
    { id: 'product', label: t('feedback.product'), value: feedback.product?.name ?? t('common.none') },
    { id: 'words', label: t('feedback.customerWords'), value: feedback.customerWords ?? t('common.none') },
    { id: 'reading', label: t('feedback.repReading'), value: feedback.repReading ?? t('common.none') },
    { id: 'customer', label: t('feedback.customer'), value: customer ? <MuiLink component={Link} to={`/customers/${customer.id}`}>{customer.name}</MuiLink> : t('feedback.unknownCustomer') },
    ...(feedback.visitId
      ? [{
          id: 'visit',
          label: t('feedback.visit'),
          value: visit
            ? <MuiLink component={Link} to={`/customers/${feedback.customerId}/visits/${visit.id}`}>{`${t(`visitKind.${visit.kind}`)} · ${formatDateTime(visit.startAt, lang)}`}</MuiLink>
            : t('feedback.visitNotSaved'),
        }]
      : []),
    { id: 'captured', label: t('feedback.capturedAt'), value: `${formatDateTime(feedback.capturedAt, lang)} · ${name(feedback.repId)}` },
    ...(feedback.adverseEventId
      ? [{
          id: 'report',
          label: t('adverseEvents.report'),
          value: (
            <Stack direction="row" component="span" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <MuiLink component={Link} to={`/adverse-events/${feedback.adverseEventId}`}>{t('adverseEvents.openReport')}</MuiLink>
              {report && <SendStateChip report={report} now={now} />}
            </Stack>
          ),
        }]
      : []),
  ];

  return (
    <Box component="article" aria-label={t('feedback.detailTitle', { name: customer?.name ?? '' })} sx={{ p: 3 }}>
      {guard.dialog}
      <Button component={Link} to="/feedback" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>{t('feedback.backToList')}</Button>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">{t('feedback.detailTitle', { name: customer?.name ?? t('feedback.unknownCustomer') })}</Typography>
        <FeedbackStatusChip status={feedback.status} />
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          <Card component="section" aria-labelledby="feedback-captured-title">
            <CardContent>
              <Typography id="feedback-captured-title" variant="h2" sx={{ mb: 1 }}>{t('feedback.asCaptured')}</Typography>
              <Alert severity="info" icon={<LockOutlinedIcon fontSize="inherit" />} sx={{ mb: 2 }}>{t('feedback.readOnlyNote')}</Alert>
              <DetailList rows={rows} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <FollowUps
                title={t('feedback.followUps')}
                comments={comments}
                colleagues={colleagues}
                currentUserId={user.id}
                emptyText={t('feedback.noFollowUps')}
                placeholder={t('feedback.followUpPlaceholder')}
                onAdd={async (text) => {
                  await addFollowUp(db, { collection: 'feedback', id: feedback.id, territoryId: feedback.territoryId, customerId: feedback.customerId }, text, newId(), user.id, nowIso());
                  showToast(t('feedback.followUpAdded'));
                }}
              />
            </CardContent>
          </Card>
        </Stack>
        <FeedbackStatusCard values={values} errors={errors} assignees={assignees} changed={changed} saving={saving} onChange={setValues} onSave={() => void save()} />
      </Box>
    </Box>
  );
}
