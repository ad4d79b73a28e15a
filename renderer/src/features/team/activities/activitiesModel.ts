import type { CellValue, ColumnKind } from '../../../../../shared/export/table';
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

interface ActivityColumn {
  header: string;
  kind?: ColumnKind;
  value(r: ActivityEvaluation): CellValue;
  drill?(r: ActivityEvaluation): string | null;
}

/**
 * One row per activity: cost, reach, cost per contact and what followed; counts open their records.
 * What the manager compares comes first (the table scrolls sideways on a narrow window); the
 * activity's own details (status, end, territory, currency, the cost split) follow.
 */
export function activitiesTable(rows: readonly ActivityEvaluation[], territoryLabel: (id: string) => string, t: LooseT): ScreenTable & { ids: string[] } {
  const columns: ActivityColumn[] = [
    { header: t('team.col.activity'), value: (r) => r.activity.name },
    { header: t('team.col.kind'), value: (r) => t(`team.activityKind.${r.activity.kind}`) },
    { header: t('team.col.start'), value: (r) => r.activity.startDate },
    { header: t('team.col.totalCost'), kind: 'money', value: (r) => r.totalCost },
    { header: t('team.col.contacts'), kind: 'number', value: (r) => r.visitIds.length, drill: (r) => drillIf(r.visitIds.length, r.activityId, 'visits') },
    { header: t('team.col.customersReached'), kind: 'number', value: (r) => r.customerIds.length, drill: (r) => drillIf(r.customerIds.length, r.activityId, 'customers') },
    { header: t('team.col.costPerContact'), kind: 'money', value: (r) => r.costPerContact },
    { header: t('team.col.costPerCustomer'), kind: 'money', value: (r) => r.costPerCustomer },
    { header: t('team.col.feedback'), kind: 'number', value: (r) => r.feedbackIds.length, drill: (r) => drillIf(r.feedbackIds.length, r.activityId, 'feedback') },
    { header: t('team.col.followUpsDone'), kind: 'number', value: (r) => r.followUps.done, drill: (r) => drillIf(r.followUps.done, r.activityId, 'followUps') },
    { header: t('team.col.followUpsOverdue'), kind: 'number', value: (r) => r.followUps.overdue, drill: (r) => drillIf(r.followUps.overdue, r.activityId, 'followUps') },
    { header: t('team.col.tierUp'), kind: 'number', value: (r) => r.tierChanges.up, drill: (r) => drillIf(r.tierChanges.up, r.activityId, 'tierChanges') },
    { header: t('team.col.tierDown'), kind: 'number', value: (r) => r.tierChanges.down, drill: (r) => drillIf(r.tierChanges.down, r.activityId, 'tierChanges') },
    { header: t('team.col.status'), value: (r) => t(`team.activityStatus.${r.activity.status}`) },
    { header: t('team.col.end'), value: (r) => r.activity.endDate ?? null },
    { header: t('team.col.territory'), value: (r) => territoryLabel(r.activity.territoryId) },
    { header: t('team.col.currency'), value: (r) => r.currency },
    { header: t('team.col.activityCost'), kind: 'money', value: (r) => r.activityCost },
    { header: t('team.col.visitCost'), kind: 'money', value: (r) => r.visitCost },
  ];
  return {
    name: t('team.file.activities'),
    columns: columns.map(({ header, kind }) => (kind ? { header, kind } : { header })),
    rows: rows.map((r) => columns.map((c) => c.value(r))),
    drills: rows.map((r) => columns.map((c) => c.drill?.(r) ?? null)),
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
