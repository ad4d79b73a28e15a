/**
 * The pharmacovigilance queue API against a real server (buildApp on 127.0.0.1, random port)
 * over a real store: SQLite in a temp folder and a private PostgreSQL cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTerritory } from '../../server/org/org';
import type { AuditEntry, ChangeEvent, Store, UserRecord } from '../../server/store/types';
import { PV_API, type PvAcknowledgeResponse, type PvListResponse } from '../../shared/pharmacovigilance/api';
import { API, type ApiError, type PullResponse, type PushResponse, type SyncDoc } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { addUser, call, login as loginAs, startServer as startTestServer, type TestServer } from '../support/testServer';

let postgres: TestPostgres | null = null;

async function startServer(backend: 'sqlite' | 'postgres'): Promise<TestServer> {
  if (backend === 'sqlite') return startTestServer({ loginAttemptsPerMinute: 100 });
  postgres ??= await startPostgres();
  return startTestServer({ loginAttemptsPerMinute: 100 }, await postgres.createDatabase(`pv_${Date.now()}`));
}

async function login(server: TestServer, user: UserRecord): Promise<string> {
  return (await loginAs(server, user)).accessToken;
}

function report(territoryId: string, repId: string, patch: Partial<SyncDoc<'adverseevents'>> = {}): SyncDoc<'adverseevents'> {
  const t = new Date().toISOString();
  return {
    id: newId(),
    territoryId,
    repId,
    patient: { initials: 'L.M.', ageYears: 67, sex: 'female' },
    reporter: { name: '王建华', role: '主任医师' },
    product: { productId: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' },
    event: '服药两周后出现双踝水肿。',
    onsetDate: '2026-11-02',
    seriousness: 'non_serious',
    capturedAt: t,
    createdAt: t,
    updatedAt: t,
    createdBy: repId,
    updatedBy: repId,
    _deleted: false,
    ...patch,
  };
}

/** What "writes nothing" is checked against: the audit trail and the sequence. */
async function snapshot(store: Store): Promise<string> {
  return JSON.stringify({ audit: (await store.listAudit({ limit: 10_000 })).length, seq: await store.maxSeq() });
}

afterAll(async () => {
  await postgres?.stop();
});

describe.each(['sqlite', 'postgres'] as const)('pharmacovigilance queue on %s', (backend) => {
  let server: TestServer;
  let rep: UserRecord;
  let admin: UserRecord;
  let tokens: Record<'rep' | 'manager' | 'admin' | 'medical', string>;
  let first: SyncDoc<'adverseevents'>;
  let second: SyncDoc<'adverseevents'>;

  beforeAll(async () => {
    server = await startServer(backend);
    await createTerritory(server.store, { id: 't-pv', name: 'PV territory' }, new Date().toISOString());
    const manager = await addUser(server, ['manager'], []);
    rep = await addUser(server, ['rep'], ['t-pv'], manager.userName);
    admin = await addUser(server, ['admin'], []);
    const medical = await addUser(server, ['medical_affairs'], []);
    tokens = {
      rep: await login(server, rep),
      manager: await login(server, manager),
      admin: await login(server, admin),
      medical: await login(server, medical),
    };
    // Two reports pushed by the rep's device, as sync sends them: the server stamps the receipt.
    first = report('t-pv', rep.id, { capturedAt: '2026-11-03T01:00:00.000Z' });
    const pushed = await call<PushResponse>(server, 'POST', API.push('adverseevents'), { token: tokens.rep, body: { rows: [{ newDocumentState: first }] } });
    expect(pushed.status).toBe(200);
    expect(pushed.body.refused).toEqual([]);
    second = report('t-pv', rep.id, { event: 'Rash on both forearms three days after the first dose.', seriousness: 'serious', seriousnessCriteria: ['medically_important'] });
    expect((await call<PushResponse>(server, 'POST', API.push('adverseevents'), { token: tokens.rep, body: { rows: [{ newDocumentState: second }] } })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('refuses the queue to reps, managers and anonymous callers', async () => {
    expect((await call<ApiError>(server, 'GET', PV_API.list)).status).toBe(401);
    for (const who of ['rep', 'manager'] as const) {
      const res = await call<ApiError>(server, 'GET', PV_API.list, { token: tokens[who] });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
  });

  it('lists received reports, oldest first, with the names the queue shows, to admins and medical affairs', async () => {
    for (const who of ['admin', 'medical'] as const) {
      const res = await call<PvListResponse>(server, 'GET', PV_API.list, { token: tokens[who] });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i) => i.report.id)).toEqual([first.id, second.id]);
      const item = res.body.items[0]!;
      expect(item.repName).toBe(rep.displayName);
      expect(item.report.pvStatus).toBe('received');
      expect(item.report.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(item.report.patient).toEqual({ initials: 'L.M.', ageYears: 67, sex: 'female' });
    }
  });

  it('refuses an acknowledgement from a rep or a manager without writing anything', async () => {
    const before = await snapshot(server.store);
    for (const who of ['rep', 'manager'] as const) {
      const res = await call<ApiError>(server, 'POST', PV_API.acknowledge(first.id), { token: tokens[who], body: {} });
      expect(res.status).toBe(403);
    }
    expect(await snapshot(server.store)).toBe(before);
  });

  it('answers bad input with 4xx and writes nothing', async () => {
    const before = await snapshot(server.store);
    const cases: [string, 'GET' | 'POST', string, { body?: unknown; raw?: string }, number][] = [
      ['unknown report', 'POST', PV_API.acknowledge('no-such-report'), { body: {} }, 404],
      ['malformed id', 'POST', PV_API.acknowledge('bad id with spaces'), { body: {} }, 400],
      ['overlong id', 'POST', PV_API.acknowledge('x'.repeat(65)), { body: {} }, 400],
      ['body not an object', 'POST', PV_API.acknowledge(first.id), { body: [first.id] }, 400],
      ['body not JSON', 'POST', PV_API.acknowledge(first.id), { raw: '{"oops' }, 400],
      ['unknown list filter', 'GET', `${PV_API.list}?status=deleted`, {}, 400],
    ];
    for (const [name, method, path, options, status] of cases) {
      const res = await call<ApiError>(server, method, path, { token: tokens.admin, ...options });
      expect(res.status, name).toBe(status);
      expect(typeof res.body.message, name).toBe('string');
    }
    expect(await snapshot(server.store)).toBe(before);
    const open = await call<PvListResponse>(server, 'GET', PV_API.list, { token: tokens.admin });
    expect(open.body.items.every((i) => i.report.pvStatus === 'received')).toBe(true);
  });

  it('acknowledges through the store: audited, sent as a change event, pulled by the rep, and never undone by a device', async () => {
    const events: ChangeEvent[] = [];
    const stop = server.store.onChange((e) => events.push(e));
    const auditBefore = (await server.store.listAudit({ limit: 10_000 })).length;
    const res = await call<PvAcknowledgeResponse>(server, 'POST', PV_API.acknowledge(first.id), { token: tokens.medical, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.changed).toBe(true);
    expect(res.body.item.report.pvStatus).toBe('acknowledged');
    expect(res.body.item.acknowledgedByName).toMatch(/medical_affairs/);

    const audit: AuditEntry[] = await server.store.listAudit({ collection: 'adverseevents', documentId: first.id, limit: 100 });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    const entry = audit[1]!;
    expect(entry.userId).toBe(res.body.item.report.pvAcknowledgedBy);
    expect((entry.oldValue as SyncDoc<'adverseevents'>).pvStatus).toBe('received');
    expect((entry.newValue as SyncDoc<'adverseevents'>).pvStatus).toBe('acknowledged');
    expect((await server.store.listAudit({ limit: 10_000 })).length).toBe(auditBefore + 1);
    await expect.poll(() => events.some((e) => e.collection === 'adverseevents' && e.docs.some((d) => d.id === first.id && (d.data as SyncDoc<'adverseevents'>).pvStatus === 'acknowledged'))).toBe(true);
    stop();

    const pulled = await call<PullResponse<'adverseevents'>>(server, 'GET', `${API.pull('adverseevents')}?seq=0`, { token: tokens.rep });
    const mine = pulled.body.documents.find((d) => d.id === first.id)!;
    expect(mine.pvStatus).toBe('acknowledged');
    expect(mine.pvAcknowledgedAt).toBe(res.body.item.report.pvAcknowledgedAt);

    // A device that still holds the old state cannot put the report back into the queue.
    const stale = { ...mine, pvStatus: 'received' as const };
    delete stale.pvAcknowledgedBy;
    delete stale.pvAcknowledgedAt;
    await call<PushResponse>(server, 'POST', API.push('adverseevents'), { token: tokens.rep, body: { rows: [{ newDocumentState: stale, assumedMasterState: mine }] } });
    const [stored] = [...(await server.store.getDocs('adverseevents', [first.id])).values()];
    expect((stored!.data as SyncDoc<'adverseevents'>).pvStatus).toBe('acknowledged');
  });

  it('a second acknowledgement changes nothing and the filters split the queue', async () => {
    const before = await snapshot(server.store);
    const again = await call<PvAcknowledgeResponse>(server, 'POST', PV_API.acknowledge(first.id), { token: tokens.admin });
    expect(again.status).toBe(200);
    expect(again.body.changed).toBe(false);
    expect(again.body.item.report.pvAcknowledgedBy).not.toBe(admin.id);
    expect(await snapshot(server.store)).toBe(before);

    const ids = async (status: string) =>
      (await call<PvListResponse>(server, 'GET', `${PV_API.list}?status=${status}`, { token: tokens.admin })).body.items.map((i) => i.report.id);
    expect(await ids('received')).toEqual([second.id]);
    expect(await ids('acknowledged')).toEqual([first.id]);
    expect(await ids('all')).toEqual([second.id, first.id]);
  });
});
