/**
 * The knowledge base and the problem research centre through the real sync server: buildApp()
 * on 127.0.0.1 (random port) with the demo organisation, on SQLite and on a real PostgreSQL,
 * called with fetch like the app does. Who may write and read articles; how a rep's question
 * reaches experts outside the territory and how the answer comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo/seedDemo';
import { hasErrors, validateDocument } from '../../shared/validation/validateDocument';
import { API, type PullResponse, type PushResponse, type SyncDoc, type SyncedCollection, type TokenResponse } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { startServer as startTestServer, type TestServer } from '../support/testServer';

let postgres: TestPostgres | undefined;

type Server = TestServer;

/** A real server over the demo organisation (small: 8 customers per territory). */
async function startServer(kind: 'sqlite' | 'postgres'): Promise<Server> {
  const server = await startTestServer({ loginAttemptsPerMinute: 1000 }, kind === 'sqlite' ? undefined : postgres!.url);
  await seedDemo(server.store, { now: server.now, newId, customersPerTerritory: 8 });
  return server;
}

beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);

afterAll(async () => {
  await postgres?.stop();
});

describe.each(['sqlite', 'postgres'] as const)('knowledge and questions over HTTP on %s', (kind) => {
  let server: Server;
  const sessions = new Map<string, TokenResponse>();

  beforeAll(async () => {
    server = await startServer(kind);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  async function as(userName: string): Promise<TokenResponse> {
    let s = sessions.get(userName);
    if (!s) {
      const res = await fetch(`${server.url}${API.login}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userName, password: DEMO_PASSWORD, deviceId: `device-${newId()}`, deviceName: 'knowledge test' }),
      });
      expect(res.status).toBe(200);
      s = (await res.json()) as TokenResponse;
      sessions.set(userName, s);
    }
    return s;
  }

  async function pull<C extends SyncedCollection>(userName: string, collection: C): Promise<SyncDoc<C>[]> {
    const { accessToken } = await as(userName);
    const out: SyncDoc<C>[] = [];
    for (let seq = 0; ;) {
      const res = await fetch(`${server.url}${API.pull(collection)}?seq=${seq}&limit=1000`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(res.status).toBe(200);
      const page = (await res.json()) as PullResponse<C>;
      out.push(...page.documents);
      if (page.documents.length < 1000) return out;
      seq = page.checkpoint.seq;
    }
  }

  async function push<C extends SyncedCollection>(userName: string, collection: C, doc: SyncDoc<C>, assumed?: SyncDoc<C>): Promise<PushResponse<C>> {
    const { accessToken } = await as(userName);
    const res = await fetch(`${server.url}${API.push(collection)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ rows: [{ newDocumentState: doc, ...(assumed ? { assumedMasterState: assumed } : {}) }] }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as PushResponse<C>;
  }

  const refusal = (r: PushResponse) => r.refused[0]?.reason ?? null;
  const byId = <T extends { id: string }>(docs: readonly T[], id: string) => docs.find((d) => d.id === id);

  function article(authorId: string, patch: Partial<SyncDoc<'articles'>> = {}): SyncDoc<'articles'> {
    const t = new Date().toISOString();
    return {
      id: `kb-test-${newId()}`, title: '降压药的医保报销比例', body: '**甲类**全额纳入报销范围。', category: 'business', tags: ['医保'], lang: 'zh-CN',
      version: 1, status: 'draft', authorId, createdAt: t, updatedAt: t, createdBy: authorId, updatedBy: authorId, _deleted: false, ...patch,
    };
  }

  it('a rep cannot write an article; a manager can, and reps read it only once published', async () => {
    const rep = await as('zhang.wei');
    const manager = await as('wang.manager');

    const byRep = article(rep.user.id);
    expect(refusal(await push('zhang.wei', 'articles', byRep))).toBe('forbidden');
    expect(refusal(await push('zhang.wei', 'articles', { ...byRep, status: 'published', publishedAt: byRep.createdAt }))).toBe('forbidden');
    expect(byId(await pull('wang.manager', 'articles'), byRep.id)).toBeUndefined();

    const draft = article(manager.user.id);
    expect((await push('wang.manager', 'articles', draft)).refused).toEqual([]);
    expect(byId(await pull('zhang.wei', 'articles'), draft.id)).toBeUndefined();
    const stored = byId(await pull('emily.manager', 'articles'), draft.id);
    expect(stored).toMatchObject({ status: 'draft', createdBy: manager.user.id });

    const publishedAt = new Date().toISOString();
    const published = { ...stored!, status: 'published' as const, publishedAt };
    expect((await push('wang.manager', 'articles', published, stored)).refused).toEqual([]);
    expect(byId(await pull('zhang.wei', 'articles'), draft.id)).toMatchObject({ status: 'published', version: 1, body: draft.body });

    // Back to draft would leave readers with a stale copy: refused. A new version is fine.
    const current = byId(await pull('wang.manager', 'articles'), draft.id)!;
    expect(refusal(await push('wang.manager', 'articles', { ...current, status: 'draft' }, current))).toBe('append_only');
    expect((await push('wang.manager', 'articles', { ...current, version: 2, body: '更新后的内容' }, current)).refused).toEqual([]);
    expect(byId(await pull('li.na', 'articles'), draft.id)).toMatchObject({ version: 2, body: '更新后的内容' });

    const audit = await server.store.listAudit({ documentId: draft.id, limit: 10 });
    expect(audit.map((a) => [a.action, a.userId])).toEqual([['create', manager.user.id], ['update', manager.user.id], ['update', manager.user.id]]);
  });

  it('the demo knowledge base: reps read the published articles and the catalogue, managers also the drafts', async () => {
    const repArticles = (await pull('zhang.wei', 'articles')).filter((a) => !a._deleted && a.id.startsWith('kb-') && !a.id.startsWith('kb-test-'));
    expect(repArticles.length).toBeGreaterThanOrEqual(38);
    expect(repArticles.every((a) => a.status === 'published')).toBe(true);
    expect(new Set(repArticles.map((a) => a.category))).toEqual(new Set(['product', 'business', 'service']));
    expect(new Set(repArticles.map((a) => a.lang))).toEqual(new Set(['zh-CN', 'en']));
    for (const a of repArticles) {
      const { _deleted: _d, ...plain } = a;
      expect(hasErrors(validateDocument('articles', plain))).toBe(false);
    }
    expect(byId(await pull('wang.manager', 'articles'), 'kb-draft-cardiolin-10')).toMatchObject({ status: 'draft' });
    expect(byId(repArticles, 'kb-draft-cardiolin-10')).toBeUndefined();
    const products = await pull('zhang.wei', 'products');
    expect(products.length).toBeGreaterThanOrEqual(8);
    expect(products.map((p) => p.id)).toEqual(expect.arrayContaining(['prod-lipoclear', 'prod-coagusafe', 'prod-gliptera', 'prod-valsarin']));
  });

  it("a rep's question reaches the expert outside the territory; the answer comes back to the rep and no other rep", async () => {
    const rep = await as('zhang.wei');
    const expert = await as('liu.expert');
    expect(expert.user.territoryIds).toEqual([]);
    const customer = (await pull('zhang.wei', 'customers'))[0]!;
    const t = new Date().toISOString();
    const question: SyncDoc<'questions'> = {
      id: `q-${newId()}`, territoryId: 't-bj', askedBy: rep.user.id, customerId: customer.id, type: 'product_service', routedTo: 'expert',
      text: '主任问：凝安能和阿司匹林合用吗？', status: 'open', askedAt: t, createdAt: t, updatedAt: t, createdBy: rep.user.id, updatedBy: rep.user.id, _deleted: false,
    };
    expect((await push('zhang.wei', 'questions', question)).refused).toEqual([]);

    const inbox = await pull('liu.expert', 'questions');
    const received = byId(inbox, question.id);
    expect(received).toMatchObject({ text: question.text, status: 'open' });
    // The expert sees expert questions of every territory, but not the medical ones; no customer records.
    expect(byId(inbox, 'demo-q-gz-rebate')).toBeDefined();
    expect(byId(inbox, 'demo-q-tj-pregnancy')).toBeUndefined();
    expect(await pull('liu.expert', 'customers')).toEqual([]);
    // Another rep never sees it.
    expect(byId(await pull('li.na', 'questions'), question.id)).toBeUndefined();

    const answerAt = new Date().toISOString();
    const answered = { ...received!, status: 'answered' as const, answer: { text: '可以合用，但出血风险增加，需医生评估。', by: expert.user.id, at: answerAt } };
    expect(refusal(await push('liu.expert', 'questions', { ...answered, text: '改写的问题' }, received))).toBe('forbidden');
    expect((await push('liu.expert', 'questions', answered, received)).refused).toEqual([]);

    const back = byId(await pull('zhang.wei', 'questions'), question.id)!;
    expect(back).toMatchObject({ status: 'answered', answer: { by: expert.user.id, at: answerAt } });
    expect(back.answerSeenAt).toBeUndefined();
    expect((await push('zhang.wei', 'questions', { ...back, answerSeenAt: new Date().toISOString() }, back)).refused).toEqual([]);
    const seen = byId(await pull('zhang.wei', 'questions'), question.id)!;
    expect(refusal(await push('zhang.wei', 'questions', { ...seen, text: '别的问题' }, seen))).toBe('append_only');
    expect(refusal(await push('zhang.wei', 'questions', { ...seen, answer: { ...seen.answer!, text: '自己改答复' } }, seen))).toBe('forbidden');
    expect(refusal(await push('zhang.wei', 'questions', { ...seen, _deleted: true }, seen))).toBe('append_only');

    // A manager of another team promotes the answer: the article goes to every rep, the question links to it.
    const emily = await as('emily.manager');
    const promoted = article(emily.user.id, { title: seen.text, body: seen.answer!.text, category: 'product', status: 'published', publishedAt: new Date().toISOString(), sourceQuestionId: seen.id });
    expect((await push('emily.manager', 'articles', promoted)).refused).toEqual([]);
    const forEmily = byId(await pull('emily.manager', 'questions'), question.id)!;
    expect((await push('emily.manager', 'questions', { ...forEmily, articleId: promoted.id }, forEmily)).refused).toEqual([]);
    expect(byId(await pull('zhang.wei', 'questions'), question.id)).toMatchObject({ articleId: promoted.id });
    expect(byId(await pull('sophie.lin', 'articles'), promoted.id)).toMatchObject({ status: 'published', sourceQuestionId: question.id });
  });

  it('medical questions go to Medical Affairs only; the team manager sees them but cannot answer', async () => {
    const medical = await as('zhou.medical');
    const manager = await as('wang.manager');
    const open = byId(await pull('zhou.medical', 'questions'), 'demo-q-tj-pregnancy');
    expect(open).toMatchObject({ routedTo: 'medical_affairs', status: 'open' });
    expect(byId(await pull('zhou.medical', 'questions'), 'demo-q-gz-rebate')).toBeUndefined();

    const managerCopy = byId(await pull('wang.manager', 'questions'), 'demo-q-tj-pregnancy')!;
    const at = new Date().toISOString();
    expect(refusal(await push('wang.manager', 'questions', { ...managerCopy, status: 'answered', answer: { text: '停药', by: manager.user.id, at } }, managerCopy))).toBe('forbidden');
    expect((await push('zhou.medical', 'questions', { ...open!, status: 'answered', answer: { text: '请医生评估，医学部将提供相关资料。', by: medical.user.id, at } }, open)).refused).toEqual([]);
    expect(byId(await pull('li.na', 'questions'), 'demo-q-tj-pregnancy')).toMatchObject({ status: 'answered', answer: { by: medical.user.id } });
  });
});
