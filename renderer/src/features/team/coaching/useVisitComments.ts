import { useMemo } from 'react';
import type { Colleague, Comment } from '../../../../../shared/schemas';
import { useDatabase } from '../../../db/DatabaseContext';
import { useRxQueryResults } from '../../../db/useRxQuery';

/** Comments on a contact (coaching and others), oldest first, live: a manager's comment appears after sync. */
export function useVisitComments(visitId: string) {
  const db = useDatabase();
  const query = useMemo(() => db.comments.find({ selector: { targetId: visitId } }), [db, visitId]);
  const { data, loading } = useRxQueryResults<Comment>(query);
  const comments = useMemo(
    () => data.filter((c) => c.targetCollection === 'visits').sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)),
    [data],
  );
  return { comments, loading };
}

/** Display names of colleagues, by user id. */
export function useColleagueNames(): (id: string) => string {
  const db = useDatabase();
  const query = useMemo(() => db.colleagues.find(), [db]);
  const { data } = useRxQueryResults<Colleague>(query);
  return useMemo(() => {
    const names = new Map(data.map((c) => [c.id, c.displayName]));
    return (id: string) => names.get(id) ?? id;
  }, [data]);
}
