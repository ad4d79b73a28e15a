import { useMemo } from 'react';
import type { Product, Visit } from '../../../../shared/schemas';
import { useDatabase } from '../../db/DatabaseContext';
import { useRxQueryOne, useRxQueryResults } from '../../db/useRxQuery';

/** A customer's investment log, newest first, live. */
export function useCustomerVisits(customerId: string | undefined) {
  const db = useDatabase();
  const query = useMemo(
    () => (customerId ? db.visits.find({ selector: { customerId }, sort: [{ startAt: 'desc' }, { id: 'desc' }] }) : null),
    [db, customerId],
  );
  return useRxQueryResults<Visit>(query);
}

export function useVisit(id: string | undefined) {
  const db = useDatabase();
  const query = useMemo(() => (id ? db.visits.findOne(id) : null), [db, id]);
  return useRxQueryOne<Visit>(query);
}

/** Active catalogue products, offered as suggestions in the visit form. */
export function useActiveProducts() {
  const db = useDatabase();
  const query = useMemo(() => db.products.find({ selector: { status: 'active' }, sort: [{ name: 'asc' }] }), [db]);
  return useRxQueryResults<Product>(query);
}
