import { useEffect, useState } from 'react';
import type { RxDocument, RxQuery } from 'rxdb';

export interface QueryState<T> {
  data: T;
  loading: boolean;
}

/**
 * Subscribes to a reactive RxDB query and returns plain JSON documents: presentational
 * components get data, never live RxDocuments. `query` must be memoised by the caller.
 */
export function useRxQueryResults<T>(query: RxQuery<T, RxDocument<T>[]> | null): QueryState<T[]> {
  const [state, setState] = useState<QueryState<T[]>>({ data: [], loading: query !== null });
  useEffect(() => {
    if (!query) {
      setState({ data: [], loading: false });
      return;
    }
    const sub = query.$.subscribe((docs) => setState({ data: docs.map((d) => d.toJSON() as T), loading: false }));
    return () => sub.unsubscribe();
  }, [query]);
  return state;
}

export function useRxQueryOne<T>(query: RxQuery<T, RxDocument<T> | null> | null): QueryState<T | null> {
  const [state, setState] = useState<QueryState<T | null>>({ data: null, loading: query !== null });
  useEffect(() => {
    if (!query) {
      setState({ data: null, loading: false });
      return;
    }
    const sub = query.$.subscribe((doc) => setState({ data: doc ? (doc.toJSON() as T) : null, loading: false }));
    return () => sub.unsubscribe();
  }, [query]);
  return state;
}
