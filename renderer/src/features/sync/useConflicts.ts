import { useEffect, useMemo, useState } from 'react';
import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import type { RxDocument } from 'rxdb';
import type { Colleague, CollectionName, Conflict, Customer, Visit } from '../../../../shared/schemas';
import type { Actor } from '../../../../shared/sync/actor';
import { useSessionStore } from '../../app/sessionStore';
import { useDatabase } from '../../db/DatabaseContext';
import type { FieldbookDatabase } from '../../db/database';
import { useRxQueryResults } from '../../db/useRxQuery';
import { targetIds, targetKey } from './conflictActions';

/** Every conflict document on this computer, live (open and resolved; the page splits them). */
export function useConflicts() {
  const db = useDatabase();
  const query = useMemo(() => db.conflicts.find(), [db]);
  return useRxQueryResults<Conflict>(query);
}

/** Number of open conflicts, live: the badge on the navigation entry. */
export function useOpenConflictCount(): number {
  const db = useDatabase();
  const [count, setCount] = useState(0);
  useEffect(() => {
    const sub = db.conflicts.count({ selector: { status: 'open' } }).$.subscribe(setCount);
    return () => sub.unsubscribe();
  }, [db]);
  return count;
}

/** The documents the conflicts point at, and what is needed to name them. */
export interface ConflictContext {
  /** By targetKey(collection, id); absent: the document does not exist here (or is deleted). */
  targets: ReadonlyMap<string, unknown>;
  /** Customers of the visits among the targets. */
  customers: ReadonlyMap<string, Customer>;
  /** Authors of the other values. */
  colleagues: ReadonlyMap<string, Colleague>;
}

type Docs = Map<string, RxDocument<unknown>>;
const toJson = <T>(docs: Docs): Map<string, T> => new Map([...docs].map(([id, d]) => [id, d.toJSON() as T]));

function byIds<T>(db: FieldbookDatabase, collection: CollectionName, ids: readonly string[]): Observable<Map<string, T>> {
  if (ids.length === 0) return of(new Map<string, T>());
  const docs$ = db[collection].findByIds([...ids]).$ as unknown as Observable<Docs>;
  return docs$.pipe(map((docs) => toJson<T>(docs)));
}

/**
 * Live lookups for the given conflicts: their target documents, the customers of target visits
 * and the colleagues who wrote the other values. `null` while loading.
 */
export function useConflictContext(conflicts: readonly Conflict[]): ConflictContext | null {
  const db = useDatabase();
  // A stable key: the lookups are rebuilt only when the set of ids changes, not on every emission.
  const key = useMemo(
    () => JSON.stringify({ targets: targetIds(conflicts), authors: [...new Set(conflicts.flatMap((c) => (c.otherBy ? [c.otherBy] : [])))].sort() }),
    [conflicts],
  );
  const [state, setState] = useState<{ key: string; context: ConflictContext } | null>(null);

  useEffect(() => {
    const wanted = JSON.parse(key) as { targets: Partial<Record<CollectionName, string[]>>; authors: string[] };
    const perCollection = (Object.entries(wanted.targets) as [CollectionName, string[]][]).map(([collection, ids]) =>
      byIds<unknown>(db, collection, ids).pipe(map((docs) => [...docs].map(([id, doc]) => [targetKey(collection, id), doc] as const))),
    );
    const targets$ = (perCollection.length ? combineLatest(perCollection) : of([])).pipe(map((lists) => new Map(lists.flat())));
    const withCustomers$ = targets$.pipe(
      switchMap((targets) => {
        const visitCustomerIds = [...targets]
          .filter(([k]) => k.startsWith(targetKey('visits', '')))
          .map(([, v]) => (v as Visit).customerId);
        return byIds<Customer>(db, 'customers', [...new Set(visitCustomerIds)].sort()).pipe(map((customers) => ({ targets, customers })));
      }),
    );
    const sub = combineLatest([withCustomers$, byIds<Colleague>(db, 'colleagues', wanted.authors)]).subscribe(([{ targets, customers }, colleagues]) =>
      setState({ key, context: { targets, customers, colleagues } }),
    );
    return () => sub.unsubscribe();
  }, [db, key]);

  return state?.key === key ? state.context : null;
}

/** The signed-in user as the access rules see them (the same rules the server applies). */
export function useActor(): Actor {
  const session = useSessionStore((s) => s.session);
  return useMemo(
    () => ({ userId: session?.user.id ?? '', roles: session?.user.roles ?? [], territoryIds: session?.user.territoryIds ?? [], deviceId: null }),
    [session],
  );
}
