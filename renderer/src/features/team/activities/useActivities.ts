import { useMemo } from 'react';
import type { Activity } from '../../../../../shared/schemas';
import { useDatabase } from '../../../db/DatabaseContext';
import { useRxQueryResults } from '../../../db/useRxQuery';

/**
 * Marketing activities a contact in this territory can belong to (not cancelled), plus the
 * one it is already linked to, newest first: the visit form's activity picker.
 */
export function useActivityOptions(territoryId: string, currentId: string | undefined) {
  const db = useDatabase();
  const query = useMemo(() => db.activities.find({ selector: { territoryId } }), [db, territoryId]);
  const { data } = useRxQueryResults<Activity>(query);
  return useMemo(
    () => data.filter((a) => a.status !== 'cancelled' || a.id === currentId).sort((a, b) => b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id)),
    [data, currentId],
  );
}

/** Saves an activity locally; it syncs to the territory's team. */
export async function saveActivity(db: ReturnType<typeof useDatabase>, doc: Activity): Promise<void> {
  await db.activities.upsert(doc);
}
