import { createContext, useContext, useMemo } from 'react';
import type { Activity, AdverseEvent, Colleague, Comment, Customer, Feedback, Question, Reminder, Visit } from '../../../../shared/schemas';
import { useDatabase } from '../../db/DatabaseContext';
import { useRxQueryResults } from '../../db/useRxQuery';
import type { TeamData } from './teamData';

/**
 * The team's documents on this computer, live: every dashboard reads the same arrays, so
 * switching between them costs no database read. Works offline (it is the local database).
 */
export function useTeamDataSource(): { data: TeamData; loading: boolean } {
  const db = useDatabase();
  const q = useMemo(
    () => ({
      customers: db.customers.find(),
      visits: db.visits.find(),
      feedback: db.feedback.find(),
      questions: db.questions.find(),
      adverseEvents: db.adverseevents.find(),
      activities: db.activities.find(),
      comments: db.comments.find(),
      colleagues: db.colleagues.find(),
      reminders: db.reminders.find(),
    }),
    [db],
  );
  const customers = useRxQueryResults<Customer>(q.customers);
  const visits = useRxQueryResults<Visit>(q.visits);
  const feedback = useRxQueryResults<Feedback>(q.feedback);
  const questions = useRxQueryResults<Question>(q.questions);
  const adverseEvents = useRxQueryResults<AdverseEvent>(q.adverseEvents);
  const activities = useRxQueryResults<Activity>(q.activities);
  const comments = useRxQueryResults<Comment>(q.comments);
  const colleagues = useRxQueryResults<Colleague>(q.colleagues);
  const reminders = useRxQueryResults<Reminder>(q.reminders);
  const all = [customers, visits, feedback, questions, adverseEvents, activities, comments, colleagues, reminders];
  const loading = all.some((s) => s.loading);
  const data = useMemo<TeamData>(
    () => ({
      customers: customers.data, visits: visits.data, feedback: feedback.data, questions: questions.data, adverseEvents: adverseEvents.data,
      activities: activities.data, comments: comments.data, colleagues: colleagues.data, reminders: reminders.data,
    }),
    [customers.data, visits.data, feedback.data, questions.data, adverseEvents.data, activities.data, comments.data, colleagues.data, reminders.data],
  );
  return { data, loading };
}

export const TeamDataContext = createContext<TeamData | null>(null);

export function useTeamData(): TeamData {
  const data = useContext(TeamDataContext);
  if (!data) throw new Error('useTeamData outside the team workspace');
  return data;
}
