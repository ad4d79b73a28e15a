import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, Button, Stack, Typography } from '@mui/material';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { useSessionStore } from '../../app/sessionStore';
import { useActiveProducts } from '../visits/useVisits';
import { feedbackFiltersToParams, filterFeedback, isFiltered, parseFeedbackFilters, productChoices } from './feedbackFilters';
import { FeedbackFiltersBar } from './FeedbackFiltersBar';
import { FeedbackTable } from './FeedbackTable';
import { QuickCapture } from './QuickCapture';
import { useAllFeedback, useColleagues, useCustomersById } from './useFeedback';

/**
 * What customers said, across this computer's territories (a rep's own, a manager's team's):
 * filtered on local data, so it works offline. Filters live in the URL so Back returns to them.
 */
export function FeedbackListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFeedbackFilters(params), [params]);
  const { data: all, loading } = useAllFeedback();
  const user = useSessionStore((s) => s.user);
  const colleagues = useColleagues();
  const catalogue = useActiveProducts().data;
  const customers = useCustomersById(useMemo(() => all.map((f) => f.customerId), [all]));
  const shown = useMemo(() => filterFeedback(all, filters), [all, filters]);
  const products = useMemo(() => productChoices(all, catalogue.map((p) => p.name)), [all, catalogue]);
  const personName = (id: string | undefined) => (!id ? '' : id === user.id ? t('feedback.you') : (colleagues.get(id)?.displayName ?? t('feedback.unknownPerson')));
  const reps = useMemo(
    () => [...new Set(all.map((f) => f.repId))].map((id) => ({ id, label: id === user.id ? t('feedback.you') : (colleagues.get(id)?.displayName ?? id) })),
    [all, colleagues, user.id, t],
  );
  const filtered = isFiltered(filters);

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">{t('feedback.title')}</Typography>
        <Typography color="text.secondary" aria-live="polite" data-testid="feedback-count">
          {filtered ? `${shown.length} / ${all.length}` : t('feedback.count', { count: all.length })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button component={Link} to="/adverse-events" startIcon={<ReportProblemOutlinedIcon />}>{t('adverseEvents.listTitle')}</Button>
        <QuickCapture show="feedback" />
      </Stack>
      <FeedbackFiltersBar
        value={filters}
        products={products}
        reps={reps}
        filtered={filtered}
        onChange={(next) => setParams(feedbackFiltersToParams(next), { replace: true })}
        onClear={() => setParams({}, { replace: true })}
      />
      {!loading && shown.length === 0 ? (
        <Box sx={{ py: 6, textAlign: 'center' }}>
          <Typography color="text.secondary" sx={{ mb: 2 }}>{filtered ? t('feedback.noMatch') : t('feedback.empty')}</Typography>
          {filtered && <Button onClick={() => setParams({}, { replace: true })}>{t('feedback.clearFilters')}</Button>}
        </Box>
      ) : (
        <FeedbackTable feedback={shown} customerName={(id) => customers.get(id)?.name ?? t('feedback.unknownCustomer')} personName={personName} />
      )}
    </Box>
  );
}
