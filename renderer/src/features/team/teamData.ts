import type { Activity, AdverseEvent, Colleague, Comment, Customer, Feedback, Question, Reminder, Visit } from '../../../../shared/schemas';

/** Everything the dashboards read: the team's documents as synced to this computer. */
export interface TeamData {
  customers: Customer[];
  visits: Visit[];
  feedback: Feedback[];
  questions: Question[];
  adverseEvents: AdverseEvent[];
  activities: Activity[];
  comments: Comment[];
  colleagues: Colleague[];
  reminders: Reminder[];
}

/**
 * Only the team's questions: experts and managers who answer questions pull them company-wide,
 * the dashboards count the questions of the territories this manager leads (null: all, for admins).
 */
export function scopeToTerritories(data: TeamData, territoryIds: readonly string[] | null): TeamData {
  if (territoryIds === null) return data;
  const mine = new Set(territoryIds);
  return { ...data, questions: data.questions.filter((q) => mine.has(q.territoryId)) };
}

/** Only one rep's records (null: everyone's). */
export function scopeToRep(data: TeamData, repId: string | null): TeamData {
  if (repId === null) return data;
  return {
    ...data,
    customers: data.customers.filter((c) => c.ownerId === repId),
    visits: data.visits.filter((v) => v.repId === repId),
    feedback: data.feedback.filter((f) => f.repId === repId),
    questions: data.questions.filter((q) => q.askedBy === repId),
    adverseEvents: data.adverseEvents.filter((a) => a.repId === repId),
  };
}
