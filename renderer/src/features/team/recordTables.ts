import type { FollowUpState, OverdueFollowUp } from '../../../../shared/reports/followUps';
import type { Comment, Customer, Visit } from '../../../../shared/schemas';
import type { LooseT } from '../../i18n';
import { localDate, localDateTime } from './format';
import type { ScreenTable } from './screenTable';
import type { TeamData } from './teamData';

/**
 * The records behind a figure, as tables: every list names the rep and links to the customer
 * (or the contact), so a manager goes from a number to the people behind it.
 */

export interface TeamLookups {
  customers: Map<string, Customer>;
  visits: Map<string, Visit>;
  feedback: Map<string, TeamData['feedback'][number]>;
  questions: Map<string, TeamData['questions'][number]>;
  adverseEvents: Map<string, TeamData['adverseEvents'][number]>;
  comments: Map<string, Comment>;
  name(userId: string): string;
}

export function buildLookups(data: TeamData, name: (id: string) => string): TeamLookups {
  const byId = <T extends { id: string }>(docs: readonly T[]) => new Map(docs.map((d) => [d.id, d]));
  return {
    customers: byId(data.customers),
    visits: byId(data.visits),
    feedback: byId(data.feedback),
    questions: byId(data.questions),
    adverseEvents: byId(data.adverseEvents),
    comments: byId(data.comments),
    name,
  };
}

type Cell = string | number | null;
const customerLink = (id: string | undefined) => (id ? `/customers/${encodeURIComponent(id)}` : null);
const visitLink = (v: Visit) => `/customers/${encodeURIComponent(v.customerId)}/visits/${encodeURIComponent(v.id)}`;

function build(name: string, headers: [string, ScreenTable['columns'][number]['kind']?][], items: { cells: Cell[]; links?: (string | null)[] }[]): ScreenTable {
  return {
    name,
    columns: headers.map(([header, kind]) => (kind ? { header, kind } : { header })),
    rows: items.map((i) => i.cells),
    links: items.map((i) => i.links ?? i.cells.map(() => null)),
  };
}

export function visitsList(ids: readonly string[], l: TeamLookups, t: LooseT, fileName: string): ScreenTable {
  const visits = ids.map((id) => l.visits.get(id)).filter((v): v is Visit => v !== undefined);
  visits.sort((a, b) => (a.startAt < b.startAt ? 1 : a.startAt > b.startAt ? -1 : 0));
  return build(fileName, [[t('team.col.when')], [t('team.col.rep')], [t('team.col.customer')], [t('team.col.tier')], [t('team.col.kind')], [t('team.col.summary')]], visits.map((v) => {
    const c = l.customers.get(v.customerId);
    return {
      cells: [localDateTime(v.startAt), l.name(v.repId), c?.name ?? v.customerId, c?.assessment?.tier ?? null, t(`visitKind.${v.kind}`), v.summary ?? null],
      links: [null, null, visitLink(v), null, null, null],
    };
  }));
}

/** Customers with their owner, tier and last contact (from the visit index's view). */
export function customersList(ids: readonly string[], l: TeamLookups, t: LooseT, fileName: string, lastContact: (customerId: string) => { day: string; daysAgo: number } | null): ScreenTable {
  const customers = ids.map((id) => l.customers.get(id)).filter((c): c is Customer => c !== undefined);
  customers.sort((a, b) => a.code.localeCompare(b.code));
  return build(fileName, [[t('team.col.code')], [t('team.col.customer')], [t('team.col.rep')], [t('team.col.tier')], [t('team.col.lastContact')], [t('team.col.daysSince'), 'number']], customers.map((c) => {
    const last = lastContact(c.id);
    return {
      cells: [c.code, c.name, l.name(c.ownerId), c.assessment?.tier ?? null, last?.day ?? t('team.never'), last?.daysAgo ?? null],
      links: [null, customerLink(c.id), null, null, null, null],
    };
  }));
}

export function overdueList(items: readonly OverdueFollowUp[], l: TeamLookups, t: LooseT, fileName: string): ScreenTable {
  return build(fileName, [[t('team.col.followUpDate')], [t('team.col.daysOverdue'), 'number'], [t('team.col.rep')], [t('team.col.customer')], [t('team.col.nextStep')]], items.map((i) => {
    const v = l.visits.get(i.visitId);
    return {
      cells: [i.followUpDate, i.daysOverdue, l.name(i.repId), l.customers.get(i.customerId)?.name ?? i.customerId, v?.nextStep ?? null],
      links: [null, null, null, v ? visitLink(v) : customerLink(i.customerId), null],
    };
  }));
}

export function followUpsList(visitIds: readonly string[], state: (visit: Visit) => FollowUpState | null, l: TeamLookups, t: LooseT, fileName: string): ScreenTable {
  const visits = visitIds.map((id) => l.visits.get(id)).filter((v): v is Visit => v !== undefined);
  return build(fileName, [[t('team.col.followUpDate')], [t('team.col.state')], [t('team.col.rep')], [t('team.col.customer')], [t('team.col.nextStep')]], visits.map((v) => {
    const s = state(v);
    return {
      cells: [v.followUpDate ?? null, s ? t(`team.followUpState.${s}`) : null, l.name(v.repId), l.customers.get(v.customerId)?.name ?? v.customerId, v.nextStep ?? null],
      links: [null, null, null, visitLink(v), null],
    };
  }));
}

export function questionsList(ids: readonly string[], l: TeamLookups, t: LooseT, fileName: string): ScreenTable {
  const questions = ids.map((id) => l.questions.get(id)).filter((q) => q !== undefined);
  return build(fileName, [[t('team.col.asked')], [t('team.col.rep')], [t('team.col.customer')], [t('team.col.type')], [t('team.col.status')], [t('team.col.question')]], questions.map((q) => ({
    cells: [localDate(q.askedAt), l.name(q.askedBy), q.customerId ? (l.customers.get(q.customerId)?.name ?? q.customerId) : null, t(`team.questionType.${q.type}`), t(`team.questionStatus.${q.status}`), q.text],
    links: [null, null, customerLink(q.customerId), null, null, null],
  })));
}

export function feedbackList(ids: readonly string[], l: TeamLookups, t: LooseT, fileName: string): ScreenTable {
  const items = ids.map((id) => l.feedback.get(id)).filter((f) => f !== undefined);
  items.sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : a.capturedAt > b.capturedAt ? -1 : 0));
  return build(fileName, [[t('team.col.captured')], [t('team.col.rep')], [t('team.col.customer')], [t('team.col.product')], [t('team.col.kind')], [t('team.col.status')], [t('team.col.words')]], items.map((f) => ({
    cells: [localDate(f.capturedAt), l.name(f.repId), l.customers.get(f.customerId)?.name ?? f.customerId, f.product?.name ?? null, t(`team.feedbackKind.${f.kind}`), t(`team.feedbackStatus.${f.status}`), f.customerWords ?? null],
    links: [null, null, customerLink(f.customerId), null, null, null, null],
  })));
}

/** Unsent adverse events: reports without a receipt and adverse-event feedback without a report. */
export function unsentList(ids: readonly string[], l: TeamLookups, t: LooseT, fileName: string): ScreenTable {
  const items: { cells: Cell[]; links: (string | null)[] }[] = [];
  for (const id of ids) {
    const ae = l.adverseEvents.get(id);
    const f = ae ? undefined : l.feedback.get(id);
    const customerId = ae?.customerId ?? f?.customerId;
    if (!ae && !f) continue;
    items.push({
      cells: [
        localDate((ae ?? f)!.capturedAt), l.name((ae ?? f)!.repId), customerId ? (l.customers.get(customerId)?.name ?? customerId) : null,
        (ae ? ae.product.name : f?.product?.name) ?? null, t(ae ? 'team.unsentReport' : 'team.unsentFeedback'), ae ? ae.event : (f?.customerWords ?? null),
      ],
      links: [null, null, customerLink(customerId), null, null, null],
    });
  }
  return build(fileName, [[t('team.col.captured')], [t('team.col.rep')], [t('team.col.customer')], [t('team.col.product')], [t('team.col.record')], [t('team.col.event')]], items);
}

export function tierChangesList(ids: readonly string[], l: TeamLookups, t: LooseT, fileName: string): ScreenTable {
  const items = ids.map((id) => l.comments.get(id)).filter((c): c is Comment => c !== undefined);
  return build(fileName, [[t('team.col.date')], [t('team.col.customer')], [t('team.col.fromTier')], [t('team.col.toTier')], [t('team.col.by')]], items.map((c) => ({
    cells: [localDate(c.at), l.customers.get(c.targetId)?.name ?? c.targetId, c.tierFrom ?? t('team.noTier'), c.tierTo ?? null, l.name(c.authorId)],
    links: [null, customerLink(c.targetId), null, null, null],
  })));
}
