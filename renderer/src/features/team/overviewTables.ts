import { FEEDBACK_KINDS } from '../../../../shared/schemas';
import type { LooseT } from '../../i18n';
import { drillKey, type Drill } from './drill';
import { weekLabel } from './format';
import type { OverviewReports } from './overviewModel';
import type { ScreenTable } from './screenTable';

type Name = (userId: string) => string;
type Cell = string | number | null;

/** A drill key for a non-zero count; nothing to open behind a zero. */
const drillIf = (count: number, drill: Drill): string | null => (count > 0 ? drillKey(drill) : null);

export function visitsPerWeekTable(r: OverviewReports, name: Name, t: LooseT, language: string): ScreenTable {
  const { weeks } = r.weeks;
  const rows: Cell[][] = [];
  const drills: (string | null)[][] = [];
  for (const row of r.weeks.rows) {
    rows.push([name(row.repId), ...row.perWeek, row.total]);
    drills.push([null, ...row.perWeek.map((n, i) => drillIf(n, { kind: 'visits', repId: row.repId, week: weeks[i]! })), drillIf(row.total, { kind: 'visits', repId: row.repId, week: null })]);
  }
  rows.push([t('team.teamRow'), ...r.weeks.totals, r.weeks.total]);
  drills.push([null, ...r.weeks.totals.map((n, i) => drillIf(n, { kind: 'visits', repId: null, week: weeks[i]! })), drillIf(r.weeks.total, { kind: 'visits', repId: null, week: null })]);
  return {
    name: t('team.file.visitsPerWeek'),
    columns: [{ header: t('team.col.rep') }, ...weeks.map((w) => ({ header: weekLabel(w, t, language), kind: 'number' as const })), { header: t('team.col.total'), kind: 'number' }],
    rows,
    drills,
    totalRow: rows.length - 1,
  };
}

export function coverageTable(r: OverviewReports, name: Name, t: LooseT): ScreenTable {
  const { tiers } = r.coverage;
  const columns: ScreenTable['columns'] = [{ header: t('team.col.rep') }];
  for (const tier of tiers) {
    columns.push(
      { header: t('team.col.tierCustomers', { tier }), kind: 'number' },
      { header: t('team.col.tierVisited', { tier }), kind: 'number' },
      { header: t('team.col.tierNotVisited', { tier }), kind: 'number' },
      { header: t('team.col.tierCoverage', { tier }), kind: 'percent' },
    );
  }
  const rows: Cell[][] = [];
  const drills: (string | null)[][] = [];
  const add = (label: string, repId: string | null, byTier: (typeof r.coverage.team)) => {
    const row: Cell[] = [label];
    const drill: (string | null)[] = [null];
    for (const tier of tiers) {
      const c = byTier[tier]!;
      row.push(c.total, c.covered, c.total - c.covered, c.rate);
      drill.push(
        drillIf(c.total, { kind: 'coverage', repId, tier, which: 'all' }),
        drillIf(c.covered, { kind: 'coverage', repId, tier, which: 'covered' }),
        drillIf(c.total - c.covered, { kind: 'coverage', repId, tier, which: 'uncovered' }),
        null,
      );
    }
    rows.push(row);
    drills.push(drill);
  };
  for (const row of r.coverage.rows) add(name(row.repId), row.repId, row.tiers);
  add(t('team.teamRow'), null, r.coverage.team);
  return { name: t('team.file.coverage'), columns, rows, drills, totalRow: rows.length - 1 };
}

/** Overdue follow-ups and what is still open, per rep. */
export function attentionTable(r: OverviewReports, name: Name, t: LooseT): ScreenTable {
  const repIds = [...r.open.rows.map((row) => row.repId)];
  for (const repId of r.overdue.byRep.keys()) if (!repIds.includes(repId)) repIds.push(repId);
  const open = new Map(r.open.rows.map((row) => [row.repId, row]));
  const rows: Cell[][] = [];
  const drills: (string | null)[][] = [];
  const totals = [0, 0, 0, 0];
  for (const repId of repIds) {
    const o = open.get(repId);
    const counts = [r.overdue.byRep.get(repId)?.length ?? 0, o?.openQuestionIds.length ?? 0, o?.openComplaintIds.length ?? 0, o?.unsentAdverseEventIds.length ?? 0];
    counts.forEach((n, i) => (totals[i]! += n));
    rows.push([name(repId), ...counts]);
    drills.push([null, ...(['overdue', 'questions', 'complaints', 'unsent'] as const).map((kind, i) => drillIf(counts[i]!, { kind, repId }))]);
  }
  rows.push([t('team.teamRow'), ...totals]);
  drills.push([null, ...(['overdue', 'questions', 'complaints', 'unsent'] as const).map((kind, i) => drillIf(totals[i]!, { kind, repId: null }))]);
  return {
    name: t('team.file.attention'),
    columns: [
      { header: t('team.col.rep') },
      { header: t('team.col.overdueFollowUps'), kind: 'number' },
      { header: t('team.col.openQuestions'), kind: 'number' },
      { header: t('team.col.openComplaints'), kind: 'number' },
      { header: t('team.col.unsentAdverseEvents'), kind: 'number' },
    ],
    rows,
    drills,
    totalRow: rows.length - 1,
  };
}

export function feedbackByProductTable(r: OverviewReports, t: LooseT): ScreenTable {
  const f = r.feedback;
  const rows: Cell[][] = [];
  const drills: (string | null)[][] = [];
  for (const p of f.products) {
    rows.push([p.productName || t('team.noProduct'), ...FEEDBACK_KINDS.map((k) => p.counts[k]), p.total]);
    drills.push([null, ...FEEDBACK_KINDS.map((k) => drillIf(p.counts[k], { kind: 'feedback', productKey: p.productKey, feedbackKind: k })), drillIf(p.total, { kind: 'feedback', productKey: p.productKey, feedbackKind: null })]);
  }
  rows.push([t('team.allProducts'), ...FEEDBACK_KINDS.map((k) => f.totals[k]), f.total]);
  drills.push([null, ...FEEDBACK_KINDS.map((k) => drillIf(f.totals[k], { kind: 'feedback', productKey: null, feedbackKind: k })), drillIf(f.total, { kind: 'feedback', productKey: null, feedbackKind: null })]);
  return {
    name: t('team.file.feedbackByProduct'),
    columns: [{ header: t('team.col.product') }, ...FEEDBACK_KINDS.map((k) => ({ header: t(`team.feedbackKind.${k}`), kind: 'number' as const })), { header: t('team.col.total'), kind: 'number' }],
    rows,
    drills,
    totalRow: rows.length - 1,
  };
}

export function feedbackOverTimeTable(r: OverviewReports, t: LooseT, language: string): ScreenTable {
  const f = r.feedback;
  const rows: Cell[][] = f.weeks.map((week, i) => {
    const counts = FEEDBACK_KINDS.map((k) => f.overTime[k][i]!);
    return [weekLabel(week, t, language), ...counts, counts.reduce((a, b) => a + b, 0)];
  });
  const drills = f.weeks.map((week, i) => [null, ...FEEDBACK_KINDS.map((k) => drillIf(f.overTime[k][i]!, { kind: 'feedbackWeek', week, feedbackKind: k })), null]);
  return {
    name: t('team.file.feedbackOverTime'),
    columns: [{ header: t('team.col.week') }, ...FEEDBACK_KINDS.map((k) => ({ header: t(`team.feedbackKind.${k}`), kind: 'number' as const })), { header: t('team.col.total'), kind: 'number' }],
    rows,
    drills,
  };
}
