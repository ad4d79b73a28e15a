/**
 * Master-data import over HTTP (POST /api/admin/import/:kind) against the real server, on SQLite
 * and PostgreSQL: preview writes nothing; a broken file is refused whole (422 with line, field and
 * reason) unless the admin imports the valid rows only; re-importing the same file creates and
 * updates nothing and adds no sequence number or audit entry; imported documents reach a rep by
 * pull; new users get a one-time password that signs in; reps and managers are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_API, type ImportRefusal, type ImportResult } from '../../shared/import/api';
import { readTable } from '../../shared/import/readTable';
import { suggestMapping } from '../../shared/import/mapping';
import type { ImportKind } from '../../shared/import/types';
import { API, type PullResponse, type TokenResponse } from '../../shared/sync/protocol';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { addTerritories, addUser, call, login, startServer, type TestServer } from '../support/testServer';

const CUSTOMERS = [
  '客户编码,客户名称,类型,辖区,城市,价值分级,年销售额',
  'IMP-001,张伟,医生,t-imp,北京,A,"1,200"',
  'IMP-002,北京协和医院,医院,t-imp,北京,B,',
  'IMP-003,Chen Jie,Doctor,t-imp,Shanghai,,',
].join('\r\n');

const BROKEN = [
  '客户编码,客户名称,类型,辖区,城市,价值分级,年销售额',
  'IMP-101,好客户,医生,t-imp,北京,A,10',
  'IMP-102,,外星人,t-nowhere,北京,Z,很多',
  'IMP-101,重复,医院,t-imp,,,',
].join('\n');

async function body(kind: ImportKind, text: string, mode: 'preview' | 'commit', validOnly = false) {
  const { table } = await readTable(new TextEncoder().encode(text));
  return { mode, table, mapping: suggestMapping(kind, table.headers), validOnly };
}

describe.each(['sqlite', 'postgres'] as const)('master-data import on %s', (backend) => {
  let postgres: TestPostgres | null = null;
  let server: TestServer;
  let admin: string;
  let rep: TokenResponse;
  let manager: string;

  beforeAll(async () => {
    if (backend === 'postgres') postgres = await startPostgres();
    server = await startServer({ loginAttemptsPerMinute: 1000 }, postgres?.url);
    await addTerritories(server, 't-imp');
    admin = (await login(server, await addUser(server, ['admin'], []))).accessToken;
    const managerUser = await addUser(server, ['manager'], ['t-imp']);
    manager = (await login(server, managerUser)).accessToken;
    rep = await login(server, await addUser(server, ['rep'], ['t-imp'], managerUser.userName));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await postgres?.stop();
  });

  const post = async <T>(kind: ImportKind, payload: unknown, token = admin) => call<T>(server, 'POST', IMPORT_API.path(kind), { token, body: payload });
  const state = async () => ({ seq: await server.store.maxSeq(), audit: (await server.store.listAudit({ limit: 10_000 })).length });

  it('previews, imports, and a second import of the same file changes nothing', async () => {
    const before = await state();
    const preview = await post<ImportResult>('customers', await body('customers', CUSTOMERS, 'preview'));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ mode: 'preview', total: 3, valid: 3, errors: [], created: 3, updated: 0, unchanged: 0 });
    expect(await state()).toEqual(before);

    const first = await post<ImportResult>('customers', await body('customers', CUSTOMERS, 'commit'));
    expect(first.body).toMatchObject({ mode: 'commit', created: 3, updated: 0, unchanged: 0, skipped: 0 });
    const afterFirst = await state();
    expect(afterFirst).toEqual({ seq: before.seq + 3, audit: before.audit + 3 });

    const second = await post<ImportResult>('customers', await body('customers', CUSTOMERS, 'commit'));
    expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await state()).toEqual(afterFirst);

    // Through the normal write path: the rep pulls them, audited as the admin, with their fields.
    const pulled = await call<PullResponse<'customers'>>(server, 'GET', `${API.pull('customers')}?seq=${before.seq}&limit=100`, { token: rep.accessToken });
    const zhang = pulled.body.documents.find((d) => d.code === 'IMP-001')!;
    expect(zhang).toMatchObject({ name: '张伟', type: 'hcp', territoryId: 't-imp', ownerId: rep.user.id, address: { city: '北京' }, assessment: { tier: 'A', annualSales: 1200 } });
    const audit = await server.store.listAudit({ documentId: zhang.id });
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(audit[0]!.userId).not.toBe('system');

    // A changed cell updates that customer only; an empty cell leaves the stored value alone.
    const changed = CUSTOMERS.replace('IMP-002,北京协和医院,医院,t-imp,北京,B,', 'IMP-002,北京协和医院,医院,t-imp,北京,A,').replace('Shanghai,,', ',,');
    const third = await post<ImportResult>('customers', await body('customers', changed, 'commit'));
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(await state()).toEqual({ seq: afterFirst.seq + 1, audit: afterFirst.audit + 1 });
  });

  it('a broken file is refused whole with every error by line, field and reason; valid rows only on request', async () => {
    const before = await state();
    const refused = await post<ImportRefusal>('customers', await body('customers', BROKEN, 'commit'));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/nothing was imported/);
    expect(refused.body.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'name', 'required'], [3, 'type', 'oneOf'], [3, 'territory', 'unknownTerritory'], [3, 'tier', 'oneOf'], [3, 'annualSales', 'number'],
      [4, 'code', 'duplicate'],
    ]);
    expect(refused.body.errors[2]!.message).toBe('territory: no territory "t-nowhere"');
    expect(await state()).toEqual(before);

    const validOnly = await post<ImportResult>('customers', await body('customers', BROKEN, 'commit', true));
    expect(validOnly.body).toMatchObject({ total: 3, valid: 1, created: 1, skipped: 2 });
    expect(await state()).toEqual({ seq: before.seq + 1, audit: before.audit + 1 });
  });

  it('imports territories, then users with one-time passwords that sign in; re-import changes nothing', async () => {
    const territories = await post<ImportResult>('territories', await body('territories', '辖区编码,辖区名称\nt-imp-2,成都\nt-imp,导入辖区', 'commit'));
    expect(territories.body).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    expect((await server.store.listTerritories()).find((t) => t.id === 't-imp')?.name).toBe('导入辖区');

    const users = 'user name,display name,roles,territories,manager,password\nimp.rep,导入代表,代表,t-imp-2,imp.boss,\nimp.boss,导入经理,manager,,,boss-password-1';
    const first = await post<ImportResult>('users', await body('users', users, 'commit'));
    expect(first.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(first.body.passwords?.map((p) => p.userName)).toEqual(['imp.rep']);
    const signIn = await call<TokenResponse>(server, 'POST', API.login, { body: { userName: 'imp.rep', password: first.body.passwords![0]!.password, deviceId: 'dev-imp', deviceName: 'x' } });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.territoryIds).toEqual(['t-imp-2']);
    expect((await server.store.getUserByName('imp.rep'))!.managerId).toBe((await server.store.getUserByName('imp.boss'))!.id);

    const before = await state();
    const again = await post<ImportResult>('users', await body('users', users, 'commit'));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, passwords: [] });
    expect(await state()).toEqual(before);
  });

  it('imports products and articles keyed by code and id; publishing a change makes the next version', async () => {
    const products = await post<ImportResult>('products', await body('products', '产品编码,产品名称,类型\nIMP-P1,导入宁 10mg,处方药', 'commit'));
    expect(products.body).toMatchObject({ created: 1 });
    const articles = 'id,标题,答案,产品,状态\nfaq-imp-1,导入宁怎么服用？,每日一次。,IMP-P1,已发布';
    expect((await post<ImportResult>('articles', await body('articles', articles, 'commit'))).body).toMatchObject({ created: 1 });
    const stored = (await server.store.getDocs('articles', ['faq-imp-1'])).get('faq-imp-1')!.data as { version: number; product: { productId?: string } };
    expect(stored.version).toBe(1);
    expect(stored.product.productId).toBeDefined();
    expect((await post<ImportResult>('articles', await body('articles', articles, 'commit'))).body).toMatchObject({ unchanged: 1 });
    expect((await post<ImportResult>('articles', await body('articles', articles.replace('每日一次。', '每日一次，早晨。'), 'commit'))).body).toMatchObject({ updated: 1 });
    expect(((await server.store.getDocs('articles', ['faq-imp-1'])).get('faq-imp-1')!.data as { version: number }).version).toBe(2);
    const draft = await post<ImportRefusal>('articles', await body('articles', articles.replace('已发布', '草稿'), 'commit'));
    expect(draft.status).toBe(422);
    expect(draft.body.errors[0]).toMatchObject({ line: 2, field: 'status', code: 'publishedToDraft' });
  });

  it('refuses reps, managers and bad requests, writing nothing', async () => {
    const before = await state();
    const payload = await body('customers', CUSTOMERS.replaceAll('IMP-', 'NO-'), 'commit');
    expect((await post('customers', payload, rep.accessToken)).status).toBe(403);
    expect((await post('customers', payload, manager)).status).toBe(403);
    expect((await call(server, 'POST', IMPORT_API.path('customers'), { body: payload })).status).toBe(401);
    expect((await post('visits' as ImportKind, payload)).status).toBe(404);
    expect((await post<{ message: string }>('customers', { ...payload, mode: 'go' })).body.message).toMatch(/mode/);
    const unmapped = await post<{ status: number; message: string }>('customers', { ...payload, mapping: { name: 1 } });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.message).toMatch(/required field "code"/);
    expect((await post('customers', { ...payload, table: { headers: ['a'], rows: [{ line: 0, cells: [1] }] } })).status).toBe(400);
    expect(await state()).toEqual(before);
  });
});
