import { daysBetween } from '../../../../shared/reports/days';
import { visitIdsOf } from '../../../../shared/reports/visitsPerWeek';
import type { LooseT } from '../../i18n';
import type { Drill } from './drill';
import { weekLabel } from './format';
import type { OverviewReports } from './overviewModel';
import { customersList, feedbackList, overdueList, questionsList, unsentList, visitsList, type TeamLookups } from './recordTables';
import type { ScreenTable } from './screenTable';

export interface DrillView {
  title: string;
  table: ScreenTable;
}

const title = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

/** The records behind an overview figure, or null for a drill this page does not know. */
export function resolveOverviewDrill(d: Drill, r: OverviewReports, l: TeamLookups, t: LooseT, language: string): DrillView | null {
  const who = (repId: string | null) => (repId === null ? t('team.teamRow') : l.name(repId));
  const file = (key: string) => t(`team.file.${key}`);
  switch (d.kind) {
    case 'visits': {
      const ids = visitIdsOf(r.weeks, d.repId, d.week);
      const when = d.week ? weekLabel(d.week, t, language) : t('team.periodRange', { from: r.from, to: r.to });
      return { title: title(t('team.drill.visits'), who(d.repId), when), table: visitsList(ids, l, t, file('visits')) };
    }
    case 'coverage': {
      const source = d.repId === null ? r.coverage.team : r.coverage.rows.find((row) => row.repId === d.repId)?.tiers;
      const c = source?.[d.tier];
      if (!c) return null;
      const ids = d.which === 'covered' ? c.coveredIds : d.which === 'uncovered' ? c.uncoveredIds : [...c.coveredIds, ...c.uncoveredIds];
      const last = (customerId: string) => {
        const e = r.index.lastByCustomer.get(customerId);
        return e ? { day: e.day, daysAgo: daysBetween(e.day, r.index.asOf) } : null;
      };
      return { title: title(t(`team.drill.coverage_${d.which}`, { tier: d.tier }), who(d.repId)), table: customersList(ids, l, t, file('customers'), last) };
    }
    case 'overdue': {
      const items = d.repId === null ? r.overdue.items : (r.overdue.byRep.get(d.repId) ?? []);
      return { title: title(t('team.drill.overdue'), who(d.repId)), table: overdueList(items, l, t, file('overdue')) };
    }
    case 'questions':
    case 'complaints':
    case 'unsent': {
      const rows = d.repId === null ? r.open.rows : r.open.rows.filter((row) => row.repId === d.repId);
      const pick = d.kind === 'questions' ? 'openQuestionIds' : d.kind === 'complaints' ? 'openComplaintIds' : 'unsentAdverseEventIds';
      const ids = rows.flatMap((row) => row[pick]);
      const table = d.kind === 'questions' ? questionsList(ids, l, t, file('questions')) : d.kind === 'complaints' ? feedbackList(ids, l, t, file('complaints')) : unsentList(ids, l, t, file('unsent'));
      return { title: title(t(`team.drill.${d.kind}`), who(d.repId)), table };
    }
    case 'feedback': {
      const ids = r.feedback.feedbackIds.get(`${d.productKey ?? '*'}|${d.feedbackKind ?? '*'}`) ?? [];
      const product = d.productKey === null ? t('team.allProducts') : (r.feedback.products.find((p) => p.productKey === d.productKey)?.productName || t('team.noProduct'));
      return { title: title(t('team.drill.feedback'), product, d.feedbackKind ? t(`team.feedbackKind.${d.feedbackKind}`) : null), table: feedbackList(ids, l, t, file('feedback')) };
    }
    case 'feedbackWeek': {
      const ids = r.feedback.feedbackIds.get(`week:${d.week}|${d.feedbackKind}`) ?? [];
      return { title: title(t('team.drill.feedback'), weekLabel(d.week, t, language), t(`team.feedbackKind.${d.feedbackKind}`)), table: feedbackList(ids, l, t, file('feedback')) };
    }
    default:
      return null;
  }
}
