import { useEffect, useMemo, useState } from 'react';
import { map, of, type Observable } from 'rxjs';
import type { RxDocument } from 'rxdb';
import type { Colleague, Comment, Customer, Feedback } from '../../../../shared/schemas';
import { useDatabase } from '../../db/DatabaseContext';
import { useRxQueryOne, useRxQueryResults } from '../../db/useRxQuery';

/** All feedback on this computer (the territories this user syncs), newest first, live. */
export function useAllFeedback() {
  const db = useDatabase();
  const query = useMemo(() => db.feedback.find({ sort: [{ capturedAt: 'desc' }, { id: 'desc' }] }), [db]);
  return useRxQueryResults<Feedback>(query);
}

export function useCustomerFeedback(customerId: string | undefined) {
  const db = useDatabase();
  const query = useMemo(
    () => (customerId ? db.feedback.find({ selector: { customerId }, sort: [{ capturedAt: 'desc' }, { id: 'desc' }] }) : null),
    [db, customerId],
  );
  return useRxQueryResults<Feedback>(query);
}

export function useFeedbackOne(id: string | undefined) {
  const db = useDatabase();
  const query = useMemo(() => (id ? db.feedback.findOne(id) : null), [db, id]);
  return useRxQueryOne<Feedback>(query);
}

/** Follow-ups (and any other comments) on one record, oldest first. */
export function useComments(targetId: string | undefined) {
  const db = useDatabase();
  const query = useMemo(() => (targetId ? db.comments.find({ selector: { targetId }, sort: [{ at: 'asc' }, { id: 'asc' }] }) : null), [db, targetId]);
  return useRxQueryResults<Comment>(query);
}

/** The colleague directory by id (names of reps, assignees, authors). */
export function useColleagues(): ReadonlyMap<string, Colleague> {
  const db = useDatabase();
  const query = useMemo(() => db.colleagues.find({ sort: [{ displayName: 'asc' }] }), [db]);
  const { data } = useRxQueryResults<Colleague>(query);
  return useMemo(() => new Map(data.map((c) => [c.id, c])), [data]);
}

/** The customers with these ids, live; a stable key keeps the lookup from being rebuilt on every emission. */
export function useCustomersById(ids: readonly string[]): ReadonlyMap<string, Customer> {
  const db = useDatabase();
  const key = useMemo(() => [...new Set(ids)].sort().join('\n'), [ids]);
  const [state, setState] = useState<{ key: string; customers: Map<string, Customer> }>({ key: '', customers: new Map() });
  useEffect(() => {
    const list = key ? key.split('\n') : [];
    const docs$: Observable<Map<string, Customer>> = list.length === 0
      ? of(new Map())
      : (db.customers.findByIds(list).$ as unknown as Observable<Map<string, RxDocument<Customer>>>).pipe(
        map((docs) => new Map([...docs].map(([id, d]) => [id, d.toJSON() as Customer]))),
      );
    const sub = docs$.subscribe((customers) => setState({ key, customers }));
    return () => sub.unsubscribe();
  }, [db, key]);
  return state.customers;
}
