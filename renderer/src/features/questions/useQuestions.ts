import { useMemo } from 'react';
import type { Colleague, Customer, Question, Role } from '../../../../shared/schemas';
import { answersQuestions } from '../../../../shared/sync/questionAccess';
import { useSessionStore } from '../../app/sessionStore';
import { useDatabase } from '../../db/DatabaseContext';
import { useRxQueryResults } from '../../db/useRxQuery';
import { inboxOrder, isUnseenAnswer } from './questionModel';

/** The questions the signed-in user asked, newest first, live. */
export function useMyQuestions() {
  const db = useDatabase();
  const userId = useSessionStore((s) => s.user.id);
  const query = useMemo(() => db.questions.find({ selector: { askedBy: userId }, sort: [{ askedAt: 'desc' }, { id: 'asc' }] }), [db, userId]);
  return useRxQueryResults<Question>(query);
}

/** The asker's answers not seen yet (drives the badge and the notification). */
export function useUnseenAnswers(): Question[] {
  const userId = useSessionStore((s) => s.user.id);
  const { data } = useMyQuestions();
  return useMemo(() => data.filter((q) => isUnseenAnswer(q, userId)), [data, userId]);
}

/** Questions linked to a customer, newest first, live (the "Questions" block of the customer file). */
export function useCustomerQuestions(customerId: string | undefined) {
  const db = useDatabase();
  const query = useMemo(
    () => (customerId ? db.questions.find({ selector: { customerId }, sort: [{ askedAt: 'desc' }, { id: 'asc' }] }) : null),
    [db, customerId],
  );
  return useRxQueryResults<Question>(query);
}

/** The expert inbox: questions on a route this user answers, open ones first. */
export function useInboxQuestions(roles: readonly Role[]) {
  const db = useDatabase();
  const query = useMemo(() => db.questions.find(), [db]);
  const { data, loading } = useRxQueryResults<Question>(query);
  const questions = useMemo(() => data.filter((q) => answersQuestions({ roles }, q.routedTo)).sort(inboxOrder), [data, roles]);
  return { questions, loading };
}

/** Display names of colleagues by user id (the directory syncs to everyone). */
export function useColleagueNames(): ReadonlyMap<string, string> {
  const db = useDatabase();
  const query = useMemo(() => db.colleagues.find(), [db]);
  const { data } = useRxQueryResults<Colleague>(query);
  return useMemo(() => new Map(data.map((c) => [c.id, c.displayName])), [data]);
}

/** Names of customers of this computer by id, for labelling questions (experts outside the territory have none). */
export function useCustomerNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const db = useDatabase();
  const key = [...new Set(ids)].sort().join('\n');
  const query = useMemo(() => (key ? db.customers.find({ selector: { id: { $in: key.split('\n') } } }) : null), [db, key]);
  const { data } = useRxQueryResults<Customer>(query);
  return useMemo(() => new Map(data.map((c) => [c.id, c.name])), [data]);
}
