import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { CUSTOMER_TIERS, type CustomerTier } from '../../../../../shared/schemas';
import { daysBetween } from '../../../../../shared/reports/days';
import { indexVisits } from '../../../../../shared/reports/visitIndex';
import { useDatabase } from '../../../db/DatabaseContext';
import { useToastStore } from '../../../app/toastStore';
import { loose } from '../../../i18n';
import { DrillPanel } from '../DrillPanel';
import { formatPercent } from '../format';
import type { DrillView } from '../overviewDrill';
import { buildLookups, customersList } from '../recordTables';
import { ReportCard } from '../ReportCard';
import { ReportTable } from '../ReportTable';
import { TeamFiltersBar } from '../TeamFiltersBar';
import { useExport } from '../useExport';
import { useTeam } from '../useTeam';
import { useTeamData } from '../useTeamData';
import { useFilterLabels, useTeamFilters } from '../useTeamFilters';
import { ParetoChart } from './ParetoChart';
import { setCustomerTier } from './tierActions';
import { TierConfigPanel } from './TierConfigPanel';
import { usableConfig, useTierPrefs } from './tierPrefsStore';
import { computeValue, rankedTable, tierCountsTable, tierCustomerIds } from './valueModel';

const USES = {} as const;
const NO_REJECTIONS: Record<string, CustomerTier> = {};

/** Customer value: tiers A–D from chosen value fields, the Pareto curve, suggestions to accept or reject. */
export function ValuePage() {
  const { t, i18n } = useTranslation();
  const lt = loose(t);
  const lang = i18n.language;
  const db = useDatabase();
  const data = useTeamData();
  const team = useTeam();
  const show = useToastStore((s) => s.show);
  const { filters, setFilters, drill, openDrill, closeDrill } = useTeamFilters();
  const filterLabels = useFilterLabels(filters, team, USES);
  const storedConfig = useTierPrefs((s) => s.configs[team.me.id]);
  const config = useMemo(() => usableConfig(storedConfig), [storedConfig]);
  const rejected = useTierPrefs((s) => s.rejected[team.me.id] ?? NO_REJECTIONS);
  const { setConfig, reject, restoreRejected } = useTierPrefs.getState();
  const [confirmAll, setConfirmAll] = useState(false);
  const [busy, setBusy] = useState(false);

  const customers = useMemo(() => (filters.repId === null ? data.customers : data.customers.filter((c) => c.ownerId === filters.repId)), [data.customers, filters.repId]);
  const byId = useMemo(() => new Map(data.customers.map((c) => [c.id, c])), [data.customers]);
  const report = useMemo(() => computeValue(customers, config, rejected), [customers, config, rejected]);
  const configLabels = useMemo<[string, string][]>(() => [
    ...filterLabels,
    [t('team.value.fields'), config.fields.map((f) => `${t(`field.${f.field}`)} × ${f.weight}`).join(', ')],
    [t('team.value.basis'), t(config.basis === 'customers' ? 'team.value.basisCustomers' : 'team.value.basisValue')],
    [t('team.value.cutoffs'), config.cutoffs.join(' / ')],
  ], [filterLabels, config, t]);
  const exportTable = useExport(configLabels);

  const lookup = useMemo(() => ({ customer: (id: string) => byId.get(id), name: team.name }), [byId, team.name]);
  const suggestionsTable = useMemo(() => rankedTable(report.suggestions, lookup, lt, t('team.file.suggestions')), [report.suggestions, lookup, lt, t]);
  const rankedAll = useMemo(() => rankedTable(report.tiers.ranked, lookup, lt, t('team.file.valueRanking')), [report.tiers.ranked, lookup, lt, t]);
  const countsTable = useMemo(() => tierCountsTable(report.tiers, lt), [report.tiers, lt]);

  const drillView = useMemo<DrillView | null>(() => {
    if (drill?.kind !== 'tier') return null;
    const index = indexVisits(data.visits, { asOf: team.today, dayOf: team.dayOf });
    const last = (id: string) => {
      const e = index.lastByCustomer.get(id);
      return e ? { day: e.day, daysAgo: daysBetween(e.day, team.today) } : null;
    };
    const ids = tierCustomerIds(customers, report.tiers, drill.tier, drill.which);
    const tierName = drill.tier === 'none' ? t('team.noTier') : drill.tier;
    return {
      title: `${t(drill.which === 'current' ? 'team.drill.tierCurrent' : 'team.drill.tierSuggested', { tier: tierName })}`,
      table: customersList(ids, buildLookups(data, team.name), lt, t('team.file.customers'), last),
    };
  }, [drill, data, team, customers, report.tiers, lt, t]);

  const accept = async (customerIds: string[]) => {
    setBusy(true);
    try {
      for (const id of customerIds) {
        const s = report.suggestions.find((x) => x.customerId === id);
        if (s) await setCustomerTier(db, id, s.suggested, team.me.id);
      }
      show(t('team.value.accepted', { count: customerIds.length }));
    } finally {
      setBusy(false);
    }
  };
  const pct = (v: number | null) => formatPercent(v, lang);

  return (
    <Stack spacing={2} sx={{ pb: 3 }}>
      <TeamFiltersBar filters={filters} members={team.members} onChange={setFilters} show={USES} />
      <ReportCard id="value-config" title={t('team.value.configTitle')} subtitle={t('team.value.configHelp')}>
        <TierConfigPanel config={config} onChange={(c) => setConfig(team.me.id, c)} />
      </ReportCard>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2, alignItems: 'start' }}>
        <ReportCard id="value-pareto" title={t('team.value.paretoTitle')} subtitle={t('team.value.paretoHeadline', { share: pct(report.top20), count: report.tiers.ranked.length })}>
          <ParetoChart
            label={t('team.value.paretoTitle')}
            points={report.curve}
            xLabel={t('team.value.shareOfCustomers')}
            yLabel={t('team.value.shareOfValue')}
            seriesLabel={t('team.value.shareOfValue')}
            formatPercent={pct}
          />
          {report.tiers.unscoredIds.length > 0 && (
            <Typography variant="body2" color="text.secondary">{t('team.value.unscored', { count: report.tiers.unscoredIds.length })}</Typography>
          )}
        </ReportCard>
        <ReportCard id="value-tiers" title={t('team.value.tiersTitle')} onExport={(f) => void exportTable(countsTable, f)}>
          <ReportTable table={countsTable} label={t('team.value.tiersTitle')} onDrill={openDrill} />
        </ReportCard>
      </Box>

      <ReportCard id="value-suggestions" title={t('team.value.suggestionsTitle', { count: report.suggestions.length })} subtitle={t('team.value.suggestionsHelp')} onExport={(f) => void exportTable(suggestionsTable, f)}>
        <Stack direction="row" sx={{ gap: 1, mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button variant="contained" size="small" disabled={busy || report.suggestions.length === 0} onClick={() => setConfirmAll(true)}>
            {t('team.value.acceptAll', { count: report.suggestions.length })}
          </Button>
          {report.rejectedCount > 0 && (
            <Button size="small" onClick={() => restoreRejected(team.me.id)}>{t('team.value.showRejected', { count: report.rejectedCount })}</Button>
          )}
        </Stack>
        <ReportTable
          table={suggestionsTable}
          label={t('team.value.suggestionsTitle', { count: report.suggestions.length })}
          pageSize={25}
          emptyText={t('team.value.noSuggestions')}
          action={{
            header: t('team.col.decision'),
            render: (r) => {
              const s = report.suggestions[r]!;
              const name = byId.get(s.customerId)?.name ?? s.customerId;
              return (
                <Stack direction="row" sx={{ gap: 0.5 }}>
                  <Button size="small" variant="outlined" disabled={busy} sx={{ minWidth: 0 }} onClick={() => void accept([s.customerId])} aria-label={t('team.value.acceptFor', { name, tier: s.suggested })}>{t('team.value.accept')}</Button>
                  <Button size="small" disabled={busy} sx={{ minWidth: 0 }} onClick={() => reject(team.me.id, s.customerId, s.suggested)} aria-label={t('team.value.rejectFor', { name, tier: s.suggested })}>{t('team.value.reject')}</Button>
                </Stack>
              );
            },
          }}
        />
      </ReportCard>

      <ReportCard id="value-ranking" title={t('team.value.rankingTitle')} subtitle={t('team.value.rankingHelp')} onExport={(f) => void exportTable(rankedAll, f)}>
        <ReportTable
          table={rankedAll}
          label={t('team.value.rankingTitle')}
          pageSize={25}
          emptyText={t('team.value.noValues')}
          action={{
            header: t('team.col.setTier'),
            render: (r) => {
              const row = report.tiers.ranked[r]!;
              const name = byId.get(row.customerId)?.name ?? row.customerId;
              return (
                <TextField
                  select
                  size="small"
                  value={row.current ?? ''}
                  onChange={(e) => void setCustomerTier(db, row.customerId, e.target.value as CustomerTier, team.me.id).then(() => show(t('team.value.tierSet', { name, tier: e.target.value })))}
                  slotProps={{ htmlInput: { 'aria-label': t('team.value.tierOf', { name }) }, select: { displayEmpty: true } }}
                  sx={{ width: 90 }}
                  fullWidth={false}
                >
                  <MenuItem value="" disabled>—</MenuItem>
                  {CUSTOMER_TIERS.map((tier) => <MenuItem key={tier} value={tier}>{tier}</MenuItem>)}
                </TextField>
              );
            },
          }}
        />
      </ReportCard>

      <Dialog open={confirmAll} onClose={() => setConfirmAll(false)}>
        <DialogTitle>{t('team.value.acceptAllTitle', { count: report.suggestions.length })}</DialogTitle>
        <DialogContent><Alert severity="info">{t('team.value.acceptAllBody')}</Alert></DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmAll(false)}>{t('common.cancel')}</Button>
          <Button variant="contained" onClick={() => {
            setConfirmAll(false);
            void accept(report.suggestions.map((s) => s.customerId));
          }}>{t('team.value.accept')}</Button>
        </DialogActions>
      </Dialog>
      <DrillPanel view={drillView} onClose={closeDrill} onExport={(f) => drillView && void exportTable(drillView.table, f)} />
    </Stack>
  );
}
