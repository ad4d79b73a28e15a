import type { ActivityEvaluation } from '../../../../../shared/reports/activities';
import { daysBetween } from '../../../../../shared/reports/days';
import { followUpState } from '../../../../../shared/reports/followUps';
import type { VisitIndex } from '../../../../../shared/reports/visitIndex';
import type { LooseT } from '../../../i18n';
import { drillKey, type ActivityPart } from '../drill';
import type { DrillView } from '../overviewDrill';
import { customersList, feedbackList, followUpsList, tierChangesList, visitsList, type TeamLookups } from '../recordTables';
import type { ScreenTable } from '../screenTable';

const drillIf = (count: number, activityId: string, part: ActivityPart) => (count > 0 ? drillKey({ kind: 'activity', activityId, part }) : null);

/** One row per activity: cost, reach, cost per contact and what followed; counts open their records. */
export function activitiesTable(rows: readonly ActivityEvaluation[], territoryLabel: (id: string) => string, t: LooseT): ScreenTable & { ids: string[] } {
  return {
    name: t('team.file.activities'),
    columns: [
      { header: t('team.col.activity') }, { header: t('team.col.kind') }, { header: t('team.col.status') }, { header: t('team.col.start') }, { header: t('team.col.end') },
      { header: t('team.col.territory') }, { header: t('team.col.currency') }, { header: t('team.col.activityCost'), kind: 'money' }, { header: t('team.col.visitCost'), kind: 'money' },
      { header: t('team.col.totalCost'), kind: 'money' }, { header: t('team.col.contacts'), kind: 'number' }, { header: t('team.col.customersReached'), kind: 'number' },
      { header: t('team.col.costPerContact'), kind: 'money' }, { header: t('team.col.costPerCustomer'), kind: 'money' }, { header: t('team.col.feedback'), kind: 'number' },
      { header: t('team.col.followUpsDone'), kind: 'number' }, { header: t('team.col.followUpsOverdue'), kind: 'number' },
      { header: t('team.col.tierUp'), kind: 'number' }, { header: t('team.col.tierDown'), kind: 'number' },
    ],
    rows: rows.map((r) => [
      r.activity.name, t(`team.activityKind.${r.activity.kind}`), t(`team.activityStatus.${r.activity.status}`), r.activity.startDate, r.activity.endDate ?? null,
      territoryLabel(r.activity.territoryId), r.currency, r.activityCost, r.visitCost, r.totalCost, r.visitIds.length, r.customerIds.length,
      r.costPerContact, r.costPerCustomer, r.feedbackIds.length, r.followUps.done, r.followUps.overdue, r.tierChanges.up, r.tierChanges.down,
    ]),
    drills: rows.map((r) => [
      null, null, null, null, null, null, null, null, null, null,
      drillIf(r.visitIds.length, r.activityId, 'visits'), drillIf(r.customerIds.length, r.activityId, 'customers'), null, null,
      drillIf(r.feedbackIds.length, r.activityId, 'feedback'), drillIf(r.followUps.done, r.activityId, 'followUps'), drillIf(r.followUps.overdue, r.activityId, 'followUps'),
      drillIf(r.tierChanges.up, r.activityId, 'tierChanges'), drillIf(r.tierChanges.down, r.activityId, 'tierChanges'),
    ]),
    ids: rows.map((r) => r.activityId),
  };
}

export function resolveActivityDrill(part: ActivityPart, r: ActivityEvaluation, index: VisitIndex, doneVisitIds: ReadonlySet<string>, l: TeamLookups, t: LooseT): DrillView {
  const title = `${r.activity.name} · ${t(`team.drill.activity_${part}`)}`;
  const file = (key: string) => `${t(`team.file.${key}`)}-${r.activity.name}`;
  switch (part) {
    case 'visits':
      return { title, table: visitsList(r.visitIds, l, t, file('visits')) };
    case 'customers':
      return {
        title,
        table: customersList(r.customerIds, l, t, file('customers'), (id) => {
          const e = index.lastByCustomer.get(id);
          return e ? { day: e.day, daysAgo: daysBetween(e.day, index.asOf) } : null;
        }),
      };
    case 'feedback':
      return { title, table: feedbackList(r.feedbackIds, l, t, file('feedback')) };
    case 'followUps': {
      const state = (visit: Parameters<typeof followUpState>[0]['visit']) => followUpState({ visit, day: visit.startAt.slice(0, 10) }, index, doneVisitIds);
      return { title, table: followUpsList(r.followUps.visitIds, state, l, t, file('followUps')) };
    }
    case 'tierChanges':
      return { title, table: tierChangesList(r.tierChanges.commentIds, l, t, file('tierChanges')) };
  }
}
