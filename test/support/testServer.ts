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
import { openStream as openSyncStream, type StreamReader } from './sseStream';

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

/** `options.dataDir`: serve an existing data folder (kept on close) instead of a fresh one. */
export async function startServer(overrides: Partial<AppConfig> = {}, databaseUrl?: string, options: { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fieldbook-http-'));
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
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
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

export type { StreamReader } from './sseStream';

/** The sync stream of a test server (see sseStream.ts). */
export function openStream(server: TestServer, token: string): Promise<StreamReader> {
  return openSyncStream(server.url, token);
}

