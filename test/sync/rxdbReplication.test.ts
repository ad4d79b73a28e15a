/**
 * Races in RxDB's replication protocol (rxdb 17.6) that the no-loss sync test ran into, each
 * reduced to a few lines against an in-memory "server".
 * - The dropped RESYNC is fixed by our patch (patches/rxdb+17.6.0.patch): this test guards it.
 * - The skipped server state during an in-flight push is still RxDB's behaviour (`it.fails`);
 *   the app repairs such copies after every reconnect (renderer/src/features/sync/replicationRepair.ts,
 *   exercised by noLoss.test.ts). When RxDB fixes it, this test starts failing: drop the `.fails`.
 *   Both leave a client copy behind the server while RxDB reports "in sync".
 * - A pause during a push (SyncEngine pauses when the session ends) left a local edit unsent for
 *   good: fixed by patches/rxdb+17.6.0+002+unsent-after-pause.patch, guarded here.
 */
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';

interface Doc {
  id: string;
  a?: string;
  b?: string;
}
type Row = Doc & { _deleted: boolean };
interface Checkpoint {
  seq: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
let counter = 0;
let db: RxDatabase<{ docs: RxCollection<Doc> }> | null = null;

async function openCollection(): Promise<RxCollection<Doc>> {
  counter += 1;
  db = await createRxDatabase<{ docs: RxCollection<Doc> }>({ name: `rxdbrace${Date.now()}${counter}`, storage: getRxStorageMemory(), multiInstance: false });
  await db.addCollections({
    docs: {
      schema: {
        version: 0, primaryKey: 'id', type: 'object', required: ['id'],
        properties: { id: { type: 'string', maxLength: 20 }, a: { type: 'string' }, b: { type: 'string' } },
      },
    },
  });
  return db.docs;
}

/** A tiny master: rows with a sequence number, pulled by checkpoint (like the Fieldbook server). */
function master(initial: Row[]) {
  const rows = initial.map((doc, i) => ({ seq: i + 1, doc }));
  return {
    rows,
    put(doc: Row): number {
      const seq = rows.length + 1;
      rows.push({ seq, doc });
      return seq;
    },
    current(id: string): Row | undefined {
      return [...rows].reverse().find((r) => r.doc.id === id)?.doc;
    },
    pull(checkpoint: Checkpoint | undefined): { documents: Row[]; checkpoint: Checkpoint } {
      const after = rows.filter((r) => r.seq > (checkpoint?.seq ?? 0));
      return { documents: after.map((r) => r.doc), checkpoint: { seq: after.at(-1)?.seq ?? checkpoint?.seq ?? 0 } };
    },
  };
}

let replication: RxReplicationState<Doc, Checkpoint> | null = null;
afterEach(async () => {
  await replication?.cancel();
  await db?.close();
  replication = null;
  db = null;
});

describe('RxDB replication races (known, rxdb 17.6)', () => {
  it('pulls what was written while the event stream was down, even when a change event is queued before the RESYNC', async () => {
    const docs = await openCollection();
    const server = master([{ id: 'd1', a: '1', _deleted: false }]);
    const stream$ = new Subject<{ documents: Row[]; checkpoint: Checkpoint } | 'RESYNC'>();
    replication = replicateRxCollection<Doc, Checkpoint>({
      collection: docs, replicationIdentifier: 'race-resync', live: true, retryTime: 100, waitForLeadership: false,
      pull: { stream$: stream$.asObservable(), handler: async (checkpoint) => server.pull(checkpoint) },
      // A slow push holds the stream events back; they are then queued together.
      push: { handler: async () => { await sleep(300); return []; } },
    });
    await replication.awaitInitialReplication();
    await docs.insert({ id: 'local', a: 'x' });
    await sleep(50);
    const d2 = { id: 'd2', a: '2', _deleted: false };
    stream$.next({ documents: [d2], checkpoint: { seq: server.put(d2) } }); // the last event before the stream broke
    server.put({ id: 'd3', a: '3', _deleted: false }); // written while the stream was down
    await sleep(20);
    stream$.next('RESYNC'); // the stream is back: pull from the checkpoint
    await sleep(500);
    const d4 = { id: 'd4', a: '4', _deleted: false };
    stream$.next({ documents: [d4], checkpoint: { seq: server.put(d4) } });
    await sleep(200);
    await replication.awaitInSync();
    // Unpatched RxDB 17.6 drops the RESYNC queued behind the d2 event (downstream.js): d3 is never pulled.
    expect((await docs.find().exec()).map((d) => d.id).sort()).toEqual(['d1', 'd2', 'd3', 'd4', 'local']);
  });

  it.fails('keeps a newer server state that arrives while a RESYNC push of the same document is in flight', async () => {
    const docs = await openCollection();
    const server = master([{ id: 'x', a: 'm0', b: 'm0', _deleted: false }]);
    const stream$ = new Subject<{ documents: Row[]; checkpoint: Checkpoint } | 'RESYNC'>();
    let pushes = 0;
    replication = replicateRxCollection<Doc, Checkpoint>({
      collection: docs, replicationIdentifier: 'race-push', live: true, retryTime: 100, waitForLeadership: false,
      pull: { stream$: stream$.asObservable(), handler: async (checkpoint) => server.pull(checkpoint) },
      push: {
        handler: async (rows) => {
          pushes += 1;
          const row = rows[0];
          const current = server.current('x');
          if (!row || !current) return [];
          if (pushes > 1) {
            // An ordinary master: writes when the client's base is current, else answers with its state.
            const same = JSON.stringify({ ...row.assumedMasterState, _meta: null }) === JSON.stringify({ ...current, _meta: null });
            if (!same) return [current];
            server.put({ ...row.newDocumentState, _deleted: false });
            return [];
          }
          // The server merges the push (b: m1) and answers with that state; before the answer
          // arrives, another user's write (b: m2) reaches this client through the event stream.
          const answer = { ...current, a: row.newDocumentState.a, b: 'm1' };
          server.put(answer);
          const later = { ...answer, b: 'm2' };
          stream$.next({ documents: [later], checkpoint: { seq: server.put(later) } });
          await sleep(100);
          return [answer];
        },
      },
    });
    await replication.awaitInitialReplication();
    // Offline edit; back online RxDB pushes through a RESYNC (as after a reconnect).
    await replication.pause();
    await (await docs.findOne('x').exec())?.incrementalPatch({ a: 'local' });
    await replication.start();
    await sleep(800);
    await replication.awaitInSync();
    // RxDB 17.6 skips the b: m2 event (the document has a push in flight; during a RESYNC the
    // downstream does not wait for the upstream), moves its checkpoint past it and keeps b: m1.
    expect((await docs.findOne('x').exec())?.toJSON()).toMatchObject({ a: 'local', b: 'm2' });
  });

  it('pushes a local edit whose push was cut off by a pause, also when a server state was written meanwhile', async () => {
    const docs = await openCollection();
    await docs.insert({ id: 'local', a: 'offline edit' });
    const server = master([{ id: 'd1', a: '1', _deleted: false }]);
    const pushed: string[] = [];
    let calls = 0;
    let cut: (() => void) | null = null;
    replication = replicateRxCollection<Doc, Checkpoint>({
      collection: docs, replicationIdentifier: 'race-pause', live: true, retryTime: 100, waitForLeadership: false,
      pull: { stream$: new Subject<never>().asObservable(), handler: async (checkpoint) => server.pull(checkpoint) },
      push: {
        handler: async (rows) => {
          calls += 1;
          // The first push hangs (a slow server) until the connection drops.
          if (calls === 1) await new Promise<void>((_resolve, reject) => { cut = () => reject(new TypeError('fetch failed: connection lost')); });
          pushed.push(...rows.map((r) => r.newDocumentState.id));
          return [];
        },
      },
    });
    // Meanwhile the first pull writes d1: a fork change queued behind the hanging push.
    for (let i = 0; i < 100 && !(await docs.findOne('d1').exec()); i++) await sleep(10);
    await sleep(50);
    await replication.pause();
    (cut as (() => void) | null)?.();
    await sleep(300); // the push's retry sees the pause and gives up
    await replication.start();
    await sleep(300);
    await replication.awaitInSync();
    // Unpatched RxDB 17.6 forgets the unsent row and then stores the upstream checkpoint of d1 past it:
    // "local" is never pushed, and later server states of it are never adopted.
    expect(pushed).toContain('local');
  });
});
