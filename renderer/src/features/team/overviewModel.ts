import { coverage, type Coverage } from '../../../../shared/reports/coverage';
import type { DayOf } from '../../../../shared/reports/days';
import { feedbackByProductAndKind, type FeedbackByProductAndKind } from '../../../../shared/reports/feedback';
import { doneFollowUpVisitIds, overdueFollowUps, type OverdueFollowUps } from '../../../../shared/reports/followUps';
import { openItems, type OpenItems } from '../../../../shared/reports/openItems';
import { indexVisits, type VisitIndex } from '../../../../shared/reports/visitIndex';
import { visitsPerRepPerWeek, type VisitsPerWeek } from '../../../../shared/reports/visitsPerWeek';
import { scopeToRep, type TeamData } from './teamData';
import { periodOf, type TeamFilters } from './teamFilters';

export const COVERAGE_TIERS = ['A', 'B'] as const;

export interface OverviewReports {
  from: string;
  to: string;
  index: VisitIndex;
  weeks: VisitsPerWeek;
  coverage: Coverage;
  overdue: OverdueFollowUps;
  feedback: FeedbackByProductAndKind;
  open: OpenItems;
}

function onlyRep(report: OverdueFollowUps, repId: string | null): OverdueFollowUps {
  if (repId === null) return report;
  const mine = report.byRep.get(repId) ?? [];
  return { items: mine, byRep: new Map(mine.length ? [[repId, mine]] : []) };
}

/** Every figure of the team overview, for the filters; `repIds` are the team's reps (rows even when idle). */
export function computeOverview(all: TeamData, filters: TeamFilters, today: string, dayOf: DayOf, repIds: readonly string[]): OverviewReports {
  const data = scopeToRep(all, filters.repId);
  const rows = filters.repId === null ? repIds : [filters.repId];
  const { from, to } = periodOf(filters, today);
  // All contacts go into the index: a customer visited by a colleague is still covered, and a
  // follow-up a colleague did is still done. Counting contacts keeps to the rep in view.
  const index = indexVisits(all.visits, { asOf: today, dayOf });
  return {
    from,
    to,
    index,
    weeks: visitsPerRepPerWeek(index, { from, to, repIds: rows, onlyListed: filters.repId !== null }),
    coverage: coverage(data.customers, index, { tiers: COVERAGE_TIERS, withinDays: filters.coverageDays, repIds: rows }),
    overdue: onlyRep(overdueFollowUps(index, doneFollowUpVisitIds(all.reminders)), filters.repId),
    feedback: feedbackByProductAndKind(data.feedback, { from, to, dayOf }),
    open: openItems({ questions: data.questions, feedback: data.feedback, adverseEvents: data.adverseEvents }, { repIds: rows }),
  };
}
