/**
 * The production setup of server/deploy: the bundled server (`npm run build:server`, what the
 * container and the systemd unit run with plain node) as a real process on a real SQLite file,
 * configured by environment. Checks what an operator relies on: health/readiness, JSON logs with
 * a request id and no secrets, the update files under /updates/ (and nothing else), and a SIGTERM
 * that lets an in-flight push finish, stores it and exits 0. Readiness against a PostgreSQL that
 * goes away: 503 while /health stays 200.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTerritory, createUser } from '../../server/org/org';
import { createStore } from '../../server/store/createStore';
import { API, type PullResponse, type SyncDoc, type TokenResponse } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { makeTempDir } from '../support/tempDir';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'deployment-test-secret-'.padEnd(64, 'd');
const PASSWORD = 'a password never logged';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// The bundle resolves its packages from the repository's node_modules, so it is built inside it.
const BUNDLE_DIR = join(ROOT, 'out', `server-test-${process.pid}`);
const bundle = (): [string, string] => [process.execPath, join(BUNDLE_DIR, 'main.mjs')];

async function seed(dataDir: string, databaseUrl?: string): Promise<void> {
  const store = await createStore({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    await store.migrate();
    const clock = { now: () => new Date().toISOString(), newId };
    await createTerritory(store, { id: 't-1', name: 'Territory 1' }, clock.now());
    await createUser(store, { userName: 'ann.rep', displayName: 'Ann', password: PASSWORD, roles: ['rep'], territoryIds: ['t-1'] }, clock);
  } finally {
    await store.close();
  }
}

async function login(url: string): Promise<TokenResponse> {
  const res = await fetch(`${url}${API.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: 'ann.rep', password: PASSWORD, deviceId: `dev-${newId()}`, deviceName: 'Laptop' }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as TokenResponse;
}

function customer(ownerId: string, i: number, notes: string): SyncDoc<'customers'> {
  const t = new Date().toISOString();
  return { id: newId(), code: `DEP-${i}`, name: `部署 ${i}`, type: 'hcp', territoryId: 't-1', ownerId, notes, createdAt: t, updatedAt: t, createdBy: ownerId, updatedBy: ownerId, _deleted: false };
}

beforeAll(async () => {
  const { buildServer } = (await import(join(ROOT, 'scripts/build-server.mjs'))) as { buildServer(o: { outDir: string }): Promise<void> };
  await buildServer({ outDir: BUNDLE_DIR });
}, 60_000);
afterAll(() => rmSync(BUNDLE_DIR, { recursive: true, force: true }));

describe('production server (bundle, SQLite)', () => {
  const temp = makeTempDir('fieldbook-deploy-');
  const dataDir = join(temp.path, 'data');
  const updatesDir = join(temp.path, 'updates');
  let server: ServerProcess;

  beforeAll(async () => {
    mkdirSync(join(updatesDir, 'sub'), { recursive: true });
    writeFileSync(join(updatesDir, 'latest-linux.yml'), 'version: 0.2.0\npath: Fieldbook-0.2.0-linux-x86_64.AppImage\n');
    writeFileSync(join(updatesDir, 'Fieldbook-0.2.0-linux-x86_64.AppImage'), Buffer.alloc(4096, 7));
    writeFileSync(join(updatesDir, '.env'), 'HIDDEN=1\n');
    writeFileSync(join(updatesDir, 'sub', 'nested.yml'), 'NESTED-CONTENT\n');
    writeFileSync(join(temp.path, 'outside.txt'), 'OUTSIDE THE UPDATES FOLDER\n');
    await seed(dataDir);
    server = await startServerProcess({
      dataDir, secret: SECRET, command: bundle(),
      env: { LOG_LEVEL: 'info', FIELDBOOK_UPDATES_DIR: updatesDir, TRUST_PROXY: '127.0.0.1' },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    temp.remove();
  });

  it('answers /health and /ready, and echoes or creates a request id', async () => {
    const health = await fetch(`${server.url}${API.health}`, { headers: { 'x-request-id': 'proxy-req-42' } });
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toBe('proxy-req-42');
    const ready = await fetch(`${server.url}${API.ready}`);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'sqlite' });
    expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // An id that could break a log line is replaced, not trusted.
    const odd = await fetch(`${server.url}${API.health}`, { headers: { 'x-request-id': 'a"b c' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the update files from FIELDBOOK_UPDATES_DIR, with ranges, and nothing else', async () => {
    const feed = await fetch(`${server.url}/updates/latest-linux.yml`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('cache-control')).toBe('no-cache');
    expect(await feed.text()).toContain('version: 0.2.0');
    const part = await fetch(`${server.url}/updates/Fieldbook-0.2.0-linux-x86_64.AppImage`, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(100);

    for (const path of ['/updates/', '/updates/.env', '/updates/sub/nested.yml', '/updates/../outside.txt', '/updates/%2e%2e/outside.txt', '/updates/..%2foutside.txt', '/updates/%2e%2e%2foutside.txt', '/updates/missing.yml']) {
      // Raw requests: fetch would normalise the dots away before sending.
      const res = await new Promise<{ status: number; body: string }>((res, rej) => {
        httpRequest(`${server.url}${path}`, { method: 'GET' }, (r) => {
          let body = '';
          r.setEncoding('utf8').on('data', (t: string) => (body += t)).on('end', () => res({ status: r.statusCode ?? 0, body }));
        }).on('error', rej).end();
      });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.body, path).not.toMatch(/OUTSIDE THE|HIDDEN=|NESTED-CONTENT/);
    }
  });

  it('logs JSON lines with the request id and never a password or token', async () => {
    const tokens = await login(server.url);
    await fetch(`${server.url}${API.pull('customers')}?seq=0&limit=10`, { headers: { authorization: `Bearer ${tokens.accessToken}`, 'x-request-id': 'trace-me-7' } });
    await fetch(`${server.url}${API.pull('customers')}?seq=0&limit=10`, { headers: { authorization: 'Bearer not-a-valid-token' } });
    await sleep(200);
    const lines = server.output().split('\n').filter((l) => l.startsWith('{'));
    const entries = lines.map((l) => JSON.parse(l) as { reqId?: string; req?: { url?: string } });
    expect(entries.some((e) => e.reqId === 'trace-me-7' && e.req?.url?.startsWith('/api/sync/customers/pull'))).toBe(true);
    for (const secret of [PASSWORD, tokens.accessToken, tokens.refreshToken, 'not-a-valid-token', SECRET]) expect(server.output()).not.toContain(secret);
  });

  it('SIGTERM during a push: the push completes (200) and is stored, the process exits 0', async () => {
    const tokens = await login(server.url);
    const notes = '随访记录 follow-up notes. '.repeat(100);
    const docs = Array.from({ length: 800 }, (_, i) => customer(tokens.user.id, i, notes));
    const body = Buffer.from(JSON.stringify({ rows: docs.map((d) => ({ newDocumentState: d })) }));

    // Headers and the first part of the body, so the push is in flight…
    let inFlight: ReturnType<typeof httpRequest> | undefined;
    const response = new Promise<{ status: number; text: string }>((res, rej) => {
      inFlight = httpRequest(`${server.url}${API.push('customers')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), authorization: `Bearer ${tokens.accessToken}` },
        agent: false,
      }, (r) => {
        let text = '';
        r.setEncoding('utf8').on('data', (t: string) => (text += t)).on('end', () => res({ status: r.statusCode ?? 0, text }));
      });
      inFlight.on('error', rej);
      inFlight.write(body.subarray(0, 32 * 1024));
    });
    await sleep(300);

    // …then SIGTERM (as `docker stop` / `systemctl stop` send it). The server stops taking requests…
    const exited = server.stop();
    const until = Date.now() + 4000;
    for (;;) {
      const status = await fetch(`${server.url}${API.health}`, { signal: AbortSignal.timeout(1000) }).then((r) => r.status, () => 'refused');
      if (status === 'refused' || status === 503) break;
      if (Date.now() > until) throw new Error(`still answering ${status} after SIGTERM`);
      await sleep(50);
    }
    // …but finishes the push it had started.
    inFlight!.end(body.subarray(32 * 1024));
    const answer = await response;
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ conflicts: [], refused: [] });
    expect(await exited, server.output().slice(-2000)).toBe(0);
    expect(server.output()).toContain('stopped: in-flight requests finished, store closed');

    // Everything is in the SQLite file: a restarted server hands it all back.
    await server.restart();
    const stored = new Map<string, SyncDoc<'customers'>>();
    let seq = 0;
    for (;;) {
      const res = await fetch(`${server.url}${API.pull('customers')}?seq=${seq}&limit=1000`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
      const page = (await res.json()) as PullResponse<'customers'>;
      if (page.documents.length === 0) break;
      for (const d of page.documents) stored.set(d.id, d);
      seq = page.checkpoint.seq;
    }
    expect(docs.every((d) => stored.get(d.id)?.notes === notes)).toBe(true);
  }, 45_000);
});

describe('readiness against PostgreSQL', () => {
  let postgres: TestPostgres | undefined;
  let server: ServerProcess | undefined;
  const temp = makeTempDir('fieldbook-deploy-pg-');

  beforeAll(async () => {
    postgres = await startPostgres();
    await seed(temp.path, postgres.url);
    server = await startServerProcess({ dataDir: temp.path, databaseUrl: postgres.url, secret: SECRET, command: bundle() });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await postgres?.stop().catch(() => undefined); // stopped by the test already
    temp.remove();
  });

  it('is ready while the database answers and answers 503 once it is gone (health stays 200)', async () => {
    const ready = await fetch(`${server!.url}${API.ready}`);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'postgres' });
    await postgres!.stop();
    const started = Date.now();
    const down = await fetch(`${server!.url}${API.ready}`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ code: 'internal', message: 'Store not reachable' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await fetch(`${server!.url}${API.health}`)).status).toBe(200);
  }, 30_000);
});
