import { useEffect, useRef, useState } from 'react';
import type { RxDocument, RxQuery } from 'rxdb';
import { awaitFirstResult } from './firstResults';

export interface QueryState<T> {
  data: T;
  loading: boolean;
}

/**
 * Subscribes to a reactive RxDB query and returns plain JSON: presentational components get
 * data, never live RxDocuments. `query` must be memoised by the caller. Results are tagged
 * with the query they came from, so a new query never shows the previous one's data.
 */
function useRxSubscription<R, T>(query: RxQuery<unknown, R> | null, toData: (result: R) => T, empty: T): QueryState<T> {
  const [state, setState] = useState<{ source: unknown; data: T }>({ source: null, data: empty });
  const shown = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!query) return;
    const firstShown = awaitFirstResult();
    shown.current = firstShown;
    const sub = query.$.subscribe((result) => setState({ source: query, data: toData(result) }));
    return () => {
      sub.unsubscribe();
      firstShown();
    };
    // toData is a pure mapping defined at module level by the callers below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);
  const fresh = query !== null && state.source === query;
  useEffect(() => {
    if (fresh) shown.current?.();
  }, [fresh]);
  if (!query) return { data: empty, loading: false };
  return { data: fresh ? state.data : empty, loading: !fresh };
}

const NO_DOCS: never[] = [];
const manyToJson = (docs: RxDocument<unknown>[]) => docs.map((d) => d.toJSON());
const oneToJson = (doc: RxDocument<unknown> | null) => (doc ? doc.toJSON() : null);

export function useRxQueryResults<T>(query: RxQuery<T, RxDocument<T>[]> | null): QueryState<T[]> {
  return useRxSubscription(query as RxQuery<unknown, RxDocument<unknown>[]> | null, manyToJson, NO_DOCS) as QueryState<T[]>;
}

export function useRxQueryOne<T>(query: RxQuery<T, RxDocument<T> | null> | null): QueryState<T | null> {
  return useRxSubscription(query as RxQuery<unknown, RxDocument<unknown> | null> | null, oneToJson, null) as QueryState<T | null>;
}
