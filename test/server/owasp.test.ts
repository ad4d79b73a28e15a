/**
 * The OWASP API Security Top 10 (2023), item by item, against the real server (buildApp on
 * 127.0.0.1 over a temporary SQLite store). Object-level authorization (API1) for every role,
 * collection and endpoint is test/server/authMatrix.test.ts (both databases); token basics
 * (forged, expired, rotation, reuse, revoke) are in http.test.ts; the audit chain and data rights
 * have their own suites. This file adds what those do not cover. The walk-through with every
 * item's status is in SECURITY.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_INVENTORY, registeredRoutes } from '../../server/http/apiInventory';
import type { UserRecord } from '../../server/store/types';
import { SYNCED_COLLECTIONS, API, type ApiError, type PullResponse, type PushResponse, type SyncDoc, type TokenResponse } from '../../shared/sync/protocol';
import { sample } from '../../shared/sync/testSamples';
import { addTerritories, addUser, call, login, startServer, type TestServer } from '../support/testServer';
import { makeTempDir } from '../support/tempDir';

const ROOT = join(import.meta.dirname, '../..');
const SECRETS = /passwordHash|password_hash|refreshTokenHash|previousTokenHash|scrypt\$|values_salt/;

describe('OWASP API Security Top 10 (2023)', () => {
  let server: TestServer;
  const updates = makeTempDir('fieldbook-owasp-updates-');
  let rep: UserRecord;
  let repTokens: TokenResponse & { deviceId: string };
  const token = {} as Record<'rep' | 'manager' | 'admin' | 'medical', string>;

  const ownDoc = <C extends (typeof SYNCED_COLLECTIONS)[number]>(c: C, id: string, patch: Record<string, unknown> = {}): SyncDoc<C> =>
    ({ ...JSON.parse(JSON.stringify(sample(c, 't-own', id)).replaceAll('"u-rep-li"', JSON.stringify(rep.id))), ...patch }) as unknown as SyncDoc<C>;

  beforeAll(async () => {
    // With an update folder: the inventory covers every route a fully configured server has.
    server = await startServer({ loginAttemptsPerMinute: 1000, updatesDir: updates.path });
    await addTerritories(server, 't-own', 't-foreign');
    const manager = await addUser(server, ['manager'], ['t-own']);
    rep = await addUser(server, ['rep'], ['t-own'], manager.userName);
    repTokens = await login(server, rep);
    token.rep = repTokens.accessToken;
    token.manager = (await login(server, manager)).accessToken;
    token.admin = (await login(server, await addUser(server, ['admin'], []))).accessToken;
    token.medical = (await login(server, await addUser(server, ['medical_affairs'], []))).accessToken;
  });
  afterAll(async () => {
    await server?.close();
    updates.remove();
  });

  describe('API2 broken authentication', () => {
    it('refuses a token with alg "none" or a changed header, even with valid claims', async () => {
      const [, payload] = token.rep.split('.') as [string, string, string];
      for (const alg of ['none', 'HS512']) {
        const header = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
        for (const forged of [`${header}.${payload}.`, `${header}.${payload}.${token.rep.split('.')[2]}`]) {
          const res = await call<ApiError>(server, 'GET', `${API.pull('customers')}?seq=0`, { token: forged });
          expect([res.status, res.body.code], alg).toEqual([401, 'unauthenticated']);
        }
      }
    });

    it('a refresh token presented by another device ends the session', async () => {
      const user = await addUser(server, ['rep'], ['t-own']);
      const tokens = await login(server, user, 'laptop-a');
      const stolen = await call<ApiError>(server, 'POST', API.refresh, { body: { refreshToken: tokens.refreshToken, deviceId: 'attacker-laptop' } });
      expect([stolen.status, stolen.body.code]).toEqual([401, 'session_revoked']);
      const owner = await call<ApiError>(server, 'POST', API.refresh, { body: { refreshToken: tokens.refreshToken, deviceId: 'laptop-a' } });
      expect(owner.body.code).toBe('session_revoked');
      expect((await call<ApiError>(server, 'GET', `${API.pull('customers')}?seq=0`, { token: tokens.accessToken })).body.code).toBe('session_revoked');
    });

    it('an unexpired access token of a disabled user is refused at once', async () => {
      const user = await addUser(server, ['rep'], ['t-own']);
      const { accessToken } = await login(server, user);
      await server.store.updateUser(user.id, { active: false, updatedAt: server.now() });
      const res = await call<ApiError>(server, 'GET', `${API.pull('customers')}?seq=0`, { token: accessToken });
      expect([res.status, res.body.code]).toEqual([401, 'session_revoked']);
    });
  });

  describe('API3 broken object property level authorization', () => {
    it('server-owned fields sent by a rep never stick: author, timestamps, receipt and pharmacovigilance acknowledgement', async () => {
      const forged = { createdBy: 'someone-else', updatedBy: 'someone-else', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' };
      const customer = ownDoc('customers', 'prop-c1', forged);
      const report = ownDoc('adverseevents', 'prop-ae1', { ...forged, receivedAt: '2000-01-01T00:00:00.000Z', pvStatus: 'acknowledged', pvAcknowledgedBy: rep.id, pvAcknowledgedAt: '2000-01-01T00:00:00.000Z' });
      for (const [c, d] of [['customers', customer], ['adverseevents', report]] as const) {
        const res = await call<PushResponse>(server, 'POST', API.push(c), { token: token.rep, body: { rows: [{ newDocumentState: d }] } });
        expect(res.body.refused).toEqual([]);
      }
      const c = (await server.store.getDocs('customers', ['prop-c1'])).get('prop-c1')!.data as SyncDoc<'customers'>;
      expect(c).toMatchObject({ createdBy: rep.id, updatedBy: rep.id });
      expect(c.createdAt > '2020').toBe(true);
      const ae = (await server.store.getDocs('adverseevents', ['prop-ae1'])).get('prop-ae1')!.data as SyncDoc<'adverseevents'>;
      expect(ae).toMatchObject({ pvStatus: 'received', createdBy: rep.id });
      expect(ae.receivedAt! > '2020').toBe(true);
      expect(ae).not.toHaveProperty('pvAcknowledgedBy');
      expect(ae).not.toHaveProperty('pvAcknowledgedAt');
    });

    it('a rep can neither move a record to another territory nor write role fields', async () => {
      await call(server, 'POST', API.push('customers'), { token: token.rep, body: { rows: [{ newDocumentState: ownDoc('customers', 'prop-c2') }] } });
      const master = (await server.store.getDocs('customers', ['prop-c2'])).get('prop-c2')!.data;
      const moved = await call<PushResponse>(server, 'POST', API.push('customers'), { token: token.rep, body: { rows: [{ newDocumentState: { ...master, territoryId: 't-foreign' }, assumedMasterState: master }] } });
      expect(moved.body.refused.map((r) => r.reason)).toEqual(['forbidden']);
      expect((await server.store.getDocs('customers', ['prop-c2'])).get('prop-c2')!.territoryId).toBe('t-own');

      const me = (await server.store.getDocs('colleagues', [rep.id])).get(rep.id)!.data;
      const promoted = await call<PushResponse>(server, 'POST', API.push('colleagues'), { token: token.rep, body: { rows: [{ newDocumentState: { ...me, roles: ['admin'] }, assumedMasterState: me }] } });
      expect(promoted.body.refused.map((r) => r.reason)).toEqual(['forbidden']);
      const again = await login(server, rep);
      expect(again.user.roles).toEqual(['rep']);
    });

    it('user creation takes only the documented fields (no id, hash or active flag from the body)', async () => {
      const res = await call<Record<string, unknown>>(server, 'POST', '/api/admin/users', {
        token: token.admin,
        body: { userName: 'prop.user', displayName: 'Prop', password: 'long enough pw', roles: ['rep'], territoryIds: ['t-own'], id: 'chosen-id', passwordHash: 'scrypt$x', active: false, createdAt: '2000-01-01T00:00:00.000Z' },
      });
      expect(res.status).toBe(201);
      expect(res.body.id).not.toBe('chosen-id');
      expect(res.body).toMatchObject({ active: true });
      const signIn = await call(server, 'POST', API.login, { body: { userName: 'prop.user', password: 'long enough pw', deviceId: 'd-prop', deviceName: 'x' } });
      expect(signIn.status).toBe(200);
    });

    it('no answer carries a password hash, a refresh-token hash or an audit salt', async () => {
      const bodies = [
        await call(server, 'POST', API.login, { body: { userName: rep.userName, password: 'correct horse battery', deviceId: 'd-secret', deviceName: 'x' } }),
        await call(server, 'GET', '/api/admin/users', { token: token.admin }),
        await call(server, 'GET', '/api/admin/sessions', { token: token.admin }),
        await call(server, 'GET', '/api/admin/audit?limit=1000', { token: token.admin }),
        await call(server, 'GET', `${API.pull('colleagues')}?seq=0&limit=1000`, { token: token.rep }),
        await call(server, 'GET', '/api/pv/adverse-events?status=all', { token: token.medical }),
      ];
      for (const b of bodies) {
        expect(b.status).toBe(200);
        expect(JSON.stringify(b.body)).not.toMatch(SECRETS);
      }
    });
  });

  describe('API4 unrestricted resource consumption', () => {
    let limited: TestServer;
    beforeAll(async () => {
      limited = await startServer({ loginAttemptsPerMinute: 1000, userRequestsPerMinute: 20, userPushesPerMinute: 5 });
      await addTerritories(limited, 't-own');
    });
    afterAll(async () => {
      await limited?.close();
    });

    it('per-user budgets: pushes, then every request; another user is not affected; a refused push writes nothing', async () => {
      const [a, b] = [await addUser(limited, ['rep'], ['t-own']), await addUser(limited, ['rep'], ['t-own'])];
      const [ta, tb] = [(await login(limited, a)).accessToken, (await login(limited, b)).accessToken];
      const customer = (i: number) => ({ ...sample('customers', 't-own', `lim-${i}`), ownerId: a.id });
      for (let i = 0; i < 5; i++) {
        expect((await call(limited, 'POST', API.push('customers'), { token: ta, body: { rows: [{ newDocumentState: customer(i) }] } })).status).toBe(200);
      }
      const seq = await limited.store.maxSeq();
      const refused = await call<ApiError>(limited, 'POST', API.push('customers'), { token: ta, body: { rows: [{ newDocumentState: customer(99) }] } });
      expect([refused.status, refused.body.code]).toEqual([429, 'rate_limited']);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.store.maxSeq()).toBe(seq);
      // Reads go on until the overall budget (20, the 6 pushes counted) is spent.
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await call(limited, 'GET', `${API.pull('customers')}?seq=0`, { token: ta })).status);
      expect(statuses.slice(0, 14).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(14)).toEqual([429, 429]);
      expect((await call(limited, 'POST', API.push('customers'), { token: tb, body: { rows: [{ newDocumentState: { ...customer(50), ownerId: b.id } }] } })).status).toBe(200);
    });

    it('the default budgets fit a manager\'s first sync of 100,000 contacts', async () => {
      const { DEFAULT_USER_LIMITS } = await import('../../server/http/userLimits');
      const { MAX_BATCH, DEFAULT_PULL_LIMIT } = await import('../../shared/sync/protocol');
      // One pull per page per collection, plus versions and a fetch per collection.
      const requests = Math.ceil(100_000 / DEFAULT_PULL_LIMIT) + Math.ceil(10_000 / DEFAULT_PULL_LIMIT) + 3 * SYNCED_COLLECTIONS.length;
      expect(requests).toBeLessThan(DEFAULT_USER_LIMITS.requestsPerMinute / 2);
      expect(MAX_BATCH).toBe(1000); // push rows, fetch ids and pull page are capped (http.test.ts: batch_too_large, 413)
    });
  });

  describe('API5 broken function level authorization', () => {
    const path = (url: string) => url.replace(':collection', 'customers').replace(':id', 'x-1');

    it('every admin and pharmacovigilance route of the inventory: 401 anonymous, 403 for reps and managers', async () => {
      const guarded = API_INVENTORY.filter((r) => r.access === 'admin' || r.access === 'pharmacovigilance');
      expect(guarded.length).toBeGreaterThanOrEqual(12);
      for (const r of guarded) {
        const method = r.method as 'GET' | 'POST';
        const body = method === 'POST' ? {} : undefined;
        expect((await call(server, method, path(r.url), { body })).status, `anonymous ${r.method} ${r.url}`).toBe(401);
        for (const role of ['rep', 'manager'] as const) {
          const res = await call<ApiError>(server, method, path(r.url), { token: token[role], body });
          expect([res.status, res.body.code], `${role} ${r.method} ${r.url}`).toEqual([403, 'forbidden']);
        }
        // Medical affairs works the pharmacovigilance queue and nothing else.
        const medical = await call(server, method, path(r.url), { token: token.medical, body });
        if (r.access === 'admin') expect(medical.status, `medical ${r.method} ${r.url}`).toBe(403);
        else expect(medical.status, `medical ${r.method} ${r.url}`).not.toBe(403);
      }
    });

    it('every signed-in route refuses an anonymous caller', async () => {
      for (const r of API_INVENTORY.filter((x) => x.access === 'signed_in')) {
        expect((await call(server, r.method as 'GET' | 'POST', path(r.url), { body: r.method === 'POST' ? {} : undefined })).status, r.url).toBe(401);
      }
    });
  });

  describe('API8 security misconfiguration', () => {
    it('security headers on answers, errors and unknown routes; no framework banner', async () => {
      const answers = [
        await call(server, 'GET', '/health'),
        await call(server, 'GET', `${API.pull('customers')}?seq=0`),
        await call(server, 'GET', '/no/such/route'),
        await call(server, 'POST', '/health', { body: {} }),
      ];
      for (const a of answers) {
        expect(a.headers.get('x-content-type-options')).toBe('nosniff');
        expect(a.headers.get('x-frame-options')).toBe('DENY');
        expect(a.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(a.headers.get('cache-control')).toBe('no-store');
        expect(a.headers.get('referrer-policy')).toBe('no-referrer');
        expect(a.headers.get('x-powered-by')).toBeNull();
        expect(a.headers.get('server')).toBeNull();
      }
      // Unknown route and a known route with the wrong method: the same JSON error, nothing else.
      expect(answers[2]).toMatchObject({ status: 404, body: { code: 'not_found', message: 'No route GET /no/such/route' } });
      expect(answers[3]).toMatchObject({ status: 404, body: { code: 'not_found' } });
    });

    it('a failing store answers 500 without a stack trace, SQL or the error text', async () => {
      const broken = await startServer();
      try {
        await addTerritories(broken, 't-own');
        const user = await addUser(broken, ['rep'], ['t-own']);
        const { accessToken } = await login(broken, user);
        const db = (broken.store as unknown as { connection: { exec(sql: string): void } }).connection;
        db.exec('DROP TABLE docs');
        const res = await call<ApiError>(broken, 'GET', `${API.pull('customers')}?seq=0`, { token: accessToken });
        expect(res).toMatchObject({ status: 500, body: { code: 'internal', message: 'Internal server error' } });
        expect(JSON.stringify(res.body)).not.toMatch(/docs|SELECT|sqlite|at .*\.ts|no such table/i);
      } finally {
        await broken.close();
      }
    });

    it('CORS: only configured origins get an allow-origin; bearer tokens, never cookies', async () => {
      const strict = await startServer({ corsOrigins: ['https://crm.example.com'] });
      try {
        const allowed = await fetch(`${strict.url}/health`, { headers: { origin: 'https://crm.example.com' } });
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
        expect(allowed.headers.get('vary')).toMatch(/Origin/);
        const other = await fetch(`${strict.url}/health`, { headers: { origin: 'https://evil.example' } });
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
        const preflight = await fetch(`${strict.url}${API.push('customers')}`, { method: 'OPTIONS', headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'POST' } });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
        expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
        const login = await fetch(`${strict.url}${API.login}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        expect(login.headers.get('set-cookie')).toBeNull();
      } finally {
        await strict.close();
      }
    });
  });

  describe('API9 improper inventory management', () => {
    it('the routes Fastify registered are exactly the inventory', () => {
      const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
      expect(registeredRoutes(server.app).map(key).sort()).toEqual(API_INVENTORY.map(key).sort());
    });

    it('every endpoint of the README\'s API table is a registered route', () => {
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const table = readme.slice(readme.indexOf('### API'), readme.indexOf('\n## ', readme.indexOf('### API')));
      const documented: string[] = [];
      for (const line of table.split('\n').filter((l) => l.startsWith('| `'))) {
        const cellText = line.split(' | ')[0]!;
        let method = '';
        let base = '';
        for (const [, token] of cellText.matchAll(/`([^`]+)`/g)) {
          const m = /^(GET|POST)\s+(\S+)$/.exec(token!);
          let url = m ? m[2]! : token!;
          if (m) method = m[1]!;
          if (m) base = url.split('/').slice(0, 3).join('/');
          else url = `${base}${url}`;
          documented.push(`${method} ${url.split('?')[0]!.replace(/<(\w+)>/g, ':$1')}`);
        }
      }
      expect(documented.length).toBeGreaterThanOrEqual(14);
      const registered = new Set(registeredRoutes(server.app).map((r) => `${r.method} ${r.url}`));
      for (const d of documented) expect(registered.has(d), d).toBe(true);
    });
  });

  it('pull answers the rep only their own territory (API1: see authMatrix.test.ts for the full matrix)', async () => {
    const res = await call<PullResponse>(server, 'GET', `${API.pull('customers')}?seq=0&limit=1000`, { token: token.rep });
    expect(res.body.documents.every((d) => (d as SyncDoc<'customers'>).territoryId === 't-own')).toBe(true);
  });
});
