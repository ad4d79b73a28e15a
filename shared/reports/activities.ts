import type { Activity, Comment, Feedback } from '../schemas';
import { addDays, type DayOf } from './days';
import { followUpState } from './followUps';
import { isTierChange, tierDirection } from './tierChange';
import type { VisitIndex } from './visitIndex';

export const DEFAULT_CURRENCY = 'CNY';

export interface ActivityEvaluation {
  activityId: string;
  activity: Activity;
  currency: string;
  /** The activity's own cost. */
  activityCost: number;
  /** Costs logged on the linked contacts (in the activity's currency). */
  visitCost: number;
  totalCost: number;
  /** Linked contacts in another currency: their cost is not added. */
  otherCurrencyVisits: number;
  /** Submitted contacts linked to the activity. */
  visitIds: string[];
  customerIds: string[];
  /** Total cost per linked contact / per customer reached; null without contacts. */
  costPerContact: number | null;
  costPerCustomer: number | null;
  /** Last day that counts as "what followed": end (or start) + the follow window. */
  windowEnd: string;
  /** Feedback from the customers reached, captured from the start through `windowEnd`. */
  feedbackIds: string[];
  followUps: { done: number; overdue: number; due: number; visitIds: string[] };
  /** Tier changes of the customers reached, from the start through `windowEnd`. */
  tierChanges: { up: number; down: number; commentIds: string[] };
}

export interface ActivityEvaluationOptions {
  dayOf: DayOf;
  /** Days after the activity's end during which feedback and tier changes count as following it. */
  followWindowDays?: number;
  doneVisitIds?: ReadonlySet<string>;
}

/**
 * Marketing activity evaluation (市场活动评估): what each activity cost, whom it reached through
 * the contacts linked to it, and what followed: feedback, follow-ups and tier changes.
 */
export function activityEvaluation(
  activities: readonly Activity[],
  index: VisitIndex,
  { feedback, comments }: { feedback: readonly Feedback[]; comments: readonly Comment[] },
  { dayOf, followWindowDays = 30, doneVisitIds = new Set() }: ActivityEvaluationOptions,
): ActivityEvaluation[] {
  const feedbackByCustomer = new Map<string, Feedback[]>();
  for (const f of feedback) {
    const list = feedbackByCustomer.get(f.customerId);
    if (list) list.push(f);
    else feedbackByCustomer.set(f.customerId, [f]);
  }
  const tierChangesByCustomer = new Map<string, Comment[]>();
  for (const c of comments) {
    if (!isTierChange(c)) continue;
    const list = tierChangesByCustomer.get(c.targetId);
    if (list) list.push(c);
    else tierChangesByCustomer.set(c.targetId, [c]);
  }

  return activities.map((activity) => {
    const currency = activity.cost?.currency ?? DEFAULT_CURRENCY;
    const activityCost = activity.cost?.amount ?? 0;
    const linked = index.byActivity.get(activity.id) ?? [];
    let visitCost = 0;
    let otherCurrencyVisits = 0;
    const customerIds = new Set<string>();
    const followUps = { done: 0, overdue: 0, due: 0, visitIds: [] as string[] };
    for (const entry of linked) {
      const { visit } = entry;
      customerIds.add(visit.customerId);
      if (visit.cost) {
        if (visit.cost.currency === currency) visitCost += visit.cost.amount;
        else otherCurrencyVisits += 1;
      }
      const state = followUpState(entry, index, doneVisitIds);
      if (state) {
        followUps[state] += 1;
        followUps.visitIds.push(visit.id);
      }
    }
    const start = activity.startDate;
    const windowEnd = addDays(activity.endDate && activity.endDate > start ? activity.endDate : start, followWindowDays);
    const inWindow = (iso: string) => {
      const day = dayOf(iso);
      return day >= start && day <= windowEnd;
    };
    const feedbackIds: string[] = [];
    const tierChanges = { up: 0, down: 0, commentIds: [] as string[] };
    for (const customerId of customerIds) {
      for (const f of feedbackByCustomer.get(customerId) ?? []) if (inWindow(f.capturedAt)) feedbackIds.push(f.id);
      for (const c of tierChangesByCustomer.get(customerId) ?? []) {
        if (!inWindow(c.at)) continue;
        const d = tierDirection(c.tierFrom, c.tierTo);
        if (d === 0) continue;
        if (d > 0) tierChanges.up += 1;
        else tierChanges.down += 1;
        tierChanges.commentIds.push(c.id);
      }
    }
    const totalCost = activityCost + visitCost;
    const contacts = linked.length;
    return {
      activityId: activity.id,
      activity,
      currency,
      activityCost,
      visitCost,
      totalCost,
      otherCurrencyVisits,
      visitIds: linked.map((e) => e.visit.id),
      customerIds: [...customerIds],
      costPerContact: contacts > 0 ? totalCost / contacts : null,
      costPerCustomer: customerIds.size > 0 ? totalCost / customerIds.size : null,
      windowEnd,
      feedbackIds,
      followUps,
      tierChanges,
    };
  });
}
