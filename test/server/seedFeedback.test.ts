/** The demo feedback and adverse events, seeded into a real SQLite store with the demo organisation. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seedDemo';
import { createStore } from '../../server/store/createStore';
import type { Store } from '../../server/store/types';
import type { SyncDoc, SyncedCollection } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';

describe('demo feedback seed', () => {
  let store: Store;
  let dir: string;
  const all = async <C extends SyncedCollection>(c: C) => (await store.pull(c, 0, 5000, { all: true })).map((d) => d.data as unknown as SyncDoc<C>);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldbook-seed-fb-'));
    store = await createStore({ dataDir: dir });
    await store.migrate();
    await seedDemo(store, { now: () => '2026-11-20T02:00:00.000Z', newId, customersPerTerritory: 12 });
  }, 60_000);

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every demo territory feedback of several kinds and statuses, some from logged contacts', async () => {
    const feedback = await all('feedback');
    const customers = new Map((await all('customers')).map((c) => [c.id, c]));
    for (const t of ['t-bj', 't-tj', 't-sy', 't-sh', 't-hz', 't-gz']) {
      const mine = feedback.filter((f) => f.territoryId === t);
      expect(mine.length, t).toBeGreaterThanOrEqual(10);
      expect(new Set(mine.map((f) => f.kind)).size, t).toBeGreaterThanOrEqual(4);
      expect(new Set(mine.map((f) => f.status)).size, t).toBe(4);
      expect(mine.some((f) => f.visitId), t).toBe(true);
      for (const f of mine) expect(customers.get(f.customerId)?.territoryId).toBe(t);
    }
    expect(feedback.filter((f) => f.status === 'resolved').every((f) => (f.resolution ?? '').length > 0)).toBe(true);
    const followUps = (await all('comments')).filter((c) => c.targetCollection === 'feedback');
    expect(followUps.length).toBeGreaterThan(0);
    for (const c of followUps) expect(feedback.find((f) => f.id === c.targetId)?.territoryId).toBe(c.territoryId);
  });

  it('puts adverse events in the queue (received by the server, one acknowledged), each with its linked feedback', async () => {
    const reports = await all('adverseevents');
    expect(reports.length).toBe(4);
    expect(reports.every((r) => r.receivedAt)).toBe(true);
    expect(reports.filter((r) => r.pvStatus === 'acknowledged').length).toBe(1);
    const feedback = await all('feedback');
    for (const r of reports) expect(feedback.find((f) => f.adverseEventId === r.id)?.kind).toBe('adverse_event');
    const audit = await store.listAudit({ collection: 'adverseevents', limit: 100 });
    expect(audit.filter((a) => a.action === 'update').length).toBe(1);
  });
});
