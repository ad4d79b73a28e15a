/**
 * A rep's collections they can never write (catalogue, knowledge base, directory) replicate
 * pull-only with the app's own replication code against the real server: the documents and
 * later changes arrive, and RxDB keeps no per-document copy of the server state for them
 * (one IndexedDB write per pulled document instead of two: the point of pull-only).
 */
import { createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionCreators } from '../../shared/db/collections';
import type { Article } from '../../shared/schemas';
import { API, type PushResponse, type SyncDoc } from '../../shared/sync/protocol';
import { sample } from '../../shared/sync/testSamples';
import { replicateCollection, type CollectionReplication, type StreamItem } from '../../renderer/src/features/sync/collectionReplication';
import { addTerritories, addUser, call, login, startServer, type TestServer } from '../support/testServer';

/** Memory storage counting the documents written to RxDB's replication meta instances. */
function countingMemory(): { storage: RxStorage<unknown, unknown>; metaRows: () => number } {
  const memory = getRxStorageMemory();
  let metaRows = 0;
  const storage = Object.assign({}, memory, {
    async createStorageInstance(params: Parameters<typeof memory.createStorageInstance>[0]) {
      const instance = await memory.createStorageInstance(params);
      if (params.collectionName.startsWith('rx-replication-meta')) {
        const bulkWrite = instance.bulkWrite.bind(instance);
        instance.bulkWrite = (rows, context) => {
          metaRows += rows.length;
          return bulkWrite(rows, context);
        };
      }
      return instance;
    },
  }) as RxStorage<unknown, unknown>;
  return { storage, metaRows: () => metaRows };
}

describe('pull-only replication of a collection the user cannot write', () => {
  let server: TestServer;
  let adminToken = '';
  let repToken = '';
  const ARTICLES = 30;

  const article = (i: number, title: string): SyncDoc =>
    ({ ...sample('articles', 't-1', `art-${i}`), title, status: 'published' }) as SyncDoc;

  beforeAll(async () => {
    server = await startServer();
    await addTerritories(server, 't-1');
    const admin = await addUser(server, ['admin'], []);
    const rep = await addUser(server, ['rep'], ['t-1']);
    adminToken = (await login(server, admin)).accessToken;
    repToken = (await login(server, rep)).accessToken;
    const rows = Array.from({ length: ARTICLES }, (_, i) => ({ newDocumentState: article(i, `标题 ${i}`) }));
    const pushed = await call<PushResponse>(server, 'POST', API.push('articles'), { token: adminToken, body: { rows } });
    expect(pushed.body.refused).toEqual([]);
  }, 60_000);
  afterAll(() => server?.close());

  async function replicate(pullOnly: boolean) {
    const { storage, metaRows } = countingMemory();
    const db: RxDatabase = await createRxDatabase({ name: `pullonly${pullOnly ? 1 : 0}${Date.now()}`, storage, multiInstance: false });
    await db.addCollections({ articles: collectionCreators().articles });
    const articles = db.collections.articles as RxCollection<Article>;
    const stream$ = new Subject<StreamItem<'articles'>>();
    const replication: CollectionReplication<'articles'> = replicateCollection('articles', articles as never, server.url, stream$, {
      fetch: (path, init) => fetch(`${server.url}${path}`, { ...init, headers: { ...(init?.headers ?? {}), authorization: `Bearer ${repToken}` } }),
      pulled: () => undefined,
      pushed: () => undefined,
      succeeded: () => undefined,
      failed: () => undefined,
    }, { pullOnly });
    await replication.awaitInitialReplication();
    return { db, articles, replication, metaRows };
  }

  it('pulls every document and later changes, and keeps no copy of the server state per document', async () => {
    const pullOnly = await replicate(true);
    const both = await replicate(false);
    expect(await pullOnly.articles.count().exec()).toBe(ARTICLES);
    expect(await both.articles.count().exec()).toBe(ARTICLES);
    // Push and pull: the assumed master state of each document; pull-only: checkpoints only.
    expect(both.metaRows()).toBeGreaterThanOrEqual(ARTICLES);
    expect(pullOnly.metaRows()).toBeLessThan(5);

    const edited = { ...article(3, '新标题'), version: 2 } as SyncDoc;
    const answer = await call<PushResponse>(server, 'POST', API.push('articles'), { token: adminToken, body: { rows: [{ newDocumentState: edited, assumedMasterState: article(3, '标题 3') }] } });
    expect(answer.body.refused).toEqual([]);
    pullOnly.replication.reSync();
    await expect.poll(async () => (await pullOnly.articles.findOne('art-3').exec())?.title, { timeout: 10_000 }).toBe('新标题');

    for (const r of [pullOnly, both]) {
      await r.replication.cancel();
      await r.db.close();
    }
  });
});
