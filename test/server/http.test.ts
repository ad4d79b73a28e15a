/**
 * The sync server's HTTP layer against a real server: buildApp() listening on 127.0.0.1 (random
 * port) over a temporary SQLite data folder, called with fetch.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken, type AccessClaims } from '../../server/auth/tokens';
import { REFRESH_RETRY_GRACE_MS } from '../../server/auth/routes';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo/seedDemo';
import type { AuditEntry } from '../../server/store/types';
import type { ApiError, FetchResponse, PullResponse, PushResponse, PushRow, StreamChange, SyncDoc, SyncedCollection, TokenResponse, VersionsResponse } from '../../shared/sync/protocol';
import { contentHash, staleIds } from '../../shared/sync/docVersion';
import { API } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';
import { addTerritories, addUser, call, login, openStream, PASSWORD, startServer, type Res, type TestServer } from '../support/testServer';

function customer(territoryId: string, ownerId: string, patch: Partial<SyncDoc<'customers'>> = {}): SyncDoc<'customers'> {
  const t = '2026-11-01T08:00:00.000Z';
  return {
    id: newId(),
    code: `C-${Math.random().toString(36).slice(2, 10)}`,
    name: '王建华',
    type: 'hcp',
    territoryId,
    ownerId,
    institution: '北京协和医院',
    createdAt: t,
    updatedAt: t,
    createdBy: ownerId,
    updatedBy: ownerId,
    _deleted: false,
    ...patch,
  };
}

// ------------------------------------------------------------------------------------------

const MAX = 1000;

describe('sync server over HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    await addTerritories(server, 't-1', 't-2');
  });
  afterAll(async () => {
    await server?.close();
  });

  async function auditCount(documentId: string): Promise<number> {
    return (await server.store.listAudit({ documentId, limit: 1000 })).length;
  }

  async function pullAll<C extends SyncedCollection>(token: string, collection: C, seq = 0): Promise<PullResponse<C>> {
    const res = await call<PullResponse<C>>(server, 'GET', `${API.pull(collection)}?seq=${seq}&limit=${MAX}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function fetchDocs(token: string, ids: string[]): Promise<SyncDoc<'customers'>[]> {
    const res = await call<FetchResponse<'customers'>>(server, 'POST', API.fetch('customers'), { token, body: { ids } });
    expect(res.status).toBe(200);
    return ids.map((id) => res.body.documents.find((d) => d.id === id)).filter((d) => d !== undefined);
  }

  async function pushRows<C extends SyncedCollection>(token: string, collection: C, rows: PushRow<C>[]): Promise<Res<PushResponse<C> & ApiError>> {
    return call<PushResponse<C> & ApiError>(server, 'POST', API.push(collection), { token, body: { rows } });
  }

  describe('health and errors', () => {
    it('answers /health and /ready with security headers', async () => {
      const health = await call<{ status: string }>(server, 'GET', API.health);
      expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      expect(health.headers.get('x-frame-options')).toBe('DENY');
      expect(health.headers.get('content-security-policy')).toContain("default-src 'none'");
      const ready = await call<{ status: string; store: string }>(server, 'GET', API.ready);
      expect(ready).toMatchObject({ status: 200, body: { status: 'ready', store: 'sqlite' } });
    });

    it('answers unknown routes with an ApiError', async () => {
      const res = await call<ApiError>(server, 'GET', '/api/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    });
  });

  describe('sign-in', () => {
    it('signs in with the right password and returns tokens and the user', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const tokens = await login(server, rep);
      expect(tokens.accessToken.split('.')).toHaveLength(3);
      expect(Date.parse(tokens.accessExpiresAt)).toBeGreaterThan(Date.now());
      expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(tokens.user).toEqual({ id: rep.id, userName: rep.userName, displayName: rep.displayName, roles: ['rep'], territoryIds: ['t-1'], homeTerritoryId: 't-1' });
      // Only the hash of the refresh token is stored.
      const [session] = await server.store.listSessions(rep.id);
      expect(session?.refreshTokenHash).not.toContain(tokens.refreshToken);
      expect(session?.refreshTokenHash).toHaveLength(64);
    });

    it('refuses a wrong password and an unknown user with the same answer', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const wrong = await call<ApiError>(server, 'POST', API.login, { body: { userName: rep.userName, password: 'not-it', deviceId: 'd', deviceName: 'x' } });
      const unknown = await call<ApiError>(server, 'POST', API.login, { body: { userName: 'nobody.here', password: PASSWORD, deviceId: 'd', deviceName: 'x' } });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.code).toBe('invalid_credentials');
    });

    it('rate-limits sign-in attempts per IP and user name', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const other = await addUser(server, ['rep'], ['t-1']);
      for (let i = 0; i < 5; i++) {
        const res = await call<ApiError>(server, 'POST', API.login, { body: { userName: rep.userName, password: `guess-${i}`, deviceId: 'd', deviceName: 'x' } });
        expect(res.status).toBe(401);
      }
      const blocked = await call<ApiError>(server, 'POST', API.login, { body: { userName: rep.userName, password: PASSWORD, deviceId: 'd', deviceName: 'x' } });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('rate_limited');
      // Another account from the same address is not locked out.
      await expect(login(server, other)).resolves.toMatchObject({ user: { id: other.id } });
    });

    it('refuses a malformed sign-in body', async () => {
      const res = await call<ApiError>(server, 'POST', API.login, { body: { userName: 42, password: [] } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('bad_request');
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every use; a replaced token revokes the session', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const first = await login(server, rep);
      const second = await call<TokenResponse>(server, 'POST', API.refresh, { body: { refreshToken: first.refreshToken, deviceId: first.deviceId } });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      const third = await call<TokenResponse>(server, 'POST', API.refresh, { body: { refreshToken: second.body.refreshToken, deviceId: first.deviceId } });
      expect(third.status).toBe(200);
      // The new access token works.
      expect((await call(server, 'GET', `${API.pull('customers')}?seq=0`, { token: third.body.accessToken })).status).toBe(200);

      // An old token comes back: someone copied it. The whole session ends.
      const reuse = await call<ApiError>(server, 'POST', API.refresh, { body: { refreshToken: first.refreshToken, deviceId: first.deviceId } });
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('session_revoked');
      const current = await call<ApiError>(server, 'POST', API.refresh, { body: { refreshToken: third.body.refreshToken, deviceId: first.deviceId } });
      expect(current.body.code).toBe('session_revoked');
      const pullAfter = await call<ApiError>(server, 'GET', `${API.pull('customers')}?seq=0`, { token: third.body.accessToken });
      expect(pullAfter.status).toBe(401);
      expect(pullAfter.body.code).toBe('session_revoked');
    });

    it('takes a refresh whose answer was lost, retried by the same device within a minute, as a retry', async () => {
      const local = await startServer();
      try {
        await addTerritories(local, 't-1');
        const rep = await addUser(local, ['rep'], ['t-1']);
        const first = await login(local, rep);
        // The answer to this refresh never reaches the laptop: it still holds `first`.
        const lost = await call<TokenResponse>(local, 'POST', API.refresh, { body: { refreshToken: first.refreshToken, deviceId: first.deviceId } });
        expect(lost.status).toBe(200);
        local.advance(20_000);
        const retry = await call<TokenResponse>(local, 'POST', API.refresh, { body: { refreshToken: first.refreshToken, deviceId: first.deviceId } });
        expect(retry.status).toBe(200);
        expect(retry.body.refreshToken).not.toBe(lost.body.refreshToken);
        // The token of the lost answer is spent; the retry's token is the session's now.
        const next = await call<TokenResponse>(local, 'POST', API.refresh, { body: { refreshToken: retry.body.refreshToken, deviceId: first.deviceId } });
        expect(next.status).toBe(200);

        // Another device presenting the replaced token, or the same device after the grace: theft.
        const other = await call<ApiError>(local, 'POST', API.refresh, { body: { refreshToken: retry.body.refreshToken, deviceId: 'someone-else' } });
        expect([other.status, other.body.code]).toEqual([401, 'session_revoked']);

        const second = await login(local, rep);
        expect((await call(local, 'POST', API.refresh, { body: { refreshToken: second.refreshToken, deviceId: second.deviceId } })).status).toBe(200);
        local.advance(REFRESH_RETRY_GRACE_MS + 1_000);
        const late = await call<ApiError>(local, 'POST', API.refresh, { body: { refreshToken: second.refreshToken, deviceId: second.deviceId } });
        expect([late.status, late.body.code]).toEqual([401, 'session_revoked']);
      } finally {
        await local.close();
      }
    });

    it('slides the expiry on use and refuses an expired session', async () => {
      const local = await startServer({ refreshTokenTtlDays: 10 });
      try {
        await addTerritories(local, 't-1');
        const rep = await addUser(local, ['rep'], ['t-1']);
        const tokens = await login(local, rep);
        local.advance(8 * 86_400_000);
        const slid = await call<TokenResponse>(local, 'POST', API.refresh, { body: { refreshToken: tokens.refreshToken, deviceId: tokens.deviceId } });
        expect(slid.status).toBe(200);
        local.advance(8 * 86_400_000); // 16 days after sign-in, 8 after the last use: still valid
        const again = await call<TokenResponse>(local, 'POST', API.refresh, { body: { refreshToken: slid.body.refreshToken, deviceId: tokens.deviceId } });
        expect(again.status).toBe(200);
        local.advance(11 * 86_400_000);
        const expired = await call<ApiError>(local, 'POST', API.refresh, { body: { refreshToken: again.body.refreshToken, deviceId: tokens.deviceId } });
        expect(expired.status).toBe(401);
        expect(expired.body.code).toBe('session_expired');
      } finally {
        await local.close();
      }
    });

    it('logs out: the session is revoked', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const tokens = await login(server, rep);
      expect((await call(server, 'POST', API.logout, { token: tokens.accessToken })).status).toBe(204);
      const after = await call<ApiError>(server, 'GET', `${API.pull('customers')}?seq=0`, { token: tokens.accessToken });
      expect(after.body.code).toBe('session_revoked');
    });
  });

  describe('access tokens', () => {
    it('refuses a missing, forged or expired token', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const tokens = await login(server, rep);
      const none = await call<ApiError>(server, 'GET', `${API.pull('customers')}?seq=0`);
      expect(none).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });

      const [header, payload] = tokens.accessToken.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
      const forged = `${header}.${forgedPayload}.${createHmac('sha256', 'wrong-secret').update(`${header}.${forgedPayload}`).digest('base64url')}`;
      const forgedRes = await call<ApiError>(server, 'GET', `${API.pull('customers')}?seq=0`, { token: forged });
      expect(forgedRes).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });

      const expired = signAccessToken(server.secret, { ...(claims as unknown as AccessClaims), exp: Math.floor(Date.now() / 1000) - 5 });
      const expiredRes = await call<ApiError>(server, 'GET', `${API.pull('customers')}?seq=0`, { token: expired });
      expect(expiredRes).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
      expect(expiredRes.body.message).toMatch(/expired/);
    });

    it('an admin revoke takes effect at the next request of that device, which is told to wipe (device_revoked)', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const admin = await addUser(server, ['admin'], []);
      const repTokens = await login(server, rep, 'laptop-lost');
      const adminTokens = await login(server, admin);
      expect((await call(server, 'GET', `${API.pull('customers')}?seq=0`, { token: repTokens.accessToken })).status).toBe(200);

      const sessions = await call<{ sessions: Record<string, unknown>[] }>(server, 'GET', `/api/admin/sessions?userId=${rep.id}`, { token: adminTokens.accessToken });
      expect(sessions.status).toBe(200);
      expect(sessions.body.sessions).toHaveLength(1);
      expect(sessions.body.sessions[0]).toMatchObject({ deviceId: 'laptop-lost', revokedAt: null });
      expect(sessions.body.sessions[0]).not.toHaveProperty('refreshTokenHash');

      const revoke = await call<{ revoked: number }>(server, 'POST', '/api/admin/devices/revoke', { token: adminTokens.accessToken, body: { userId: rep.id, deviceId: 'laptop-lost' } });
      expect(revoke).toMatchObject({ status: 200, body: { revoked: 1 } });
      const next = await call<ApiError>(server, 'GET', `${API.pull('customers')}?seq=0`, { token: repTokens.accessToken });
      expect(next).toMatchObject({ status: 401, body: { code: 'device_revoked' } });
      const refresh = await call<ApiError>(server, 'POST', API.refresh, { body: { refreshToken: repTokens.refreshToken, deviceId: 'laptop-lost' } });
      expect(refresh).toMatchObject({ status: 401, body: { code: 'device_revoked' } });
      // Signing in again on that device is allowed (the owner found it); the new session is not marked.
      const again = await login(server, rep, 'laptop-lost');
      expect((await call(server, 'GET', `${API.pull('customers')}?seq=0`, { token: again.accessToken })).status).toBe(200);
    });

    it('admin endpoints answer 403 to a rep', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const { accessToken } = await login(server, rep);
      for (const [method, path, body] of [['GET', '/api/admin/audit', undefined], ['GET', '/api/admin/sessions', undefined], ['POST', '/api/admin/devices/revoke', { deviceId: 'x' }]] as const) {
        const res = await call<ApiError>(server, method, path, { token: accessToken, body });
        expect(res.status, path).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
    });
  });

  describe('pull and push', () => {
    it('round trip: a pushed document is stamped by the server and pulled by the territory only', async () => {
      const a = await addUser(server, ['rep'], ['t-1']);
      const b = await addUser(server, ['rep'], ['t-1']);
      const c = await addUser(server, ['rep'], ['t-2']);
      const manager = await addUser(server, ['manager'], []);
      await server.store.updateUser(c.id, { managerId: manager.id });
      const [ta, tb, tc, tm] = await Promise.all([login(server, a), login(server, b), login(server, c), login(server, manager)]);
      expect(tm.user.territoryIds).toEqual(['t-2']);

      const before = await pullAll(tb.accessToken, 'customers');
      const doc = customer('t-1', a.id, { createdBy: 'forged-user', updatedBy: 'forged-user', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' });
      const pushed = await pushRows(ta.accessToken, 'customers', [{ newDocumentState: doc }]);
      expect(pushed.status).toBe(200);
      expect(pushed.body).toEqual({ conflicts: [], refused: [] });

      const after = await pullAll(tb.accessToken, 'customers', before.checkpoint.seq);
      expect(after.checkpoint.seq).toBeGreaterThan(before.checkpoint.seq);
      const got = after.documents.find((d) => d.id === doc.id);
      // Forged who/when are replaced with trusted values.
      expect(got).toMatchObject({ name: doc.name, createdBy: a.id, updatedBy: a.id, _deleted: false });
      expect(Date.parse(got!.createdAt)).toBeGreaterThan(Date.parse('2020-01-01'));
      expect(got!.updatedAt).toBe(got!.createdAt);

      // Pulling from the new checkpoint returns nothing more, with the same checkpoint.
      const empty = await pullAll(tb.accessToken, 'customers', after.checkpoint.seq);
      expect(empty).toEqual({ documents: [], checkpoint: after.checkpoint });

      // Another territory does not see it; neither does the manager of that territory.
      expect((await pullAll(tc.accessToken, 'customers')).documents.some((d) => d.id === doc.id)).toBe(false);
      expect((await pullAll(tm.accessToken, 'customers')).documents.some((d) => d.id === doc.id)).toBe(false);

      const audit = await server.store.listAudit({ documentId: doc.id });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'create', userId: a.id, deviceId: ta.deviceId, collection: 'customers', oldValue: null });
    });

    it('versions list every readable document with the hash a client computes; fetch returns their server state', async () => {
      const a = await addUser(server, ['rep'], ['t-1']);
      const { accessToken } = await login(server, a);
      const live = customer('t-1', a.id);
      const gone = customer('t-1', a.id);
      expect((await pushRows(accessToken, 'customers', [{ newDocumentState: live }, { newDocumentState: gone }])).status).toBe(200);
      const [stored] = (await fetchDocs(accessToken, [gone.id]));
      expect((await pushRows(accessToken, 'customers', [{ newDocumentState: { ...stored!, _deleted: true }, assumedMasterState: stored! }])).body.refused).toEqual([]);

      const listed = await call<VersionsResponse>(server, 'GET', API.versions('customers'), { token: accessToken });
      expect(listed.status).toBe(200);
      const byId = new Map(listed.body.versions.map((v) => [v[0], v]));
      const [liveNow, goneNow] = await fetchDocs(accessToken, [live.id, gone.id, 'no-such-id']);
      expect(byId.get(live.id)).toEqual([live.id, contentHash(liveNow as never), 0]);
      expect(byId.get(gone.id)).toEqual([gone.id, contentHash(goneNow as never), 1]);
      expect(goneNow).toMatchObject({ id: gone.id, _deleted: true });
      expect(listed.body.checkpoint.seq).toBe((await pullAll(accessToken, 'customers')).checkpoint.seq);
      // What the client holds after a pull hashes the same: nothing to repair.
      const pulled = (await pullAll(accessToken, 'customers')).documents.filter((d) => !d._deleted);
      expect(staleIds(listed.body.versions, new Map(pulled.map((d) => [d.id, contentHash(d as never)])))).toEqual([]);
    });

    it('a manager reads the territories of their reps', async () => {
      const manager = await addUser(server, ['manager'], []);
      const rep = await addUser(server, ['rep'], ['t-2'], manager.userName);
      const [tr, tm] = await Promise.all([login(server, rep), login(server, manager)]);
      const doc = customer('t-2', rep.id);
      await pushRows(tr.accessToken, 'customers', [{ newDocumentState: doc }]);
      expect((await pullAll(tm.accessToken, 'customers')).documents.some((d) => d.id === doc.id)).toBe(true);
    });

    it('pages by limit and validates the query', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const { accessToken } = await login(server, rep);
      const docs = [customer('t-1', rep.id), customer('t-1', rep.id), customer('t-1', rep.id)];
      await pushRows(accessToken, 'customers', docs.map((d) => ({ newDocumentState: d })));
      const all = await pullAll(accessToken, 'customers');
      const page1 = await call<PullResponse>(server, 'GET', `${API.pull('customers')}?seq=0&limit=2`, { token: accessToken });
      expect(page1.body.documents).toHaveLength(2);
      const page2 = await call<PullResponse>(server, 'GET', `${API.pull('customers')}?seq=${page1.body.checkpoint.seq}&limit=${MAX}`, { token: accessToken });
      expect([...page1.body.documents, ...page2.body.documents].map((d) => d.id)).toEqual(all.documents.map((d) => d.id));
      for (const query of ['seq=-1', 'seq=abc', `limit=${MAX + 1}`, 'limit=0', 'seq=1.5']) {
        const res = await call<ApiError>(server, 'GET', `${API.pull('customers')}?${query}`, { token: accessToken });
        expect(res.status, query).toBe(400);
        expect(res.body.code).toBe('bad_request');
      }
      const unknown = await call<ApiError>(server, 'GET', '/api/sync/secrets/pull?seq=0', { token: accessToken });
      expect(unknown).toMatchObject({ status: 404, body: { code: 'unknown_collection' } });
    });

    it('push is idempotent: the same rows twice make no duplicate, no conflict, no second audit entry', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const { accessToken } = await login(server, rep);
      const doc = customer('t-1', rep.id);
      const first = await pushRows(accessToken, 'customers', [{ newDocumentState: doc }]);
      expect(first.body).toEqual({ conflicts: [], refused: [] });
      const seqAfterFirst = await server.store.maxSeq();
      const again = await pushRows(accessToken, 'customers', [{ newDocumentState: doc }]);
      expect(again.body).toEqual({ conflicts: [], refused: [] });
      expect(await server.store.maxSeq()).toBe(seqAfterFirst);
      expect(await auditCount(doc.id)).toBe(1);

      // The same for an update resent after a lost answer.
      const master = (await pullAll(accessToken, 'customers')).documents.find((d) => d.id === doc.id)!;
      const edit = { ...master, phone: '+86 10 6529 5000' };
      expect((await pushRows(accessToken, 'customers', [{ newDocumentState: edit, assumedMasterState: master }])).body).toEqual({ conflicts: [], refused: [] });
      expect((await pushRows(accessToken, 'customers', [{ newDocumentState: edit, assumedMasterState: master }])).body).toEqual({ conflicts: [], refused: [] });
      expect(await auditCount(doc.id)).toBe(2);
      const docs = (await pullAll(accessToken, 'customers')).documents.filter((d) => d.id === doc.id);
      expect(docs).toHaveLength(1);
      expect(docs[0]!.phone).toBe('+86 10 6529 5000');
    });

    it('merges concurrent edits of different fields by two reps of the same territory', async () => {
      const a = await addUser(server, ['rep'], ['t-1']);
      const b = await addUser(server, ['rep'], ['t-1']);
      const [ta, tb] = await Promise.all([login(server, a), login(server, b)]);
      const doc = customer('t-1', a.id, { address: { city: '北京' } });
      await pushRows(ta.accessToken, 'customers', [{ newDocumentState: doc }]);
      const master = (await pullAll(tb.accessToken, 'customers')).documents.find((d) => d.id === doc.id)!;

      const fromA = { ...master, department: '心内科', address: { ...master.address, line: '东城区帅府园1号' } };
      const fromB = { ...master, title: '主任医师', address: { ...master.address, postalCode: '100730' } };
      expect((await pushRows(ta.accessToken, 'customers', [{ newDocumentState: fromA, assumedMasterState: master }])).body).toEqual({ conflicts: [], refused: [] });
      const resB = await pushRows(tb.accessToken, 'customers', [{ newDocumentState: fromB, assumedMasterState: master }]);
      expect(resB.body.refused).toEqual([]);
      // B's assumption was stale: B gets the merged state to adopt.
      expect(resB.body.conflicts).toHaveLength(1);
      expect(resB.body.conflicts[0]).toMatchObject({ department: '心内科', title: '主任医师', address: { city: '北京', line: '东城区帅府园1号', postalCode: '100730' }, updatedBy: b.id });

      const final = (await pullAll(ta.accessToken, 'customers')).documents.find((d) => d.id === doc.id)!;
      expect(final).toEqual(resB.body.conflicts[0]);
      const conflicts = (await pullAll(ta.accessToken, 'conflicts')).documents.filter((c) => (c as SyncDoc<'conflicts'>).documentId === doc.id);
      expect(conflicts).toEqual([]);
    });

    it('same field edited on both sides: the first value stays, the other is kept as a conflict record', async () => {
      const a = await addUser(server, ['rep'], ['t-1']);
      const b = await addUser(server, ['rep'], ['t-1']);
      const [ta, tb] = await Promise.all([login(server, a), login(server, b)]);
      const doc = customer('t-1', a.id, { notes: 'original' });
      await pushRows(ta.accessToken, 'customers', [{ newDocumentState: doc }]);
      const master = (await pullAll(tb.accessToken, 'customers')).documents.find((d) => d.id === doc.id)!;

      await pushRows(ta.accessToken, 'customers', [{ newDocumentState: { ...master, notes: '周二上午拜访最佳' }, assumedMasterState: master }]);
      const resB = await pushRows(tb.accessToken, 'customers', [{ newDocumentState: { ...master, notes: 'Prefers Thursday afternoons' }, assumedMasterState: master }]);
      expect(resB.status).toBe(200);
      expect(resB.body.conflicts).toHaveLength(1);
      expect(resB.body.conflicts[0]).toMatchObject({ id: doc.id, notes: '周二上午拜访最佳' });

      const conflicts = (await pullAll(tb.accessToken, 'conflicts')).documents as SyncDoc<'conflicts'>[];
      const record = conflicts.find((c) => c.documentId === doc.id);
      expect(record).toMatchObject({
        targetCollection: 'customers', field: 'notes', territoryId: 't-1', status: 'open', otherBy: b.id,
        keptValue: JSON.stringify('周二上午拜访最佳'), otherValue: JSON.stringify('Prefers Thursday afternoons'), _deleted: false,
      });
      // The other rep of the territory sees it too, and it is audited.
      expect((await pullAll(ta.accessToken, 'conflicts')).documents.some((c) => c.id === record!.id)).toBe(true);
      expect(await auditCount(record!.id)).toBe(1);
    });

    it('refuses a document of another territory and writes nothing of it', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const { accessToken } = await login(server, rep);
      const mine = customer('t-1', rep.id);
      const foreign = customer('t-2', rep.id);
      const seq = await server.store.maxSeq();
      const res = await pushRows(accessToken, 'customers', [{ newDocumentState: foreign }, { newDocumentState: mine }]);
      expect(res.status).toBe(200);
      expect(res.body.refused).toEqual([{ id: foreign.id, reason: 'forbidden', message: expect.any(String) }]);
      expect((await server.store.getDocs('customers', [foreign.id])).size).toBe(0);
      expect((await server.store.getDocs('customers', [mine.id])).size).toBe(1);
      expect(await server.store.maxSeq()).toBe(seq + 1);
      expect(await auditCount(foreign.id)).toBe(0);
    });

    it('answers bad input with 4xx and an ApiError, and writes nothing', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const { accessToken } = await login(server, rep);
      const seq = await server.store.maxSeq();
      const valid = customer('t-1', rep.id);
      const cases: [string, () => Promise<Res<ApiError>>, number, ApiError['code']][] = [
        ['malformed JSON', () => call(server, 'POST', API.push('customers'), { token: accessToken, raw: '{"rows": [' }), 400, 'invalid_json'],
        ['prototype pollution', () => call(server, 'POST', API.push('customers'), { token: accessToken, raw: '{"rows": [], "__proto__": {"x": 1}}' }), 400, 'invalid_json'],
        ['body not an object', () => call(server, 'POST', API.push('customers'), { token: accessToken, body: [1, 2] }), 400, 'bad_request'],
        ['rows not an array', () => call(server, 'POST', API.push('customers'), { token: accessToken, body: { rows: 'all' } }), 400, 'bad_request'],
        ['no rows', () => call(server, 'POST', API.push('customers'), { token: accessToken, body: { rows: [] } }), 400, 'bad_request'],
        ['row without id', () => pushRows(accessToken, 'customers', [{ newDocumentState: { ...valid, id: undefined } as never }]), 400, 'bad_request'],
        ['wrong field type', () => pushRows(accessToken, 'customers', [{ newDocumentState: valid }, { newDocumentState: { ...customer('t-1', rep.id), creditLimit: 'lots' } as never }]), 400, 'bad_request'],
        ['schema-invalid document', () => pushRows(accessToken, 'customers', [{ newDocumentState: { ...valid, type: 'alien' } as never }]), 400, 'bad_request'],
        ['unknown property', () => pushRows(accessToken, 'customers', [{ newDocumentState: { ...valid, isAdmin: true } as never }]), 400, 'bad_request'],
        ['_deleted not boolean', () => pushRows(accessToken, 'customers', [{ newDocumentState: { ...valid, _deleted: 'yes' } as never }]), 400, 'bad_request'],
        ['duplicate ids', () => pushRows(accessToken, 'customers', [{ newDocumentState: valid }, { newDocumentState: valid }]), 400, 'bad_request'],
        ['too many rows', () => pushRows(accessToken, 'customers', Array.from({ length: MAX + 1 }, () => ({ newDocumentState: customer('t-1', rep.id) }))), 400, 'batch_too_large'],
        ['unknown collection', () => call(server, 'POST', '/api/sync/users/push', { token: accessToken, body: { rows: [{ newDocumentState: valid }] } }), 404, 'unknown_collection'],
        ['too large', () => call(server, 'POST', API.push('customers'), { token: accessToken, raw: JSON.stringify({ rows: [{ newDocumentState: { ...valid, notes: 'x'.repeat(9 * 1024 * 1024) } }] }) }), 413, 'payload_too_large'],
        ['fetch: ids not an array', () => call(server, 'POST', API.fetch('customers'), { token: accessToken, body: { ids: 'c-1' } }), 400, 'bad_request'],
        ['fetch: id not a string', () => call(server, 'POST', API.fetch('customers'), { token: accessToken, body: { ids: ['ok', 7] } }), 400, 'bad_request'],
        ['fetch: too many ids', () => call(server, 'POST', API.fetch('customers'), { token: accessToken, body: { ids: Array.from({ length: MAX + 1 }, (_, i) => `c-${i}`) } }), 400, 'batch_too_large'],
        ['versions: unknown collection', () => call(server, 'GET', '/api/sync/users/versions', { token: accessToken }), 404, 'unknown_collection'],
      ];
      for (const [name, run, status, code] of cases) {
        const res = await run();
        expect(res.status, name).toBe(status);
        expect(res.body.code, name).toBe(code);
        expect(typeof res.body.message, name).toBe('string');
        expect(JSON.stringify(res.body), name).not.toMatch(/at .*\.ts:\d+/);
      }
      expect(await server.store.maxSeq()).toBe(seq);
      expect((await server.store.getDocs('customers', [valid.id])).size).toBe(0);
    });

    it('refuses changes that only the server or an append-only rule allows', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const { accessToken } = await login(server, rep);
      const now = '2026-11-01T08:00:00.000Z';
      const product = { id: `p-${Math.random()}`.slice(0, 20), code: 'X-1', name: '测试药 Testamab', type: 'rx', status: 'active', createdAt: now, updatedAt: now, createdBy: rep.id, updatedBy: rep.id, _deleted: false } as SyncDoc<'products'>;
      const res = await pushRows(accessToken, 'products', [{ newDocumentState: product }]);
      expect(res.body.refused).toEqual([{ id: product.id, reason: 'forbidden', message: expect.any(String) }]);
      expect((await server.store.getDocs('products', [product.id])).size).toBe(0);
    });

    it('refuses an edit of a submitted visit and answers with the server state, so the client converges', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const { accessToken } = await login(server, rep);
      const c = customer('t-1', rep.id);
      await pushRows(accessToken, 'customers', [{ newDocumentState: c }]);
      const t = '2026-11-02T09:00:00.000Z';
      const visit = {
        id: newId(), customerId: c.id, territoryId: 't-1', repId: rep.id, kind: 'visit', status: 'submitted', startAt: t,
        summary: '介绍了新适应症', createdAt: t, updatedAt: t, createdBy: rep.id, updatedBy: rep.id, _deleted: false,
      } as SyncDoc<'visits'>;
      expect((await pushRows(accessToken, 'visits', [{ newDocumentState: visit }])).body).toEqual({ conflicts: [], refused: [] });
      const [master] = (await pullAll(accessToken, 'visits')).documents.filter((d) => d.id === visit.id);
      const seq = await server.store.maxSeq();

      const res = await pushRows(accessToken, 'visits', [{ newDocumentState: { ...master!, summary: 'rewritten' }, assumedMasterState: master! }]);
      expect(res.body.refused).toEqual([{ id: visit.id, reason: 'append_only', message: expect.any(String) }]);
      expect(res.body.conflicts).toEqual([master]);
      expect(await server.store.maxSeq()).toBe(seq);
    });
  });

  describe('event stream', () => {
    it('sends resync, then changes of the own territory, never of another one', async () => {
      const a = await addUser(server, ['rep'], ['t-1']);
      const b = await addUser(server, ['rep'], ['t-1']);
      const c = await addUser(server, ['rep'], ['t-2']);
      const [ta, tb, tc] = await Promise.all([login(server, a), login(server, b), login(server, c)]);
      const stream = await openStream(server, ta.accessToken);
      try {
        expect(stream.status).toBe(200);
        const first = await stream.waitFor(() => true);
        expect(first).toEqual({ event: 'resync', data: {} });

        const foreign = customer('t-2', c.id, { name: 'Foreign Doctor' });
        const own = customer('t-1', b.id, { name: '同辖区医生' });
        await pushRows(tc.accessToken, 'customers', [{ newDocumentState: foreign }]);
        await pushRows(tb.accessToken, 'customers', [{ newDocumentState: own }]);

        const change = await stream.waitFor((e) => e.event === 'change' && (e.data as StreamChange).documents.some((d) => d.id === own.id));
        const data = change.data as StreamChange;
        expect(data.collection).toBe('customers');
        expect(data.documents[0]).toMatchObject({ id: own.id, name: '同辖区医生', updatedBy: b.id });
        expect(data.checkpoint.seq).toBeGreaterThan(0);
        const everything = JSON.stringify(stream.events);
        expect(everything).not.toContain(foreign.id);
        expect(everything).not.toContain('Foreign Doctor');
      } finally {
        stream.close();
      }
    });

    it('needs a valid token', async () => {
      const stream = await openStream(server, 'not-a-token');
      expect(stream.status).toBe(401);
      stream.close();
    });
  });

  describe('admin', () => {
    it('reads the audit trail with filters', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const admin = await addUser(server, ['admin'], []);
      const [tr, tadmin] = await Promise.all([login(server, rep), login(server, admin)]);
      expect(tadmin.user.territoryIds).toEqual(expect.arrayContaining(['t-1', 't-2']));
      const doc = customer('t-1', rep.id);
      await pushRows(tr.accessToken, 'customers', [{ newDocumentState: doc }]);
      const master = (await server.store.getDocs('customers', [doc.id])).get(doc.id)!.data as SyncDoc<'customers'>;
      await pushRows(tr.accessToken, 'customers', [{ newDocumentState: { ...master, _deleted: true }, assumedMasterState: master }]);

      const res = await call<{ entries: AuditEntry[] }>(server, 'GET', `/api/admin/audit?collection=customers&documentId=${doc.id}`, { token: tadmin.accessToken });
      expect(res.status).toBe(200);
      expect(res.body.entries.map((e) => e.action)).toEqual(['create', 'delete']);
      expect(res.body.entries[1]).toMatchObject({ userId: rep.id, deviceId: tr.deviceId, oldValue: { _deleted: false }, newValue: { _deleted: true } });
      const after = await call<{ entries: AuditEntry[] }>(server, 'GET', `/api/admin/audit?userId=${rep.id}&afterId=${res.body.entries[0]!.id}&limit=10`, { token: tadmin.accessToken });
      expect(after.body.entries.map((e) => e.id)).toEqual([res.body.entries[1]!.id]);
      const bad = await call<ApiError>(server, 'GET', '/api/admin/audit?limit=abc', { token: tadmin.accessToken });
      expect(bad).toMatchObject({ status: 400, body: { code: 'bad_request' } });
    });

    it('keeps a colleagues directory entry per user', async () => {
      const rep = await addUser(server, ['rep'], ['t-1']);
      const { accessToken } = await login(server, rep);
      const colleagues = (await pullAll(accessToken, 'colleagues')).documents as SyncDoc<'colleagues'>[];
      expect(colleagues.find((c) => c.id === rep.id)).toMatchObject({ userName: rep.userName, roles: ['rep'], territoryIds: ['t-1'], active: true });
      expect(JSON.stringify(colleagues)).not.toContain('scrypt');
    });

    it('creates territories and users for admins only, with reasons for bad input', async () => {
      const admin = await addUser(server, ['admin'], []);
      const rep = await addUser(server, ['rep'], ['t-1']);
      const [tadmin, trep] = await Promise.all([login(server, admin), login(server, rep)]);
      const territoryId = `t-api-${Math.random().toString(36).slice(2, 8)}`;

      expect((await call<ApiError>(server, 'POST', '/api/admin/territories', { token: trep.accessToken, body: { id: territoryId, name: 'X' } })).status).toBe(403);
      const created = await call(server, 'POST', '/api/admin/territories', { token: tadmin.accessToken, body: { id: territoryId, name: '成都 Chengdu' } });
      expect(created).toMatchObject({ status: 201, body: { id: territoryId, name: '成都 Chengdu' } });
      const again = await call<ApiError>(server, 'POST', '/api/admin/territories', { token: tadmin.accessToken, body: { id: territoryId, name: 'dup' } });
      expect(again).toMatchObject({ status: 400, body: { code: 'bad_request', message: expect.stringContaining('already exists') } });

      const userName = `rep.api.${Math.random().toString(36).slice(2, 6)}`;
      const body = { userName, displayName: '赵敏', password: PASSWORD, roles: ['rep'], territoryIds: [territoryId] };
      expect((await call(server, 'POST', '/api/admin/users', { token: trep.accessToken, body })).status).toBe(403);
      const bad = await call<ApiError>(server, 'POST', '/api/admin/users', { token: tadmin.accessToken, body: { ...body, roles: ['boss'] } });
      expect(bad).toMatchObject({ status: 400, body: { message: expect.stringContaining('Unknown role') } });
      const user = await call<{ id: string; passwordHash?: string }>(server, 'POST', '/api/admin/users', { token: tadmin.accessToken, body });
      expect(user.status).toBe(201);
      expect(user.body.passwordHash).toBeUndefined();
      const signedIn = await login(server, { userName });
      expect(signedIn.user).toMatchObject({ id: user.body.id, territoryIds: [territoryId], homeTerritoryId: territoryId });
      const list = await call<{ users: { userName: string; passwordHash?: string }[] }>(server, 'GET', '/api/admin/users', { token: tadmin.accessToken });
      expect(list.body.users.find((u) => u.userName === userName)).toBeDefined();
      expect(JSON.stringify(list.body)).not.toContain('scrypt');
    });
  });
});

describe('demo organisation', () => {
  it('seeds once and signs in the demo users', async () => {
    const local = await startServer();
    try {
      const deps = { now: () => new Date().toISOString(), newId };
      const result = await seedDemo(local.store, { ...deps, customersPerTerritory: 20 });
      expect(result.seeded).toBe(true);
      expect(result.users.map((u) => u.userName)).toEqual(expect.arrayContaining(['admin', 'wang.manager', 'emily.manager', 'zhang.wei', 'li.na']));
      const seq = await local.store.maxSeq();
      expect(await seedDemo(local.store, deps)).toMatchObject({ seeded: false });
      expect(await local.store.maxSeq()).toBe(seq);

      const res = await call<TokenResponse>(local, 'POST', API.login, { body: { userName: 'wang.manager', password: DEMO_PASSWORD, deviceId: 'demo', deviceName: 'Demo' } });
      expect(res.status).toBe(200);
      expect(res.body.user.territoryIds.sort()).toEqual(['t-bj', 't-sy', 't-tj']);
      const pulled = await call<PullResponse>(local, 'GET', `${API.pull('customers')}?seq=0&limit=1000`, { token: res.body.accessToken });
      expect(pulled.body.documents).toHaveLength(60);
      const visits = await call<PullResponse>(local, 'GET', `${API.pull('visits')}?seq=0&limit=1000`, { token: res.body.accessToken });
      expect(visits.body.documents.length).toBeGreaterThan(0);
      const products = await call<PullResponse>(local, 'GET', `${API.pull('products')}?seq=0`, { token: res.body.accessToken });
      expect(products.body.documents.length).toBeGreaterThanOrEqual(3);
    } finally {
      await local.close();
    }
  });
});
