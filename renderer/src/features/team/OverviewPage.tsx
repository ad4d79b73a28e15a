import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Stack } from '@mui/material';
import { FEEDBACK_KINDS } from '../../../../shared/schemas';
import { loose } from '../../i18n';
import { formatNumber } from '../../components/format';
import { CoverageChart } from './charts/CoverageChart';
import { FeedbackOverTimeChart } from './charts/FeedbackOverTimeChart';
import { VisitsPerWeekChart } from './charts/VisitsPerWeekChart';
import { drillKey } from './drill';
import { DrillPanel } from './DrillPanel';
import { formatPercent, weekLabel } from './format';
import { KpiCard } from './KpiCard';
import { computeOverview } from './overviewModel';
import { resolveOverviewDrill } from './overviewDrill';
import { attentionTable, coverageTable, feedbackByProductTable, feedbackOverTimeTable, visitsPerWeekTable } from './overviewTables';
import { buildLookups } from './recordTables';
import { ReportCard } from './ReportCard';
import { ReportTable } from './ReportTable';
import { TeamFiltersBar } from './TeamFiltersBar';
import { useExport } from './useExport';
import { useTeam } from './useTeam';
import { useTeamData } from './useTeamData';
import { useFilterLabels, useTeamFilters } from './useTeamFilters';

const USES = { period: true, coverage: true } as const;

/** Team overview: contacts per week, coverage of A/B customers, what needs attention, feedback. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const lt = loose(t);
  const lang = i18n.language;
  const data = useTeamData();
  const team = useTeam();
  const { filters, setFilters, drill, openDrill, closeDrill } = useTeamFilters();
  const exportTable = useExport(useFilterLabels(filters, team, USES));

  const reports = useMemo(() => computeOverview(data, filters, team.today, team.dayOf, team.repIds), [data, filters, team.today, team.dayOf, team.repIds]);
  const tables = useMemo(() => ({
    weeks: visitsPerWeekTable(reports, team.name, lt, lang),
    coverage: coverageTable(reports, team.name, lt),
    attention: attentionTable(reports, team.name, lt),
    feedbackByProduct: feedbackByProductTable(reports, lt),
    feedbackOverTime: feedbackOverTimeTable(reports, lt, lang),
  }), [reports, team.name, lt, lang]);
  const drillOpen = drill !== null;
  const lookups = useMemo(() => (drillOpen ? buildLookups(data, team.name) : null), [drillOpen, data, team.name]);
  const drillView = useMemo(() => (drill && lookups ? resolveOverviewDrill(drill, reports, lookups, lt, lang) : null), [drill, lookups, reports, lt, lang]);

  const weekLabels = reports.weeks.weeks.map((w) => weekLabel(w, lt, lang));
  const { team: cov } = reports.coverage;
  const pct = (share: number | null) => formatPercent(share, lang);
  const num = (n: number) => formatNumber(n, lang);
  const open = reports.open.team;

  return (
    <Stack spacing={2} sx={{ pb: 3 }}>
      <TeamFiltersBar filters={filters} members={team.members} onChange={setFilters} show={USES} />
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 1.5 }}>
        <KpiCard label={t('team.kpi.contacts')} value={num(reports.weeks.total)} detail={t('team.periodRange', { from: reports.from, to: reports.to })} onOpen={() => openDrill(drillKey({ kind: 'visits', repId: null, week: null }))} />
        {(['A', 'B'] as const).map((tier) => (
          <KpiCard
            key={tier}
            label={t('team.kpi.coverage', { tier })}
            value={pct(cov[tier]!.rate)}
            detail={t('team.kpi.coverageDetail', { covered: cov[tier]!.covered, total: cov[tier]!.total, days: filters.coverageDays })}
            tone={cov[tier]!.rate !== null && cov[tier]!.rate! < 0.8 ? 'warning' : 'default'}
            onOpen={() => openDrill(drillKey({ kind: 'coverage', repId: null, tier, which: 'uncovered' }))}
          />
        ))}
        <KpiCard label={t('team.kpi.overdue')} value={num(reports.overdue.items.length)} tone={reports.overdue.items.length ? 'warning' : 'default'} onOpen={() => openDrill(drillKey({ kind: 'overdue', repId: null }))} />
        <KpiCard label={t('team.kpi.openQuestions')} value={num(open.openQuestions)} onOpen={() => openDrill(drillKey({ kind: 'questions', repId: null }))} />
        <KpiCard label={t('team.kpi.openComplaints')} value={num(open.openComplaints)} tone={open.openComplaints ? 'warning' : 'default'} onOpen={() => openDrill(drillKey({ kind: 'complaints', repId: null }))} />
        <KpiCard label={t('team.kpi.unsentAdverseEvents')} value={num(open.unsentAdverseEvents)} tone={open.unsentAdverseEvents ? 'error' : 'default'} onOpen={() => openDrill(drillKey({ kind: 'unsent', repId: null }))} />
      </Box>

      <ReportCard id="team-visits" title={t('team.sections.visitsPerWeek')} subtitle={t('team.sections.visitsPerWeekHelp')} onExport={(f) => void exportTable(tables.weeks, f)}>
        <VisitsPerWeekChart
          label={t('team.sections.visitsPerWeek')}
          weekLabels={weekLabels}
          series={reports.weeks.rows.map((r) => ({ id: r.repId, name: team.name(r.repId), data: r.perWeek }))}
          onBarClick={(repId, i) => openDrill(drillKey({ kind: 'visits', repId, week: reports.weeks.weeks[i] ?? null }))}
        />
        <ReportTable table={tables.weeks} label={t('team.sections.visitsPerWeek')} onDrill={openDrill} />
      </ReportCard>

      <ReportCard id="team-coverage" title={t('team.sections.coverage')} subtitle={t('team.sections.coverageHelp', { days: filters.coverageDays, since: reports.coverage.since })} onExport={(f) => void exportTable(tables.coverage, f)}>
        <CoverageChart
          label={t('team.sections.coverage')}
          reps={reports.coverage.rows.map((r) => ({ id: r.repId, name: team.name(r.repId) }))}
          series={reports.coverage.tiers.map((tier) => ({ tier, label: t('team.col.tierCoverage', { tier }), rates: reports.coverage.rows.map((r) => r.tiers[tier]!.rate) }))}
          formatPercent={pct}
          onBarClick={(tier, i) => {
            const row = reports.coverage.rows[i];
            if (row && (tier === 'A' || tier === 'B')) openDrill(drillKey({ kind: 'coverage', repId: row.repId, tier, which: 'uncovered' }));
          }}
        />
        <ReportTable table={tables.coverage} label={t('team.sections.coverage')} onDrill={openDrill} />
      </ReportCard>

      <ReportCard id="team-attention" title={t('team.sections.attention')} subtitle={t('team.sections.attentionHelp')} onExport={(f) => void exportTable(tables.attention, f)}>
        <ReportTable table={tables.attention} label={t('team.sections.attention')} onDrill={openDrill} />
      </ReportCard>

      <ReportCard id="team-feedback" title={t('team.sections.feedback')} subtitle={t('team.periodRange', { from: reports.from, to: reports.to })} onExport={(f) => void exportTable(tables.feedbackByProduct, f)}>
        <ReportTable table={tables.feedbackByProduct} label={t('team.sections.feedback')} onDrill={openDrill} emptyText={t('team.noFeedback')} />
      </ReportCard>

      <ReportCard id="team-feedback-time" title={t('team.sections.feedbackOverTime')} onExport={(f) => void exportTable(tables.feedbackOverTime, f)}>
        <FeedbackOverTimeChart
          label={t('team.sections.feedbackOverTime')}
          weekLabels={weekLabels}
          series={FEEDBACK_KINDS.map((k) => ({ kind: k, label: t(`team.feedbackKind.${k}`), data: reports.feedback.overTime[k] }))}
          onBarClick={(kind, i) => {
            const week = reports.feedback.weeks[i];
            const fk = FEEDBACK_KINDS.find((k) => k === kind);
            if (week && fk) openDrill(drillKey({ kind: 'feedbackWeek', week, feedbackKind: fk }));
          }}
        />
        <ReportTable table={tables.feedbackOverTime} label={t('team.sections.feedbackOverTime')} onDrill={openDrill} />
      </ReportCard>

      <DrillPanel view={drillView} onClose={closeDrill} onExport={(f) => drillView && void exportTable(drillView.table, f)} />
    </Stack>
  );
}
