/**
 * Doctors' data rights through the real server, on SQLite and PostgreSQL: the export of
 * everything held about one customer (JSON and the readable report), and the erasure of the
 * customer's personal data: anonymised on the server (business facts kept), audit values
 * redacted while the hash chain still verifies, conflict records erased, the adverse-event
 * decision applied, and a replicating client (RxDB with the app's sync code, pulling from its
 * checkpoint) receiving the anonymised documents. Only admins may do either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify';
import { runCli } from '../../server/cli';
import { DATA_RIGHTS_API } from '../../server/http/dataRights';
import { ERASED } from '../../server/privacy/anonymise';
import type { EraseResult } from '../../server/privacy/erase';
import type { CustomerExport } from '../../server/privacy/exportReport';
import type { UserRecord } from '../../server/store/types';
import { PV_API } from '../../shared/pharmacovigilance/api';
import { SYNCED_COLLECTIONS, API, type PushResponse, type SyncDoc, type SyncedCollection } from '../../shared/sync/protocol';
import { sample } from '../../shared/sync/testSamples';
import { SyncClient } from '../sync/syncClient';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { addTerritories, addUser, call, login, PASSWORD, startServer, type TestServer } from '../support/testServer';

const NAME = '李明华';
const PHONE = '+86 138 0013 8000';
const EMAIL = 'li.minghua@example.cn';
const HOME = '朝阳区建国路 88 号 3 单元';
const NOTES = '喜欢周二上午拜访，女儿在协和读书';
const LOST_NOTE = '另一台电脑上的备注：李明华的手机号';
/** Every piece of personal data planted; none may remain after the erasure. */
const PERSONAL = [NAME, PHONE, EMAIL, HOME, NOTES, LOST_NOTE, '父亲住院', '李主任抱怨', '李主任问', '生日礼物', '辅导：李主任'];

describe.each(['sqlite', 'postgres'] as const)('customer data rights on %s', (backend) => {
  let postgres: TestPostgres | null = null;
  let server: TestServer;
  let rep: UserRecord;
  let managerId = '';
  const token = {} as Record<'rep' | 'manager' | 'admin', string>;
  const C = `cust-${backend}`;
  const OTHER = `other-${backend}`;
  const ids = { visit: `v1-${backend}`, visit2: `v2-${backend}`, otherVisit: `v3-${backend}`, feedback: `f1-${backend}`, aeAck: `ae1-${backend}`, aeOpen: `ae2-${backend}`, question: `q1-${backend}`, reminder: `r1-${backend}`, coaching: `cm1-${backend}`, note: `cm2-${backend}`, activity: `ac1-${backend}` };
  let client: SyncClient | null = null;
  let beforeErasure: SyncDoc<'customers'>;

  const doc = <C2 extends SyncedCollection>(c: C2, id: string, patch: Record<string, unknown>): SyncDoc<C2> =>
    ({ ...JSON.parse(JSON.stringify(sample(c, 't-1', id)).replaceAll('"u-rep-li"', JSON.stringify(rep.id))), ...patch }) as unknown as SyncDoc<C2>;

  async function push(role: keyof typeof token, c: SyncedCollection, docs: SyncDoc[], assumed?: SyncDoc): Promise<PushResponse> {
    const res = await call<PushResponse>(server, 'POST', API.push(c), { token: token[role], body: { rows: docs.map((d) => ({ newDocumentState: d, ...(assumed ? { assumedMasterState: assumed } : {}) })) } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.refused).toEqual([]);
    return res.body;
  }
  const stored = async <C2 extends SyncedCollection>(c: C2, id: string): Promise<SyncDoc<C2>> => (await server.store.getDocs(c, [id])).get(id)!.data as unknown as SyncDoc<C2>;

  beforeAll(async () => {
    if (backend === 'postgres') postgres = await startPostgres();
    server = await startServer({ loginAttemptsPerMinute: 1000 }, postgres?.url);
    await addTerritories(server, 't-1');
    const manager = await addUser(server, ['manager'], ['t-1']);
    managerId = manager.id;
    rep = await addUser(server, ['rep'], ['t-1'], manager.userName);
    const admin = await addUser(server, ['admin'], []);
    token.rep = (await login(server, rep)).accessToken;
    token.manager = (await login(server, manager)).accessToken;
    token.admin = (await login(server, admin)).accessToken;

    await push('rep', 'customers', [
      doc('customers', C, {
        code: `HCP-${backend}`, name: NAME, phone: PHONE, email: EMAIL, address: { line: HOME, city: '北京' }, title: '主任医师', department: '心内科',
        institution: '北京协和医院', specialty: 'cardiology', contacts: [{ name: `${NAME} 助理`, phone: PHONE }], keyDates: [{ kind: 'birthday', date: '05-12' }],
        notes: NOTES, assessment: { tier: 'A', rating: 4, attitude: `${NAME} 支持我们`, annualSales: 120000 },
      }),
      doc('customers', OTHER, { code: `HCP-O-${backend}`, name: '张伟', phone: '+86 139 0000 0000' }),
    ]);
    await push('manager', 'activities', [doc('activities', ids.activity, { name: '心内科会' })]);
    await push('rep', 'visits', [
      doc('visits', ids.visit, { customerId: C, status: 'submitted', location: `${NAME} 家中`, summary: '李主任说他父亲住院了', productsPresented: [{ name: '阿托伐他汀钙片 20mg' }], activityId: ids.activity, concessions: [{ kind: 'gift', description: '生日礼物' }] }),
      doc('visits', ids.visit2, { customerId: C, kind: 'call', summary: `电话 ${PHONE}` }),
      doc('visits', ids.otherVisit, { customerId: OTHER, summary: '张伟 visit stays' }),
    ]);
    await push('rep', 'feedback', [doc('feedback', ids.feedback, { customerId: C, visitId: ids.visit, customerWords: '李主任抱怨价格太贵', rating: 2 })]);
    await push('rep', 'adverseevents', [
      doc('adverseevents', ids.aeAck, { customerId: C, reporter: { name: NAME, role: 'physician', contact: PHONE } }),
      doc('adverseevents', ids.aeOpen, { customerId: C, reporter: { name: '王护士', role: 'nurse' } }),
    ]);
    await push('rep', 'questions', [doc('questions', ids.question, { customerId: C, text: '李主任问：孕妇能用吗？' })]);
    await push('rep', 'reminders', [doc('reminders', ids.reminder, { customerId: C, title: '生日礼物', notes: EMAIL })]);
    await push('manager', 'comments', [
      doc('comments', ids.coaching, { customerId: C, targetId: ids.visit, text: '辅导：李主任喜欢数据', authorId: managerId }),
      doc('comments', ids.note, { targetCollection: 'customers', targetId: C, kind: 'note', text: `${NAME} 调动到新院区`, authorId: managerId }),
    ]);
    // The same field edited on two devices: the second value is kept as a conflict record.
    const master = await stored('customers', C);
    await push('rep', 'customers', [{ ...master, notes: `${NOTES} 更新` }], master);
    const second = await push('rep', 'customers', [{ ...master, notes: LOST_NOTE }], master);
    expect(second.conflicts).toHaveLength(1);
    // Pharmacovigilance acknowledged one report.
    expect((await call(server, 'POST', PV_API.acknowledge(ids.aeAck), { token: token.admin, body: {} })).status).toBe(200);
    beforeErasure = await stored('customers', C);
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    await server?.close();
    await postgres?.stop();
  });

  it('only admins export or erase; bad input writes nothing', async () => {
    const seq = await server.store.maxSeq();
    for (const role of ['rep', 'manager'] as const) {
      expect((await call(server, 'GET', DATA_RIGHTS_API.export(C), { token: token[role] })).status, role).toBe(403);
      expect((await call(server, 'POST', DATA_RIGHTS_API.erase(C), { token: token[role], body: { confirmCode: `HCP-${backend}` } })).status, role).toBe(403);
      expect((await call(server, 'GET', DATA_RIGHTS_API.auditVerify, { token: token[role] })).status, role).toBe(403);
    }
    expect((await call(server, 'GET', DATA_RIGHTS_API.export(C))).status).toBe(401);
    expect((await call(server, 'POST', DATA_RIGHTS_API.erase(C), { token: token.admin, body: { confirmCode: 'wrong' } })).status).toBe(400);
    expect((await call(server, 'POST', DATA_RIGHTS_API.erase('no-such-customer'), { token: token.admin, body: { confirmCode: 'x' } })).status).toBe(404);
    expect((await call(server, 'GET', `${DATA_RIGHTS_API.export(C)}?format=pdf`, { token: token.admin })).status).toBe(400);
    expect(await server.store.maxSeq()).toBe(seq);
    expect((await stored('customers', C)).phone).toBe(PHONE);
  });

  it('exports everything held about the customer, as JSON and as a readable report', async () => {
    const res = await call<CustomerExport>(server, 'GET', DATA_RIGHTS_API.export(C), { token: token.admin });
    expect(res.status).toBe(200);
    const e = res.body;
    expect(e.customer).toMatchObject({ id: C, name: NAME, phone: PHONE });
    const idsOf = (docs: { id: string }[]) => docs.map((d) => d.id).sort();
    expect(idsOf(e.visits)).toEqual([ids.visit, ids.visit2].sort());
    expect(idsOf(e.activities)).toEqual([ids.activity]);
    expect(idsOf(e.feedback)).toEqual([ids.feedback]);
    expect(idsOf(e.adverseEvents)).toEqual([ids.aeAck, ids.aeOpen].sort());
    expect(idsOf(e.questions)).toEqual([ids.question]);
    expect(idsOf(e.reminders)).toEqual([ids.reminder]);
    expect(idsOf(e.comments)).toEqual([ids.coaching, ids.note].sort());
    expect(e.conflicts).toHaveLength(1);
    expect(e.conflicts[0]).toMatchObject({ documentId: C, field: 'notes', otherValue: JSON.stringify(LOST_NOTE) });
    // The audit entries of every one of those records (not the activity's, not the other customer's).
    const recordIds = new Set([C, ...[e.visits, e.feedback, e.adverseEvents, e.questions, e.reminders, e.comments, e.conflicts].flat().map((d) => d.id)]);
    let expectedAudit = 0;
    for (const id of recordIds) expectedAudit += (await server.store.listAudit({ documentId: id, limit: 1000 })).length;
    expect(e.audit).toHaveLength(expectedAudit);
    expect(e.counts).toEqual({ customers: 1, visits: 2, activities: 1, feedback: 1, adverseevents: 2, questions: 1, reminders: 1, comments: 2, conflicts: 1, audit: expectedAudit });
    expect(JSON.stringify(e)).not.toContain('张伟 visit stays');

    const md = await fetch(`${server.url}${DATA_RIGHTS_API.export(C)}?format=markdown`, { headers: { authorization: `Bearer ${token.admin}` } });
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    const text = await md.text();
    expect(text).toContain(`# 客户个人数据报告 · Personal data report: ${NAME}`);
    for (const heading of ['## 拜访与联系 Visits and contacts (2)', '## 不良事件 Adverse events (2)', '## 同步冲突记录 Sync conflict records (1)', `## 审计记录 Audit trail (${expectedAudit})`]) expect(text).toContain(heading);
  });

  it('a replicating client holds the personal data before the erasure', async () => {
    client = new SyncClient({ name: `dr-${backend}`, userName: rep.userName, password: PASSWORD, territoryId: 't-1', seed: 1 }, server.url, `datarights${backend}${Date.now()}`);
    await client.open();
    await client.settle();
    expect((await client.documents('customers', [C]))[C]).toMatchObject({ name: NAME, phone: PHONE });
    // The app is closed while the erasure happens; it pulls from its checkpoint when started again.
    await client.goOffline('restart');
  }, 60_000);

  it('erases the personal data, keeps the business records, redacts the audit values; the chain still verifies', async () => {
    const res = await call<EraseResult>(server, 'POST', DATA_RIGHTS_API.erase(C), { token: token.admin, body: { confirmCode: `HCP-${backend}` } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.retainedAdverseEvents).toEqual([ids.aeOpen]);
    expect(res.body.changed).toEqual({ adverseevents: 1, visits: 2, feedback: 1, questions: 1, reminders: 1, comments: 2, conflicts: 1, customers: 1 });

    const customer = await stored('customers', C);
    expect(customer).toMatchObject({ id: C, code: `HCP-${backend}`, type: 'hcp', territoryId: 't-1', institution: '北京协和医院', specialty: 'cardiology', name: `${ERASED} HCP-${backend}`, notes: ERASED });
    expect(customer.assessment).toEqual({ tier: 'A', rating: 4, attitude: ERASED, annualSales: 120000 });
    for (const gone of ['phone', 'email', 'address', 'contacts', 'keyDates', 'title', 'department'] as const) expect(customer[gone], gone).toBeUndefined();
    expect(customer.erasedAt).toEqual(expect.any(String));
    const visit = await stored('visits', ids.visit);
    expect(visit).toMatchObject({ status: 'submitted', kind: 'visit', startAt: expect.any(String), productsPresented: [{ name: '阿托伐他汀钙片 20mg' }], activityId: ids.activity, summary: ERASED, location: ERASED, concessions: [{ kind: 'gift', description: ERASED }] });
    expect(await stored('feedback', ids.feedback)).toMatchObject({ kind: 'complaint', rating: 2, customerWords: ERASED, repReading: ERASED });
    expect(await stored('questions', ids.question)).toMatchObject({ type: 'market', text: ERASED });
    expect(await stored('reminders', ids.reminder)).toMatchObject({ title: ERASED, notes: ERASED, dueDate: '2026-03-05' });
    expect(await stored('comments', ids.coaching)).toMatchObject({ kind: 'coaching', text: ERASED });
    const [conflict] = (await server.store.pull('conflicts', 0, 1000, { all: true })).filter((r) => (r.data as SyncDoc<'conflicts'>).documentId === C);
    expect(conflict!.data).toMatchObject({ keptValue: JSON.stringify(ERASED), otherValue: JSON.stringify(ERASED), status: 'dismissed' });
    // Adverse events: the acknowledged report keeps the event, its reporter is pseudonymised; the open one is kept as it is.
    expect(await stored('adverseevents', ids.aeAck)).toMatchObject({ event: '皮疹', pvStatus: 'acknowledged', reporter: { name: ERASED, role: 'physician' } });
    expect((await stored('adverseevents', ids.aeAck)).reporter).not.toHaveProperty('contact');
    expect(await stored('adverseevents', ids.aeOpen)).toMatchObject({ reporter: { name: '王护士', role: 'nurse' }, pvStatus: 'received' });
    // The other customer is untouched.
    expect(await stored('customers', OTHER)).toMatchObject({ name: '张伟', phone: '+86 139 0000 0000' });
    expect((await stored('visits', ids.otherVisit)).summary).toBe('张伟 visit stays');

    // Nothing personal is left anywhere: documents, audit values (old and new).
    const everything: unknown[] = [];
    for (const c of SYNCED_COLLECTIONS) everything.push(...(await server.store.pull(c, 0, 10_000, { all: true })).map((r) => r.data));
    everything.push(...(await server.store.listAudit({ limit: 10_000 })));
    const text = JSON.stringify(everything);
    for (const p of PERSONAL) expect(text.includes(p), p).toBe(false);

    const chain = await call<{ ok: boolean; redacted: number; count: number }>(server, 'GET', DATA_RIGHTS_API.auditVerify, { token: token.admin });
    expect(chain.body).toMatchObject({ ok: true });
    expect(chain.body.redacted).toBeGreaterThan(10);
    expect(await verifyAuditChain(server.store)).toMatchObject({ ok: true, count: chain.body.count });

    // Again: nothing more to change.
    const again = await call<EraseResult>(server, 'POST', DATA_RIGHTS_API.erase(C), { token: token.admin, body: { confirmCode: `HCP-${backend}` } });
    expect(again.body.changed).toEqual({});
  });

  it('the replicating client pulls the anonymised documents from its checkpoint: its copies are overwritten', async () => {
    await client!.goOnline();
    await client!.settle();
    const docs = await client!.documents('customers', [C, OTHER]);
    expect(docs[C]).toMatchObject({ name: `${ERASED} HCP-${backend}`, notes: ERASED });
    expect(docs[C]).not.toHaveProperty('phone');
    expect(docs[OTHER]).toMatchObject({ name: '张伟' });
    expect((await client!.documents('visits', [ids.visit]))[ids.visit]).toMatchObject({ summary: ERASED, location: ERASED });
    const local = JSON.stringify([await client!.snapshot(), await client!.documents('customers', [C]), await client!.documents('visits', [ids.visit, ids.visit2])]);
    for (const p of PERSONAL) expect(local.includes(p), p).toBe(false);
  }, 60_000);

  it('a laptop that was offline during the erasure cannot put the personal data back', async () => {
    const NEW_PHONE = '+86 138 7777 6666';
    const stale = { ...beforeErasure, phone: NEW_PHONE, notes: `${NOTES} 新增`, assessment: { ...beforeErasure.assessment!, rating: 5 } };
    const res = await push('rep', 'customers', [stale], beforeErasure);
    const after = await stored('customers', C);
    // The business change goes in; the personal fields stay erased.
    expect(after).toMatchObject({ name: `${ERASED} HCP-${backend}`, notes: ERASED, assessment: { tier: 'A', rating: 5, attitude: ERASED } });
    for (const gone of ['phone', 'email', 'address', 'contacts'] as const) expect(after[gone], gone).toBeUndefined();
    // The old values end up nowhere: no conflict record, no audit value.
    const everything = JSON.stringify([
      ...(await server.store.pull('conflicts', 0, 10_000, { all: true })).map((r) => r.data),
      ...(await server.store.listAudit({ documentId: C, limit: 1000 })),
      res,
    ]);
    for (const p of [NEW_PHONE, NAME, NOTES]) expect(everything.includes(p), p).toBe(false);

    // Only the personal fields differ: nothing is written, the laptop gets the server's state back.
    const seq = await server.store.maxSeq();
    const only = await push('rep', 'customers', [{ ...after, phone: NEW_PHONE, name: NAME }], after);
    expect(await server.store.maxSeq()).toBe(seq);
    expect(only.conflicts.map((d) => d.id)).toEqual([C]);
    expect(JSON.stringify(only)).not.toContain(NEW_PHONE);
  });

  it('the CLI exports by code and refuses an erasure without --yes', async () => {
    const env = { DATA_DIR: server.dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}) };
    const out: string[] = [];
    const err: string[] = [];
    const io = { env, cwd: process.cwd(), out: (l: string) => out.push(l), err: (l: string) => err.push(l), readLine: async () => '' };
    expect(await runCli(['customer:export', `HCP-O-${backend}`], io)).toBe(0);
    const exported = JSON.parse(out.join('\n')) as CustomerExport;
    expect(exported.counts).toMatchObject({ customers: 1, visits: 1 });
    expect(exported.customer.name).toBe('张伟');
    expect(await runCli(['customer:erase', `HCP-O-${backend}`], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--yes/);
    expect(await runCli(['customer:export', 'NO-SUCH-CODE'], io)).toBe(1);
    expect((await stored('customers', OTHER)).name).toBe('张伟');
    out.length = 0;
    expect(await runCli(['customer:erase', `HCP-O-${backend}`, '--yes'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Erased the personal data of customer HCP-O-/);
    expect((await stored('customers', OTHER)).name).toBe(`${ERASED} HCP-O-${backend}`);
    expect(await runCli(['audit:verify'], io)).toBe(0);
  });
});
