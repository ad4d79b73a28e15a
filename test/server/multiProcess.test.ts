/**
 * Two real sync server processes on one PostgreSQL, as a load-balanced deployment runs them:
 * `tsx server/main.ts` twice, on two ports, with the same DATABASE_URL and FIELDBOOK_SECRET.
 * A change pushed through one reaches the event streams and pulls of the other; a token issued
 * by one is accepted by the other; SIGTERM lets an in-flight push finish and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTerritory, createUser } from '../../server/org/org';
import { createStore } from '../../server/store/createStore';
import type { ApiError, PullResponse, PushResponse, SyncDoc, TokenResponse } from '../../shared/sync/protocol';
import { API } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { killGroup } from '../support/serverProcess';
import { openStream as openSyncStream, type StreamEvent, type StreamReader } from '../support/sseStream';
import { makeTempDir } from '../support/tempDir';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'multi-process-secret-'.padEnd(64, 'z');
const PASSWORD = 'two-servers-pass';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---- server processes ------------------------------------------------------------------

interface Server {
  url: string;
  port: number;
  /** The tsx wrapper, started as `npm run server` starts it (in a process group of its own). */
  child: ChildProcess;
  /** Resolves with the wrapper's exit code (tsx passes on the server's). */
  exited: Promise<number | null>;
  output(): string;
}

const spawned: ChildProcess[] = [];

function startServer(databaseUrl: string, dataDir: string): Promise<Server> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, FIELDBOOK_SECRET: SECRET, LOG_LEVEL: 'warn' };
  delete env.FIELDBOOK_DEMO;
  const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['server/main.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  spawned.push(child);
  let log = '';
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      rej(new Error(`server did not start in 30 s:\n${log}`));
    }, 30_000);
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`server exited (${code}) before listening:\n${log}`));
    });
    child.stderr?.setEncoding('utf8').on('data', (t: string) => (log += t));
    child.stdout?.setEncoding('utf8').on('data', (t: string) => {
      log += t;
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        res({ url: match[1], port: Number(new URL(match[1]).port), child, exited, output: () => log });
      }
    });
  });
}

/** The process tsx started for the server (the wrapper's child), found through /proc. */
function serverPid(wrapperPid: number): number {
  const children = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === wrapperPid;
    } catch {
      return false;
    }
  });
  if (children.length !== 1) throw new Error(`expected one server process under ${wrapperPid}, found ${children.length}`);
  return Number(children[0]);
}

// ---- HTTP helpers ----------------------------------------------------------------------

async function call<T>(server: Server, method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function login(server: Server, userName: string): Promise<TokenResponse> {
  const res = await call<TokenResponse & ApiError>(server, 'POST', API.login, { userName, password: PASSWORD, deviceId: `dev-${newId()}`, deviceName: 'Laptop' });
  if (res.status !== 200) throw new Error(`login ${userName}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

type SseEvent = StreamEvent;

/** GET /api/sync/stream with the bearer token, read as server-sent events with fetch. */
async function openStream(server: Server, token: string): Promise<StreamReader> {
  const stream = await openSyncStream(server.url, token);
  if (stream.status !== 200) throw new Error(`stream: ${stream.status}`);
  expect(stream.contentType).toMatch(/^text\/event-stream/);
  return stream;
}

const hasDoc = (id: string) => (e: SseEvent): boolean =>
  e.event === 'change' && (e.data as { collection: string; documents: { id: string }[] }).documents.some((d) => d.id === id);

function customer(territoryId: string, ownerId: string, patch: Partial<SyncDoc<'customers'>> = {}): SyncDoc<'customers'> {
  const t = new Date().toISOString();
  return {
    id: newId(), code: `MP-${Math.random().toString(36).slice(2, 10)}`, name: '李明', type: 'hcp', territoryId, ownerId,
    createdAt: t, updatedAt: t, createdBy: ownerId, updatedBy: ownerId, _deleted: false, ...patch,
  };
}

async function pullAll(server: Server, token: string): Promise<SyncDoc<'customers'>[]> {
  const docs: SyncDoc<'customers'>[] = [];
  let seq = 0;
  for (;;) {
    const res = await call<PullResponse<'customers'>>(server, 'GET', `${API.pull('customers')}?seq=${seq}&limit=1000`, undefined, token);
    expect(res.status).toBe(200);
    docs.push(...res.body.documents);
    if (res.body.documents.length === 0) return docs;
    seq = res.body.checkpoint.seq;
  }
}

// ---- the deployment --------------------------------------------------------------------

describe('two server processes on one PostgreSQL', () => {
  let postgres: TestPostgres | undefined;
  const dirs: Array<{ remove(): void }> = [];
  let a: Server;
  let b: Server;
  const streams: StreamReader[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
    const dataDir = makeTempDir('fieldbook-mp-');
    dirs.push(dataDir);
    // The organisation, written once (as the CLI would) before the servers start.
    const store = await createStore({ dataDir: dataDir.path, databaseUrl: postgres.url });
    try {
      await store.migrate();
      const clock = { now: () => new Date().toISOString(), newId };
      await createTerritory(store, { id: 't-1', name: 'Territory 1' }, clock.now());
      await createUser(store, { userName: 'ann.rep', displayName: 'Ann', password: PASSWORD, roles: ['rep'], territoryIds: ['t-1'] }, clock);
      await createUser(store, { userName: 'ben.rep', displayName: 'Ben', password: PASSWORD, roles: ['rep'], territoryIds: ['t-1'] }, clock);
    } finally {
      await store.close();
    }
    // Each process has its own data folder: only the database is shared.
    const dirA = makeTempDir('fieldbook-mp-a-');
    const dirB = makeTempDir('fieldbook-mp-b-');
    dirs.push(dirA, dirB);
    [a, b] = await Promise.all([startServer(postgres.url, dirA.path), startServer(postgres.url, dirB.path)]);
  }, 60_000);

  afterAll(async () => {
    for (const s of streams) s.close();
    for (const child of spawned) killGroup(child, 'SIGKILL');
    await Promise.all(spawned.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((r) => child.once('exit', r)))));
    try {
      await postgres?.stop();
    } finally {
      for (const d of dirs) d.remove();
    }
  }, 30_000);

  it('both answer /health and /ready (with the PostgreSQL store)', async () => {
    expect(a.port).not.toBe(b.port);
    for (const server of [a, b]) {
      expect(await call(server, 'GET', API.health)).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await call(server, 'GET', API.ready)).toEqual({ status: 200, body: { status: 'ready', store: 'postgres' } });
    }
  });

  it('a push through B reaches the event stream and the pull of a client on A, and back', async () => {
    const ann = await login(a, 'ann.rep');
    const ben = await login(b, 'ben.rep');
    const onA = await openStream(a, ann.accessToken);
    streams.push(onA);
    await onA.waitFor((e) => e.event === 'resync');

    const doc = customer('t-1', ben.user.id, { notes: 'written through B' });
    const started = Date.now();
    const pushed = await call<PushResponse>(b, 'POST', API.push('customers'), { rows: [{ newDocumentState: doc }] }, ben.accessToken);
    expect(pushed).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
    const change = await onA.waitFor(hasDoc(doc.id), 5000);
    const latencyMs = Date.now() - started;
    expect(latencyMs).toBeLessThan(5000);
    const data = change.data as { collection: string; documents: SyncDoc<'customers'>[]; checkpoint: { seq: number } };
    expect(data.collection).toBe('customers');
    expect(data.documents.find((d) => d.id === doc.id)?.notes).toBe('written through B');
    expect(data.checkpoint.seq).toBeGreaterThan(0);

    const pulledOnA = await pullAll(a, ann.accessToken);
    const stored = pulledOnA.find((d) => d.id === doc.id);
    expect(stored?.notes).toBe('written through B');
    expect(stored?.updatedBy).toBe(ben.user.id);

    // Tokens are signed with the shared secret: A's sign-in works on B (a load balancer may switch).
    expect((await call(b, 'GET', `${API.pull('customers')}?seq=0`, undefined, ann.accessToken)).status).toBe(200);

    // And the other way round: a write through A reaches a stream on B.
    const onB = await openStream(b, ben.accessToken);
    streams.push(onB);
    await onB.waitFor((e) => e.event === 'resync');
    const edited = { ...stored!, notes: 'edited through A' };
    const pushedOnA = await call<PushResponse>(a, 'POST', API.push('customers'), { rows: [{ newDocumentState: edited, assumedMasterState: stored }] }, ann.accessToken);
    expect(pushedOnA.body).toEqual({ conflicts: [], refused: [] });
    const back = await onB.waitFor(hasDoc(doc.id), 5000);
    expect((back.data as { documents: SyncDoc<'customers'>[] }).documents.find((d) => d.id === doc.id)?.notes).toBe('edited through A');
    onB.close();
  }, 30_000);

  it('SIGTERM while a large push is in flight: the push completes (200), the process exits 0, the other server carries on', async () => {
    const ben = await login(b, 'ben.rep');
    const ann = await login(a, 'ann.rep');
    const onA = await openStream(a, ann.accessToken);
    streams.push(onA);
    await onA.waitFor((e) => e.event === 'resync');

    const notes = '病历摘要 case notes. '.repeat(120); // ~2.5 kB per document
    const docs = Array.from({ length: 1000 }, (_, i) => customer('t-1', ben.user.id, { code: `BULK-${i}`, name: `Bulk ${i}`, notes }));
    const body = Buffer.from(JSON.stringify({ rows: docs.map((d) => ({ newDocumentState: d })) }));
    expect(body.length).toBeGreaterThan(2_000_000);

    // Send the headers and the first part of the body, so the request is in flight…
    let inFlight: ReturnType<typeof httpRequest> | undefined;
    const response = new Promise<{ status: number; text: string }>((res, rej) => {
      const req = httpRequest(`${b.url}${API.push('customers')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), authorization: `Bearer ${ben.accessToken}` },
        agent: false,
      }, (r) => {
        let text = '';
        r.setEncoding('utf8').on('data', (t: string) => (text += t)).on('end', () => res({ status: r.statusCode ?? 0, text }));
      });
      req.on('error', rej);
      req.write(body.subarray(0, 64 * 1024));
      inFlight = req;
    });
    await sleep(500);

    // …then SIGTERM to the server process itself. Not to the tsx wrapper nor its process group:
    // tsx relays a signal to its child unless the child reports it got it within 30 ms, then
    // SIGKILLs the child if it has not reported 30 ms later, so a server busy with a large
    // push is killed (exit 143). `node --import tsx server/main.ts` is one process and has no
    // such race.
    process.kill(serverPid(b.child.pid!), 'SIGTERM');

    // The server is shutting down: new requests are refused (connection refused, or 503).
    const until = Date.now() + 5000;
    for (;;) {
      const status = await fetch(`${b.url}${API.health}`, { signal: AbortSignal.timeout(1000) }).then((r) => r.status, () => 'refused');
      if (status === 'refused' || status === 503) break;
      if (Date.now() > until) throw new Error(`server B still answers ${status} 5 s after SIGTERM`);
      await sleep(50);
    }
    expect(b.child.exitCode).toBeNull();

    // The rest of the body: the push is accepted and answered in full.
    inFlight!.end(body.subarray(64 * 1024));
    const answer = await response;
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ conflicts: [], refused: [] });

    const code = await Promise.race([b.exited, sleep(15_000).then(() => 'still running')]);
    expect(code, b.output().slice(-2000)).toBe(0);

    // Everything B accepted is on A: its stream got the changes, its pull has them.
    const ids = new Set(docs.map((d) => d.id));
    const deadline = Date.now() + 10_000;
    const streamed = (): number => new Set(onA.events.filter((e) => e.event === 'change')
      .flatMap((e) => (e.data as { documents: { id: string }[] }).documents.map((d) => d.id)).filter((id) => ids.has(id))).size;
    while (streamed() < docs.length && Date.now() < deadline) await sleep(50);
    expect(streamed()).toBe(docs.length);
    const pulled = (await pullAll(a, ann.accessToken)).filter((d) => ids.has(d.id));
    expect(pulled).toHaveLength(docs.length);
    expect(pulled.every((d) => d.notes === notes)).toBe(true);
    expect(await call(a, 'GET', API.ready)).toEqual({ status: 200, body: { status: 'ready', store: 'postgres' } });
  }, 45_000);
});
