/**
 * The authorization matrix over HTTP, on SQLite and on PostgreSQL: every role (rep, manager,
 * admin) against every sync endpoint (push create/update/delete, pull, versions, fetch, event
 * stream) and every collection, with documents of their own and of a foreign territory; and every
 * admin endpoint. A refused write leaves the stored document and the audit trail as they were.
 * The expected outcomes are written out in shared/sync/testSamples.ts (expectedWrite/expectedRead).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_API } from '../../server/http/admin';
import type { UserRecord } from '../../server/store/types';
import type { DocVersion } from '../../shared/sync/docVersion';
import {
  API, SYNCED_COLLECTIONS, type FetchResponse, type PullResponse, type PushResponse, type SyncDoc, type SyncedCollection,
  type VersionsResponse,
} from '../../shared/sync/protocol';
import { EDIT, expectedRead, expectedWrite, sample, type MatrixOp, type MatrixRole } from '../../shared/sync/testSamples';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { addTerritories, addUser, call, login, openStream, startServer, type TestServer } from '../support/testServer';

const OWN = 't-own';
const FOREIGN = 't-foreign';
const ROLES: readonly MatrixRole[] = ['rep', 'manager', 'admin'];
const OPS: readonly MatrixOp[] = ['create', 'update', 'delete'];
const TERRITORIES = ['own', 'foreign'] as const;
type Side = (typeof TERRITORIES)[number];

describe.each(['sqlite', 'postgres'] as const)('authorization matrix on %s', (backend) => {
  let postgres: TestPostgres | null = null;
  let server: TestServer;
  const tokens = {} as Record<MatrixRole, string>;
  /** The colleague entries (one per user) that stand for "own" and "foreign" colleagues. */
  const colleagueOf = {} as Record<Side, UserRecord>;
  let managerId = '';

  beforeAll(async () => {
    if (backend === 'postgres') postgres = await startPostgres();
    server = await startServer({ loginAttemptsPerMinute: 10_000 }, postgres?.url);
    await addTerritories(server, OWN, FOREIGN);
    const manager = await addUser(server, ['manager'], [OWN]);
    managerId = manager.id;
    const rep = await addUser(server, ['rep'], [OWN], manager.userName);
    const admin = await addUser(server, ['admin'], []);
    colleagueOf.own = rep;
    colleagueOf.foreign = await addUser(server, ['rep'], [FOREIGN]);
    for (const [role, user] of [['rep', rep], ['manager', manager], ['admin', admin]] as const) tokens[role] = (await login(server, user)).accessToken;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await postgres?.stop();
  });

  const territoryId = (side: Side): string => (side === 'own' ? OWN : FOREIGN);
  /** A sample whose rep (the fixtures' u-rep-li: asker, owner, rep) and manager (u-mgr-wang: a comment's author) are this test's. */
  const doc = (c: SyncedCollection, side: Side, id: string): SyncDoc =>
    JSON.parse(JSON.stringify(sample(c, territoryId(side), id))
      .replaceAll('"u-rep-li"', JSON.stringify(colleagueOf.own.id)).replaceAll('"u-mgr-wang"', JSON.stringify(managerId))) as SyncDoc;

  async function push(role: MatrixRole, c: SyncedCollection, newDocumentState: SyncDoc, assumedMasterState?: SyncDoc): Promise<PushResponse> {
    const res = await call<PushResponse>(server, 'POST', API.push(c), { token: tokens[role], body: { rows: [{ newDocumentState, ...(assumedMasterState ? { assumedMasterState } : {}) }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  async function stored(c: SyncedCollection, id: string): Promise<SyncDoc | undefined> {
    return (await server.store.getDocs(c, [id])).get(id)?.data;
  }

  /** A stored document to edit: created by an admin (colleagues: the user's directory entry). */
  async function master(c: SyncedCollection, side: Side, id: string): Promise<SyncDoc> {
    if (c === 'colleagues') return (await stored(c, colleagueOf[side].id)) as SyncDoc;
    const answer = await push('admin', c, doc(c, side, id));
    expect(answer.refused).toEqual([]);
    return (await stored(c, id)) as SyncDoc;
  }

  describe.each(ROLES)('%s writes', (role) => {
    it.each(SYNCED_COLLECTIONS)('%s: create, update and delete, own and foreign territory', async (c) => {
      for (const side of TERRITORIES) {
        for (const op of OPS) {
          const id = `${role}-${c}-${side}-${op}`.slice(0, 64);
          const expected = expectedWrite(role, c, side, op);
          const before = op === 'create' ? undefined : await master(c, side, id);
          const incoming = op === 'create'
            ? doc(c, side, c === 'colleagues' ? `new-${id}` : id)
            : ({ ...before, ...(op === 'update' ? EDIT[c] : { _deleted: true }) } as SyncDoc);
          const auditBefore = (await server.store.listAudit({ documentId: incoming.id, limit: 1000 })).length;
          const answer = await push(role, c, incoming, before);
          const label = `${role} ${op} ${c} (${side})`;
          expect(answer.refused.map((r) => r.reason), label).toEqual(expected ? [expected] : []);
          const after = await stored(c, incoming.id);
          const auditAfter = (await server.store.listAudit({ documentId: incoming.id, limit: 1000 })).length;
          if (expected) {
            // Nothing of a refused row is written, and the client is told the server's state
            expect(after, label).toEqual(before);
            expect(auditAfter, label).toBe(auditBefore);
            // (only when the user may read it: a foreign document is never sent back)
            if (before) expect(answer.conflicts.map((d) => d.id), label).toEqual(expectedRead(role, c, side) ? [before.id] : []);
          } else {
            expect(auditAfter, label).toBe(auditBefore + 1);
            if (op === 'delete') expect(after?._deleted, label).toBe(true);
            else expect(after, label).toMatchObject(op === 'update' ? EDIT[c] : { id: incoming.id });
          }
        }
      }
    });
  });

  describe('reads', () => {
    /** One readable probe per collection and territory, written by an admin. */
    const probes = {} as Record<SyncedCollection, Record<Side, string>>;

    beforeAll(async () => {
      for (const c of SYNCED_COLLECTIONS) {
        probes[c] = { own: '', foreign: '' };
        for (const side of TERRITORIES) probes[c][side] = (await master(c, side, `read-${c}-${side}`)).id;
      }
    });

    it.each(ROLES)('%s pulls, lists versions and fetches only what it may read', async (role) => {
      for (const c of SYNCED_COLLECTIONS) {
        const pulled = await call<PullResponse>(server, 'GET', `${API.pull(c)}?seq=0&limit=1000`, { token: tokens[role] });
        const listed = await call<VersionsResponse>(server, 'GET', API.versions(c), { token: tokens[role] });
        const fetched = await call<FetchResponse>(server, 'POST', API.fetch(c), { token: tokens[role], body: { ids: [probes[c].own, probes[c].foreign] } });
        expect([pulled.status, listed.status, fetched.status]).toEqual([200, 200, 200]);
        for (const side of TERRITORIES) {
          const id = probes[c][side];
          const label = `${role} reads ${c} (${side})`;
          const visible = expectedRead(role, c, side);
          expect(pulled.body.documents.some((d) => d.id === id), `${label}: pull`).toBe(visible);
          expect(listed.body.versions.some((v: DocVersion) => v[0] === id), `${label}: versions`).toBe(visible);
          expect(fetched.body.documents.some((d) => d.id === id), `${label}: fetch`).toBe(visible);
        }
      }
    });

    it('the event stream carries to each role exactly the changes it may read', async () => {
      const streams = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await openStream(server, tokens[role])] as const))) as Record<MatrixRole, Awaited<ReturnType<typeof openStream>>>;
      try {
        for (const role of ROLES) expect(streams[role].status).toBe(200);
        const written: { c: SyncedCollection; side: Side; id: string }[] = [];
        for (const c of SYNCED_COLLECTIONS.filter((name) => name !== 'colleagues')) {
          for (const side of TERRITORIES) written.push({ c, side, id: (await master(c, side, `stream-${c}-${side}`)).id });
        }
        const idsIn = (role: MatrixRole): Set<string> => new Set(streams[role].events.flatMap((e) => (e.event === 'change' ? (e.data as { documents: { id: string }[] }).documents.map((d) => d.id) : [])));
        for (const role of ROLES) {
          for (const w of written.filter((x) => expectedRead(role, x.c, x.side))) {
            await streams[role].waitFor((e) => e.event === 'change' && (e.data as { documents: { id: string }[] }).documents.some((d) => d.id === w.id));
          }
        }
        // The last expected events are in; anything not allowed would have been sent before them.
        await new Promise((r) => setTimeout(r, 300));
        for (const role of ROLES) {
          const seen = idsIn(role);
          for (const w of written) expect(seen.has(w.id), `${role} streamed ${w.c} (${w.side})`).toBe(expectedRead(role, w.c, w.side));
        }
        // Colleagues are written by the server only (a new user): everyone gets the directory entry.
        const newcomer = await addUser(server, ['rep'], [FOREIGN]);
        for (const role of ROLES) {
          await streams[role].waitFor((e) => e.event === 'change' && (e.data as { collection: string; documents: { id: string }[] }).collection === 'colleagues'
            && (e.data as { documents: { id: string }[] }).documents.some((d) => d.id === newcomer.id));
        }
      } finally {
        for (const s of Object.values(streams)) s.close();
      }
    });
  });

  describe('endpoints', () => {
    it('every sync endpoint refuses a request without a token', async () => {
      for (const c of SYNCED_COLLECTIONS) {
        const answers = await Promise.all([
          call(server, 'GET', `${API.pull(c)}?seq=0`),
          call(server, 'POST', API.push(c), { body: { rows: [] } }),
          call(server, 'GET', API.versions(c)),
          call(server, 'POST', API.fetch(c), { body: { ids: [] } }),
        ]);
        expect(answers.map((a) => a.status), c).toEqual([401, 401, 401, 401]);
      }
      expect((await fetch(server.url + API.stream)).status).toBe(401);
    });

    it('admin endpoints: 403 for a rep and a manager, answered for an admin', async () => {
      const endpoints: { method: 'GET' | 'POST'; path: string; body?: unknown }[] = [
        { method: 'GET', path: ADMIN_API.audit },
        { method: 'GET', path: ADMIN_API.sessions },
        { method: 'GET', path: ADMIN_API.territories },
        { method: 'GET', path: ADMIN_API.users },
        { method: 'POST', path: ADMIN_API.territories, body: { id: 't-matrix', name: 'Matrix territory' } },
        { method: 'POST', path: ADMIN_API.revokeDevice, body: { deviceId: 'no-such-device' } },
      ];
      for (const e of endpoints) {
        for (const role of ['rep', 'manager'] as const) {
          const res = await call<{ code: string }>(server, e.method, e.path, { token: tokens[role], ...(e.body ? { body: e.body } : {}) });
          expect([res.status, res.body.code], `${role} ${e.method} ${e.path}`).toEqual([403, 'forbidden']);
        }
        const res = await call(server, e.method, e.path, { token: tokens.admin, ...(e.body ? { body: e.body } : {}) });
        expect(res.status, `admin ${e.method} ${e.path}`).toBeLessThan(300);
      }
      expect((await server.store.listTerritories()).map((t) => t.id)).toContain('t-matrix');
    });
  });
});
