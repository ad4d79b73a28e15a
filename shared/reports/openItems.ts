import type { AdverseEvent, Feedback, Question } from '../schemas';

export interface OpenItemsRow {
  repId: string;
  /** Questions still waiting for an answer (asked by the rep). */
  openQuestionIds: string[];
  /** Complaints not yet resolved. */
  openComplaintIds: string[];
  /**
   * Adverse events not known to have reached the server: reports on this computer without a
   * receipt, and adverse-event feedback whose report is not here.
   */
  unsentAdverseEventIds: string[];
}

export interface OpenItems {
  rows: OpenItemsRow[];
  team: { openQuestions: number; openComplaints: number; unsentAdverseEvents: number };
}

/**
 * What is still open per rep. Adverse events are listed by record id: an `adverseevents` id
 * for a report without a receipt, a `feedback` id for adverse-event feedback without a report.
 */
export function openItems(
  { questions, feedback, adverseEvents }: { questions: readonly Question[]; feedback: readonly Feedback[]; adverseEvents: readonly AdverseEvent[] },
  { repIds = [] }: { repIds?: readonly string[] } = {},
): OpenItems {
  const rows = new Map<string, OpenItemsRow>();
  const extra: string[] = [];
  const row = (repId: string, listed = false): OpenItemsRow => {
    let r = rows.get(repId);
    if (!r) {
      r = { repId, openQuestionIds: [], openComplaintIds: [], unsentAdverseEventIds: [] };
      rows.set(repId, r);
      if (!listed) extra.push(repId);
    }
    return r;
  };
  for (const id of new Set(repIds)) row(id, true);

  for (const q of questions) if (q.status === 'open') row(q.askedBy).openQuestionIds.push(q.id);
  const reported = new Set<string>();
  for (const ae of adverseEvents) {
    reported.add(ae.id);
    if (!ae.receivedAt) row(ae.repId).unsentAdverseEventIds.push(ae.id);
  }
  for (const f of feedback) {
    if (f.kind === 'complaint' && f.status !== 'resolved') row(f.repId).openComplaintIds.push(f.id);
    if (f.kind === 'adverse_event' && (!f.adverseEventId || !reported.has(f.adverseEventId))) row(f.repId).unsentAdverseEventIds.push(f.id);
  }
  extra.sort();
  const ordered = [...new Set([...repIds, ...extra])].map((id) => rows.get(id)!);
  const sum = (pick: (r: OpenItemsRow) => string[]) => ordered.reduce((n, r) => n + pick(r).length, 0);
  return {
    rows: ordered,
    team: { openQuestions: sum((r) => r.openQuestionIds), openComplaints: sum((r) => r.openComplaintIds), unsentAdverseEvents: sum((r) => r.unsentAdverseEventIds) },
  };
}
