import { useDeferredValue, useMemo, useState } from 'react';
import type { Customer, CustomerTier, CustomerType } from '../../../../shared/schemas';
import { CustomerSearchIndex } from '../../../../shared/search/customerSearch';
import { useDatabase } from '../../db/DatabaseContext';
import { useRxQueryOne, useRxQueryResults } from '../../db/useRxQuery';

/** All customers on this computer, live. */
export function useAllCustomers() {
  const db = useDatabase();
  const query = useMemo(() => db.customers.find(), [db]);
  return useRxQueryResults<Customer>(query);
}

export interface CustomerFilters {
  types: readonly CustomerType[];
  tiers: readonly CustomerTier[];
}

/**
 * Search as you type over the live customer list. The index is kept across renders and
 * updated incrementally; the query is deferred so typing never waits for the list.
 */
export function useCustomerSearch(query: string, filters: CustomerFilters) {
  const { data, loading } = useAllCustomers();
  const [index] = useState(() => new CustomerSearchIndex());
  const indexed = useMemo(() => {
    index.update(data);
    return { version: data };
  }, [data, index]);
  const deferredQuery = useDeferredValue(query);
  const results = useMemo(
    () => (indexed.version ? index.search(deferredQuery, filters) : []),
    [indexed, index, deferredQuery, filters],
  );
  return { results, total: data.length, loading };
}

export function useCustomer(id: string | undefined) {
  const db = useDatabase();
  const query = useMemo(() => (id ? db.customers.findOne(id) : null), [db, id]);
  return useRxQueryOne<Customer>(query);
}
