import { useEffect, useMemo, useState } from 'react';
import type { AdverseEvent } from '../../../../shared/schemas';
import { useDatabase } from '../../db/DatabaseContext';
import { useRxQueryOne, useRxQueryResults } from '../../db/useRxQuery';

/** Every report on this computer (a rep's own territory; everything for an admin), newest first. */
export function useAdverseEvents() {
  const db = useDatabase();
  const query = useMemo(() => db.adverseevents.find({ sort: [{ capturedAt: 'desc' }, { id: 'desc' }] }), [db]);
  return useRxQueryResults<AdverseEvent>(query);
}

/** Reports the server has not stamped as received: the app bar's "not yet sent". */
export function useUnsentAdverseEvents() {
  const db = useDatabase();
  const query = useMemo(() => db.adverseevents.find({ selector: { receivedAt: { $exists: false } }, sort: [{ capturedAt: 'asc' }, { id: 'asc' }] }), [db]);
  return useRxQueryResults<AdverseEvent>(query);
}

export function useCustomerAdverseEvents(customerId: string | undefined) {
  const db = useDatabase();
  const query = useMemo(() => (customerId ? db.adverseevents.find({ selector: { customerId }, sort: [{ capturedAt: 'desc' }, { id: 'desc' }] }) : null), [db, customerId]);
  return useRxQueryResults<AdverseEvent>(query);
}

export function useAdverseEvent(id: string | undefined) {
  const db = useDatabase();
  const query = useMemo(() => (id ? db.adverseevents.findOne(id) : null), [db, id]);
  return useRxQueryOne<AdverseEvent>(query);
}

/** The clock, ticking every `intervalMs` (the "captured 5 minutes ago" texts and the 24-hour warning). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
