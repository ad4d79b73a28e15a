/** The demo reminders, seeded into a real SQLite store with the demo organisation: every rep's Today has something in each group. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seedDemo';
import { createStore } from '../../server/store/createStore';
import type { Store } from '../../server/store/types';
import { buildAgenda, dueCount } from '../../shared/reminders/due';
import { deriveReminderItems } from '../../shared/reminders/items';
import { neglectedCustomers } from '../../shared/reminders/neglected';
import type { SyncDoc, SyncedCollection } from '../../shared/sync/protocol';
import { validateDocument } from '../../shared/validation/validateDocument';
import { newId } from '../../shared/util/ids';
import { localDay } from '../../shared/util/time';

describe('demo reminders seed', () => {
  let store: Store;
  let dir: string;
  const NOW = new Date().toISOString();
  const all = async <C extends SyncedCollection>(c: C) => (await store.pull(c, 0, 5000, { all: true })).map((d) => d.data as unknown as SyncDoc<C>);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldbook-seed-rem-'));
    store = await createStore({ dataDir: dir });
    await store.migrate();
    await seedDemo(store, { now: () => NOW, newId, customersPerTerritory: 40 });
  }, 60_000);

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every demo rep overdue, due-today and upcoming reminders of every kind, and unvisited A-tier customers', async () => {
    const [customers, visits, reminders, users] = [await all('customers'), await all('visits'), await all('reminders'), await store.listUsers()];
    const today = localDay(new Date(NOW));
    const dayOf = (instant: string) => localDay(new Date(instant));
    const reps = users.filter((u) => u.roles.includes('rep'));
    expect(reps.map((r) => r.userName)).toContain('zhang.wei');
    for (const rep of reps) {
      const t = rep.territoryIds[0]!;
      const mine = <T extends { territoryId: string }>(docs: T[]) => docs.filter((d) => d.territoryId === t);
      const items = deriveReminderItems({ userId: rep.id, customers: mine(customers), visits: mine(visits), reminders: mine(reminders), today, now: NOW, dayOf });
      const agenda = buildAgenda(items, today, dayOf);
      expect(new Set(items.map((i) => i.kind)), rep.userName).toEqual(new Set(['follow_up', 'key_date', 'replenishment', 'custom']));
      expect(agenda.overdue.length, rep.userName).toBeGreaterThanOrEqual(2);
      expect(agenda.today.length, rep.userName).toBeGreaterThanOrEqual(2);
      expect(agenda.upcoming.length, rep.userName).toBeGreaterThanOrEqual(3);
      expect(dueCount(agenda)).toBeGreaterThanOrEqual(4);
      expect(agenda.today.some((e) => e.item.kind === 'key_date'), rep.userName).toBe(true);
      expect(items.some((i) => i.visitDraft), rep.userName).toBe(true);
      expect(items.some((i) => i.kind === 'key_date' && i.keyDate?.date === '1984-02-29'), rep.userName).toBe(true);
      expect(neglectedCustomers(mine(customers), mine(visits), { today, now: NOW, dayOf, days: 30 }).length, rep.userName).toBeGreaterThan(0);
    }
  });

  it('writes only valid documents, owned by the rep of the territory', async () => {
    const users = new Map((await store.listUsers()).map((u) => [u.id, u]));
    const reminders = await all('reminders');
    expect(reminders.length).toBeGreaterThanOrEqual(6 * 4);
    for (const r of reminders) {
      const { _deleted, ...doc } = r;
      expect(_deleted).toBe(false);
      expect(validateDocument('reminders', doc), r.id).toEqual({});
      expect(users.get(r.ownerId)?.territoryIds).toContain(r.territoryId);
    }
  });
});
