/**
 * A real sync server for tests: buildApp() listening on 127.0.0.1 (random port) over a temporary
 * SQLite data folder (or a PostgreSQL database), and small fetch helpers to call it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppConfig } from '../../server/app';
import { createTerritory, createUser } from '../../server/org/org';
import { createStore } from '../../server/store/createStore';
import type { Store, UserRecord } from '../../server/store/types';
import type { Role } from '../../shared/schemas';
import type { ApiError, TokenResponse } from '../../shared/sync/protocol';
import { API } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';

/** A real sync server on 127.0.0.1 (random port) over a temporary SQLite data folder. */
export interface TestServer {
  url: string;
  /** The data folder (SQLite file; the CLI's DATA_DIR). */
  dataDir: string;
  app: FastifyInstance;
  store: Store;
  secret: string;
  /** Moves the server's clock (not the rate limiter's). */
  advance(ms: number): void;
  now(): string;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery';

export async function startServer(overrides: Partial<AppConfig> = {}, databaseUrl?: string): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-http-'));
  const store = await createStore(databaseUrl ? { dataDir, databaseUrl } : { dataDir });
  await store.migrate();
  let offset = 0;
  const now = () => new Date(Date.now() + offset).toISOString();
  const secret = 'test-secret-'.padEnd(48, 'x');
  const config: AppConfig = {
    accessTokenTtlSeconds: 900,
    refreshTokenTtlDays: 180,
    logLevel: 'silent',
    loginAttemptsPerMinute: 5,
    bodyLimitBytes: 8 * 1024 * 1024,
    corsOrigins: ['*'],
    // These suites drive one user at machine speed; the per-user budgets have their own test (owasp.test.ts).
    userRequestsPerMinute: 100_000,
    userPushesPerMinute: 100_000,
    ...overrides,
  };
  const app = await buildApp({ store, now, newId, secret, config });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    dataDir,
    app,
    store,
    secret,
    advance: (ms) => {
      offset += ms;
    },
    now,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A fresh user (unique name) so that each test has its own rate-limit bucket and sessions. */
export async function addUser(server: TestServer, roles: Role[], territoryIds: string[], managerUserName?: string): Promise<UserRecord> {
  counter += 1;
  return createUser(server.store, {
    userName: `${roles[0]}.${counter}.${Math.random().toString(36).slice(2, 6)}`,
    displayName: `Test ${roles.join('/')} ${counter}`,
    password: PASSWORD,
    roles,
    territoryIds,
    managerUserName: managerUserName ?? null,
  }, { now: () => new Date().toISOString(), newId });
}

export async function addTerritories(server: TestServer, ...ids: string[]): Promise<void> {
  for (const id of ids) await createTerritory(server.store, { id, name: `Territory ${id}` }, new Date().toISOString());
}

export interface Res<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(server: TestServer, method: 'GET' | 'POST', path: string, options: { token?: string; body?: unknown; raw?: string } = {}): Promise<Res<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] = 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(server.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

export async function login(server: TestServer, user: Pick<UserRecord, 'userName'>, deviceId = `device-${newId()}`): Promise<TokenResponse & { deviceId: string }> {
  const res = await call<TokenResponse | ApiError>(server, 'POST', API.login, { body: { userName: user.userName, password: PASSWORD, deviceId, deviceName: 'Test laptop' } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(res.body as TokenResponse), deviceId };
}

/** Reads a server-sent-events stream with fetch and collects its events. */
export interface StreamReader {
  status: number;
  events: { event: string; data: unknown }[];
  /** Resolves with the first event (already received or coming) that matches. */
  waitFor(predicate: (e: { event: string; data: unknown }) => boolean, timeoutMs?: number): Promise<{ event: string; data: unknown }>;
  close(): void;
}

export async function openStream(server: TestServer, token: string): Promise<StreamReader> {
  const controller = new AbortController();
  const response = await fetch(server.url + API.stream, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  const events: { event: string; data: unknown }[] = [];
  const waiters: { predicate: (e: { event: string; data: unknown }) => boolean; resolve: (e: { event: string; data: unknown }) => void }[] = [];
  const reader = response.body?.getReader();
  if (response.status === 200 && reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length === 0) continue;
            const parsed = { event, data: JSON.parse(data.join('\n')) as unknown };
            events.push(parsed);
            for (const w of [...waiters]) {
              if (w.predicate(parsed)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(parsed);
              }
            }
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: response.status,
    events,
    waitFor: (predicate, timeoutMs = 5000) => {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`)), timeoutMs);
        waiters.push({ predicate, resolve: (e) => { clearTimeout(timer); resolve(e); } });
      });
    },
    close: () => controller.abort(),
  };
}

