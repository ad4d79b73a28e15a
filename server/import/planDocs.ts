import type { ArticleInput, CustomerInput, ProductInput } from '../../shared/import/checkRows';
import { rowError } from '../../shared/import/messages';
import type { RowError } from '../../shared/import/types';
import type { SyncDoc, SyncedCollection } from '../../shared/sync/protocol';
import { writeAsSystem } from '../org/systemWrite';
import type { Store } from '../store/types';
import { docsEqual } from '../sync/equal';
import { allDocs, mergeDeep, type ImportEnv, type ImportPlan } from './plan';

/**
 * Customers, products and articles: documents written through the same path as a push
 * (writeAsSystem: schema check, server stamps, a sequence number, one audit entry each, as the
 * importing admin), so the change reaches every app by sync. A row equal to the stored document
 * is not written at all: re-importing a file changes nothing.
 */
const META = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'];

type Doc = Record<string, unknown>;

interface Decided {
  created: Doc[];
  updated: Doc[];
  unchanged: number;
  errors: RowError[];
}

function plan(collection: SyncedCollection, store: Store, env: ImportEnv, d: Decided): ImportPlan {
  return {
    created: d.created.length,
    updated: d.updated.length,
    unchanged: d.unchanged,
    errors: d.errors,
    apply: async () => {
      await writeAsSystem(store, collection, [...d.created, ...d.updated] as SyncDoc[], env.now(), { actor: env.actor });
      return [];
    },
  };
}

function newMeta(env: ImportEnv): Doc {
  const now = env.now();
  return { createdAt: now, updatedAt: now, createdBy: env.actor.userId, updatedBy: env.actor.userId, _deleted: false };
}

/** Groups live documents by a key field. */
function byKey(docs: readonly Doc[], field: string): Map<string, Doc[]> {
  const map = new Map<string, Doc[]>();
  for (const doc of docs) {
    const key = doc[field];
    if (typeof key !== 'string') continue;
    map.set(key, [...(map.get(key) ?? []), doc]);
  }
  return map;
}

/** The stored document a row's code names; two with that code are an error of the row (false). */
function priorOf(existing: Map<string, Doc[]>, row: { key: string; line: number }, d: Decided): [boolean, Doc | undefined] {
  const matches = existing.get(row.key) ?? [];
  if (matches.length <= 1) return [true, matches[0]];
  d.errors.push(rowError(row.line, 'code', 'ambiguous', { value: row.key, count: matches.length }));
  return [false, undefined];
}

export async function planCustomers(store: Store, rows: readonly CustomerInput[], env: ImportEnv): Promise<ImportPlan> {
  const existing = byKey(await allDocs(store, 'customers'), 'code');
  const users = await store.listUsers();
  const idOf = new Map(users.map((u) => [u.userName, u.id]));
  // A territory's rep, when it has exactly one: new customers go to them (as customer:assign does).
  const soleRep = (territoryId: string): string | undefined => {
    const reps = users.filter((u) => u.active && u.roles.includes('rep') && u.territoryIds.includes(territoryId));
    return reps.length === 1 ? reps[0]!.id : undefined;
  };
  const d: Decided = { created: [], updated: [], unchanged: 0, errors: [] };
  for (const row of rows) {
    const [found, prior] = priorOf(existing, row, d);
    if (!found) continue;
    const territoryId = row.doc.territoryId as string;
    const ownerId = row.ownerUserName
      ? idOf.get(row.ownerUserName)!
      : prior && prior.territoryId === territoryId
        ? (prior.ownerId as string)
        : (soleRep(territoryId) ?? (prior?.ownerId as string | undefined) ?? env.actor.userId);
    if (!prior) {
      d.created.push({ id: env.newId(), ...row.doc, ownerId, ...newMeta(env) });
      continue;
    }
    const next = mergeDeep(prior, { ...row.doc, ownerId });
    if (docsEqual(prior, next, META)) d.unchanged++;
    else d.updated.push(next);
  }
  return plan('customers', store, env, d);
}

export async function planProducts(store: Store, rows: readonly ProductInput[], env: ImportEnv): Promise<ImportPlan> {
  const existing = byKey(await allDocs(store, 'products'), 'code');
  const d: Decided = { created: [], updated: [], unchanged: 0, errors: [] };
  for (const row of rows) {
    const [found, prior] = priorOf(existing, row, d);
    if (!found) continue;
    if (!prior) {
      d.created.push({ id: env.newId(), status: 'active', ...row.doc, ...newMeta(env) });
      continue;
    }
    const next = mergeDeep(prior, row.doc);
    if (docsEqual(prior, next, META)) d.unchanged++;
    else d.updated.push(next);
  }
  return plan('products', store, env, d);
}

/**
 * Articles are keyed by their id (a stable id such as "faq-kmn-elderly" chosen in the file).
 * New ones start as version 1, draft unless the file says published; publishing changes to a
 * published article makes the next version, as in the app's editor; a published article never
 * returns to draft.
 */
export async function planArticles(store: Store, rows: readonly ArticleInput[], env: ImportEnv): Promise<ImportPlan> {
  const stored = await store.getDocs('articles', rows.map((r) => r.key));
  const products = await allDocs(store, 'products');
  const productRef = (text: string): Doc => {
    const wanted = text.trim().toLowerCase();
    const p = products.find((x) => x.code.toLowerCase() === wanted) ?? products.find((x) => x.name.toLowerCase() === wanted);
    return p ? { productId: p.id, name: p.name } : { name: text };
  };
  const d: Decided = { created: [], updated: [], unchanged: 0, errors: [] };
  for (const row of rows) {
    const patch: Doc = { ...row.doc, ...(row.product ? { product: productRef(row.product) } : {}) };
    const priorRow = stored.get(row.key);
    const prior = priorRow && !priorRow.deleted ? (priorRow.data as unknown as Doc) : undefined;
    if (!prior) {
      const status = (patch.status as string | undefined) ?? 'draft';
      d.created.push({
        id: row.key, category: 'product', ...patch, status, version: 1, authorId: env.actor.userId,
        ...(status === 'published' ? { publishedAt: env.now() } : {}), ...newMeta(env),
      });
      continue;
    }
    if (prior.status === 'published' && patch.status === 'draft') {
      d.errors.push(rowError(row.line, 'status', 'publishedToDraft'));
      continue;
    }
    const next = mergeDeep(prior, patch);
    if (docsEqual(prior, next, META)) {
      d.unchanged++;
      continue;
    }
    if (next.status === 'published') {
      if (prior.status === 'published') next.version = (prior.version as number) + 1;
      next.publishedAt = env.now();
    }
    d.updated.push(next);
  }
  return plan('articles', store, env, d);
}
