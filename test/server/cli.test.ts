/**
 * The administration CLI (server/cli.ts) for real, against a temporary SQLite data folder and
 * against a private PostgreSQL (DATABASE_URL). Some commands run as their own process exactly
 * as `npm run server:cli -- ...` starts them (node_modules/.bin/tsx server/cli.ts); the rest
 * call the same runCli() in this process (a tsx start costs seconds). What the commands do is
 * checked through a real sync server (buildApp on a random port) over the same store: sign-in,
 * refresh, pull.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { runCli } from '../../server/cli';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { createStore } from '../../server/store/createStore';
import type { AuditEntry, Store } from '../../server/store/types';
import type { ApiError, PullResponse, PushResponse, SyncDoc, TokenResponse } from '../../shared/sync/protocol';
import { API } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { makeTempDir } from '../support/tempDir';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

type Env = Record<string, string>;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tsx server/cli.ts <args>` as its own process, with only `env` as its store settings. */
function spawnCli(env: Env, args: string[], stdin = ''): Promise<CliResult> {
  const childEnv: Env = { ...(process.env as Env) };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATA_DIR;
  const child = spawn(TSX, ['server/cli.ts', ...args], { cwd: ROOT, env: { ...childEnv, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  child.stdin.end(stdin);
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`cli ${args.join(' ')} did not finish in 30 s\n${stdout}\n${stderr}`));
    }, 30_000);
    child.once('error', rej);
    child.once('close', (code) => {
      clearTimeout(timer);
      res({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** The same command through runCli() in this process. */
async function cli(env: Env, args: string[], stdin = ''): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env, cwd: ROOT, out: (l) => out.push(l), err: (l) => err.push(l), readLine: async () => stdin.split('\n')[0] ?? '' });
  return { code, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
}

function ok(result: CliResult): string {
  if (result.code !== 0) throw new Error(`exit ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const jsonLines = <T>(text: string): T[] => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

// ---- a real sync server over the same store --------------------------------------------

interface Http {
  url: string;
  store: Store;
  close(): Promise<void>;
}

async function startHttp(env: Env): Promise<Http> {
  const store = await createStore({ dataDir: env.DATA_DIR as string, ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) });
  await store.migrate();
  const app: FastifyInstance = await buildApp({
    store,
    now: () => new Date().toISOString(),
    newId,
    secret: 'cli-test-secret-'.padEnd(48, 'x'),
    config: { accessTokenTtlSeconds: 900, refreshTokenTtlDays: 30, logLevel: 'silent', loginAttemptsPerMinute: 1000, bodyLimitBytes: 8 * 1024 * 1024, corsOrigins: ['*'] },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

async function call<T>(http: Http, method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(http.url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

function login(http: Http, userName: string, password: string, deviceId = `dev-${newId()}`) {
  return call<TokenResponse & ApiError>(http, 'POST', API.login, { userName, password, deviceId, deviceName: 'Test laptop' });
}

function refresh(http: Http, refreshToken: string, deviceId: string) {
  return call<TokenResponse & ApiError>(http, 'POST', API.refresh, { refreshToken, deviceId });
}

/** What "writes nothing" is checked against: users, territories, sessions, audit entries, documents. */
async function snapshot(store: Store): Promise<string> {
  const audit = await store.listAudit({ limit: 10_000 });
  return JSON.stringify({
    users: (await store.listUsers()).map((u) => [u.userName, u.updatedAt, u.active]),
    territories: (await store.listTerritories()).map((t) => t.id),
    sessions: (await store.listSessions()).map((s) => [s.id, s.revokedAt]),
    audit: audit.length,
    seq: await store.maxSeq(),
  });
}

// ---- backends --------------------------------------------------------------------------

let postgres: TestPostgres | null = null;
const cleanups: Array<() => void> = [];

async function postgresDatabase(name: string): Promise<string> {
  postgres ??= await startPostgres();
  return postgres.createDatabase(name);
}

interface Backend {
  name: 'sqlite' | 'postgres';
  /**
   * How the commands that are not store-specific run as processes (a tsx start costs seconds):
   * on SQLite as their own process, on PostgreSQL in this process. Commands whose process
   * matters for the store (territory:create, seed) run as processes on both.
   */
  asProcess: typeof spawnCli;
  /** Settings of a fresh, empty store. */
  fresh(name: string): Promise<Env>;
}

const backends: Backend[] = [
  {
    name: 'sqlite',
    asProcess: spawnCli,
    async fresh() {
      const dir = makeTempDir('fieldbook-cli-');
      cleanups.push(dir.remove);
      return { DATA_DIR: join(dir.path, 'data') };
    },
  },
  {
    name: 'postgres',
    asProcess: cli,
    async fresh(name) {
      const dir = makeTempDir('fieldbook-cli-');
      cleanups.push(dir.remove);
      return { DATA_DIR: join(dir.path, 'data'), DATABASE_URL: await postgresDatabase(`cli_${name}`) };
    },
  },
];

afterAll(async () => {
  try {
    await postgres?.stop();
  } finally {
    for (const c of cleanups) c();
  }
});

describe.each(backends)('server CLI on $name', (backend) => {
  let env: Env;
  let http: Http;
  const customerCode = `CLI-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

  beforeAll(async () => {
    env = await backend.fresh('main');
    // The server runs alongside the CLI, on the same store, as in production.
    http = await startHttp(env);
  }, 60_000);

  afterAll(async () => {
    await http?.close();
  });

  it('territory:create (own process) and territory:list', async () => {
    const spawned = await spawnCli(env, ['territory:create', 't-north', 'North', 'Area']);
    expect(spawned.code, spawned.stderr).toBe(0);
    expect(spawned.stderr).not.toMatch(/error/i);
    expect(spawned.stdout).toContain('Created territory t-north (North Area)');
    expect(ok(await cli(env, ['territory:create', 't-south', '南区 South']))).toContain('Created territory t-south');

    const listed = ok(await cli(env, ['territory:list']));
    expect(listed).toMatch(/^t-north {2}North Area/m);
    expect(listed).toContain('2 territories');
    expect(jsonLines<{ id: string; name: string }>(ok(await cli(env, ['territory:list', '--json']))).map((t) => [t.id, t.name])).toEqual([
      ['t-north', 'North Area'],
      ['t-south', '南区 South'],
    ]);
  }, 40_000);

  it('user:create for manager, reps with a manager, admin; user:list; the manager sees the team', async () => {
    const pw = 'manager-pass-1';
    expect(ok(await cli(env, ['user:create', 'mia.manager', '--display', 'Mia Manager', '--password', pw, '--roles', 'manager']))).toContain('Created user mia.manager');
    expect(ok(await cli(env, ['user:create', 'Rob.Rep', '--display', 'Rob Rep', '--password', 'rep-pass-one', '--roles', 'rep', '--territories', 't-north', '--manager', 'mia.manager'])))
      .toMatch(/Created user rob\.rep .*territories t-north, manager mia\.manager/);
    ok(await cli(env, ['user:create', 'sam.south', '--display=Sam South', '--password=rep-pass-two', '--roles=rep', '--territories=t-south']));
    ok(await cli(env, ['user:create', 'ada.admin', '--display', 'Ada Admin', '--password', 'admin-pass-1', '--roles', 'admin,manager']));

    const users = jsonLines<{ id: string; userName: string; roles: string[]; territoryIds: string[]; managerId: string | null; active: boolean; passwordHash?: string }>(ok(await cli(env, ['user:list', '--json'])));
    const byName = new Map(users.map((u) => [u.userName, u]));
    expect([...byName.keys()].sort()).toEqual(['ada.admin', 'mia.manager', 'rob.rep', 'sam.south']);
    expect(byName.get('rob.rep')?.managerId).toBe(byName.get('mia.manager')?.id);
    expect(byName.get('ada.admin')?.roles).toEqual(['admin', 'manager']);
    expect(users.every((u) => u.active && u.passwordHash === undefined)).toBe(true);

    const text = ok(await cli(env, ['user:list']));
    expect(text).toMatch(/^rob\.rep {2}active {2}roles rep {2}territories t-north {2}manager mia\.manager {2}"Rob Rep"$/m);
    expect(text).toContain('4 users');
    expect(ok(await cli(env, ['territory:list']))).toMatch(/^t-north {2}North Area {2}\(reps: rob\.rep\)$/m);

    // The team is real on the server: the manager may read and write the rep's territory.
    const manager = await login(http, 'mia.manager', pw);
    expect(manager.status).toBe(200);
    expect(manager.body.user.roles).toEqual(['manager']);
    expect(manager.body.user.territoryIds).toEqual(['t-north']);
  }, 40_000);

  it('user:password (password on stdin): the new password signs in, the old one no longer', async () => {
    const spawned = await backend.asProcess(env, ['user:password', 'rob.rep', '-'], 'a-brand-new-pass\n');
    expect(spawned.code, spawned.stderr).toBe(0);
    expect(spawned.stdout).toContain('Password of rob.rep changed');
    expect((await login(http, 'rob.rep', 'a-brand-new-pass')).status).toBe(200);
    const old = await login(http, 'rob.rep', 'rep-pass-one');
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('invalid_credentials');

    ok(await cli(env, ['user:password', 'sam.south', 'sam-new-password']));
    expect((await login(http, 'sam.south', 'sam-new-password')).status).toBe(200);
    const unknown = await cli(env, ['user:password', 'nobody', 'whatever-password']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown user "nobody"');
  }, 40_000);

  it('customer:assign moves a customer to another territory and to its rep; the audit log shows it', async () => {
    const rep = await login(http, 'rob.rep', 'a-brand-new-pass');
    const t = new Date().toISOString();
    const doc: SyncDoc<'customers'> = {
      id: newId(), code: customerCode, name: '王建华', type: 'hcp', territoryId: 't-north', ownerId: rep.body.user.id,
      createdAt: t, updatedAt: t, createdBy: rep.body.user.id, updatedBy: rep.body.user.id, _deleted: false,
    };
    const pushed = await call<PushResponse>(http, 'POST', API.push('customers'), { rows: [{ newDocumentState: doc }] }, rep.body.accessToken);
    expect(pushed.status).toBe(200);
    expect(pushed.body.refused).toEqual([]);

    expect(ok(await cli(env, ['customer:assign', customerCode, 't-south']))).toContain(`Customer ${customerCode} (王建华) moved from t-north to t-south`);
    expect(ok(await cli(env, ['customer:assign', customerCode, 't-south']))).toContain('is already in t-south');

    const south = await login(http, 'sam.south', 'sam-new-password');
    const pulled = await call<PullResponse<'customers'>>(http, 'GET', `${API.pull('customers')}?seq=0&limit=1000`, undefined, south.body.accessToken);
    const moved = pulled.body.documents.find((d) => d.id === doc.id);
    expect(moved?.territoryId).toBe('t-south');
    expect(moved?.ownerId).toBe(south.body.user.id);

    const unknownTerritory = await cli(env, ['customer:assign', customerCode, 't-nowhere']);
    expect([unknownTerritory.code, unknownTerritory.stderr]).toEqual([1, 'error: Unknown territory "t-nowhere"\n']);
    const unknownCode = await cli(env, ['customer:assign', 'NO-SUCH-CODE', 't-north']);
    expect([unknownCode.code, unknownCode.stderr]).toEqual([1, 'error: No customer with code "NO-SUCH-CODE"\n']);

    // The audit trail, as JSON lines from a real process and as text.
    const spawned = await backend.asProcess(env, ['audit', '--collection', 'customers', '--doc', doc.id, '--json']);
    expect(spawned.code, spawned.stderr).toBe(0);
    const entries = jsonLines<AuditEntry>(spawned.stdout);
    expect(entries.map((e) => [e.action, e.userId])).toEqual([['create', rep.body.user.id], ['update', 'system']]);
    expect((entries[1]?.oldValue as SyncDoc<'customers'>).territoryId).toBe('t-north');
    expect((entries[1]?.newValue as SyncDoc<'customers'>).territoryId).toBe('t-south');
    expect(entries[0]?.deviceId).toMatch(/^dev-/);

    const text = ok(await cli(env, ['audit', '--collection', 'customers', '--user', 'rob.rep']));
    expect(text).toMatch(new RegExp(`^#\\d+ \\S+ create +customers/${doc.id} by rob\\.rep on dev-`, 'm'));
    expect(text).toContain('1 entry');
    const paged = jsonLines<AuditEntry>(ok(await cli(env, ['audit', '--json', '--after', String(entries[0]!.id), '--limit', '1', '--collection', 'customers'])));
    expect(paged.map((e) => e.id)).toEqual([entries[1]!.id]);
  }, 40_000);

  it('device:list and device:revoke: the revoked device can no longer refresh and is told to wipe (device_revoked)', async () => {
    const revokedDevice = `laptop-${newId()}`;
    const otherDevice = `desktop-${newId()}`;
    const first = await login(http, 'sam.south', 'sam-new-password', revokedDevice);
    const second = await login(http, 'sam.south', 'sam-new-password', otherDevice);
    expect([first.status, second.status]).toEqual([200, 200]);

    const listed = ok(await cli(env, ['device:list', '--user', 'sam.south']));
    expect(listed).toMatch(new RegExp(`^${revokedDevice} {2}sam\\.south {2}"Test laptop" {2}active {2}signed in `, 'm'));
    const json = jsonLines<{ deviceId: string; userName: string; status: string; refreshTokenHash?: string }>(ok(await cli(env, ['device:list', '--json'])));
    expect(json.filter((s) => s.userName === 'sam.south').map((s) => s.deviceId)).toEqual(expect.arrayContaining([otherDevice, revokedDevice]));
    expect(json.every((s) => s.status === 'active' && s.refreshTokenHash === undefined)).toBe(true);

    expect(ok(await cli(env, ['device:revoke', revokedDevice, '--user', 'sam.south']))).toContain(`Revoked 1 session(s) of device ${revokedDevice}`);

    const refused = await refresh(http, first.body.refreshToken, revokedDevice);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('device_revoked');
    const pull = await call<ApiError>(http, 'GET', `${API.pull('customers')}?seq=0`, undefined, first.body.accessToken);
    expect([pull.status, pull.body.code]).toEqual([401, 'device_revoked']);
    // The other device is untouched.
    expect((await refresh(http, second.body.refreshToken, otherDevice)).status).toBe(200);

    expect(ok(await cli(env, ['device:list', '--user', 'sam.south']))).not.toContain(revokedDevice);
    expect(ok(await cli(env, ['device:list', '--user', 'sam.south', '--all']))).toMatch(new RegExp(`^${revokedDevice} .* revoked \\d{4}-`, 'm'));

    const again = await cli(env, ['device:revoke', revokedDevice]);
    expect([again.code, again.stderr]).toEqual([1, `error: No active session for device "${revokedDevice}"\n`]);
    const wrongUser = await cli(env, ['device:revoke', otherDevice, '--user', 'nobody']);
    expect([wrongUser.code, wrongUser.stderr]).toEqual([1, 'error: Unknown user "nobody"\n']);
  }, 40_000);

  it('user:roles replaces the roles at once (the next request and sign-in have them; the directory follows); bad input writes nothing', async () => {
    const before = await login(http, 'sam.south', 'sam-new-password');
    expect(before.body.user.roles).toEqual(['rep']);
    expect(ok(await cli(env, ['user:roles', 'sam.south', 'rep,medical_affairs']))).toContain('Roles of sam.south: rep → rep,medical_affairs');
    expect((await login(http, 'sam.south', 'sam-new-password')).body.user.roles).toEqual(['rep', 'medical_affairs']);
    const sam = (await http.store.getUserByName('sam.south'))!;
    expect((await http.store.getDocs('colleagues', [sam.id])).get(sam.id)?.data).toMatchObject({ roles: ['rep', 'medical_affairs'] });
    expect(ok(await cli(env, ['user:roles', 'sam.south', 'rep,medical_affairs']))).toContain('already has roles');

    const unknownRole = await cli(env, ['user:roles', 'sam.south', 'rep,boss']);
    expect(unknownRole.code).toBe(2);
    expect(unknownRole.stderr).toContain('Unknown role "boss"');
    const unknownUser = await cli(env, ['user:roles', 'nobody', 'rep']);
    expect([unknownUser.code, unknownUser.stderr]).toEqual([1, 'error: Unknown user "nobody"\n']);
    expect((await http.store.getUserByName('sam.south'))?.roles).toEqual(['rep', 'medical_affairs']);
    ok(await cli(env, ['user:roles', 'sam.south', 'rep']));
  }, 40_000);

  it('user:disable signs the user out everywhere and refuses sign-in; user:enable lets them back', async () => {
    const deviceId = `dev-${newId()}`;
    const session = await login(http, 'rob.rep', 'a-brand-new-pass', deviceId);
    const rob = (await http.store.getUserByName('rob.rep'))!;
    const active = (await http.store.listSessions(rob.id)).filter((s) => !s.revokedAt);
    expect(active.map((s) => s.deviceId)).toContain(deviceId);
    expect(ok(await cli(env, ['user:disable', 'rob.rep']))).toContain(`User rob.rep disabled; ${active.length} device session(s) signed out`);
    expect((await http.store.listSessions(rob.id)).filter((s) => !s.revokedAt)).toEqual([]);
    expect((await refresh(http, session.body.refreshToken, deviceId)).body.code).toBe('device_revoked');
    expect((await login(http, 'rob.rep', 'a-brand-new-pass')).body.code).toBe('invalid_credentials');
    expect(ok(await cli(env, ['user:list']))).toMatch(/^rob\.rep {2}DISABLED /m);
    expect(ok(await cli(env, ['user:disable', 'rob.rep']))).toContain('already disabled');

    expect(ok(await cli(env, ['user:enable', 'rob.rep']))).toContain('User rob.rep enabled');
    expect((await login(http, 'rob.rep', 'a-brand-new-pass')).status).toBe(200);
    // The directory document follows (audited as the system user).
    const colleagues = jsonLines<AuditEntry>(ok(await cli(env, ['audit', '--collection', 'colleagues', '--user', 'system', '--json', '--limit', '100'])));
    expect(colleagues.filter((e) => e.documentId === rob.id).map((e) => [e.action, (e.newValue as { active: boolean }).active])).toEqual([
      ['create', true], ['update', false], ['update', true],
    ]);
  }, 40_000);

  it('bad input exits non-zero with a clear message and writes nothing', async () => {
    const before = await snapshot(http.store);
    const cases: Array<{ args: string[]; code: number; message: string }> = [
      { args: ['frobnicate'], code: 2, message: 'error: Unknown command "frobnicate"' },
      { args: ['user:create', 'newbie', '--display', 'New', '--roles', 'rep', '--territories', 't-north'], code: 2, message: 'error: --password is required' },
      { args: ['user:create', 'newbie', '--display', 'New', '--password', 'long-enough-pw', '--roles', 'rep,ceo', '--territories', 't-north'], code: 2, message: 'error: Unknown role "ceo" (roles: rep, manager, admin, expert, medical_affairs)' },
      { args: ['user:create', 'newbie', '--display', 'New', '--password', 'short', '--roles', 'rep', '--territories', 't-north'], code: 2, message: 'error: Password must be at least 8 characters' },
      { args: ['user:create', 'newbie', '--display', 'New', '--password', 'long-enough-pw', '--roles', 'rep', '--territory', 't-north'], code: 2, message: 'error: Unknown option --territory' },
      { args: ['user:create', 'newbie', '--display'], code: 2, message: 'error: --display needs a value' },
      { args: ['territory:create', 't-east'], code: 2, message: 'error: Expected: territory:create <id> <name>' },
      { args: ['audit', '--limit', 'lots'], code: 2, message: 'error: --limit must be 1 to 10000' },
      { args: ['seed'], code: 2, message: 'error: Expected: seed --demo' },
      { args: ['user:create', 'rob.rep', '--display', 'Again', '--password', 'long-enough-pw', '--roles', 'rep', '--territories', 't-north'], code: 1, message: 'error: User "rob.rep" already exists' },
      { args: ['user:create', 'newbie', '--display', 'New', '--password', 'long-enough-pw', '--roles', 'rep', '--territories', 't-east'], code: 1, message: 'error: Unknown territory "t-east"' },
      { args: ['user:create', 'newbie', '--display', 'New', '--password', 'long-enough-pw', '--roles', 'rep'], code: 1, message: 'error: A rep needs at least one territory' },
      { args: ['user:create', 'newbie', '--display', 'New', '--password', 'long-enough-pw', '--roles', 'rep', '--territories', 't-north', '--manager', 'ghost'], code: 1, message: 'error: Unknown manager "ghost"' },
      { args: ['territory:create', 't-north', 'Duplicate'], code: 1, message: 'error: Territory "t-north" already exists' },
      { args: ['territory:create', 'bad id!', 'Name'], code: 1, message: 'must be 1-64 letters' },
    ];
    for (const c of cases) {
      const result = await cli(env, c.args);
      expect({ args: c.args, code: result.code }).toEqual({ args: c.args, code: c.code });
      expect(result.stderr).toContain(c.message);
      expect(result.stdout).toBe('');
      if (c.code === 2) expect(result.stderr).toContain('Usage: npm run server:cli');
    }
    expect(await snapshot(http.store)).toBe(before);
  }, 40_000);

  it('usage errors fail before the store is opened: no data folder, no database connection', async () => {
    const fresh = await backend.fresh('untouched');
    const untouched: Env = backend.name === 'postgres'
      // A database that does not exist: a usage error must not even try to connect.
      ? { ...fresh, DATABASE_URL: (fresh.DATABASE_URL as string).replace(/\/[^/]*$/, '/does_not_exist') }
      : fresh;
    const result = await backend.asProcess(untouched, ['user:create', 'x.y', '--display', 'X', '--password', 'long-enough-pw', '--roles', 'boss']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Unknown role "boss"/);
    expect(result.stdout).toBe('');
    expect(existsSync(untouched.DATA_DIR as string)).toBe(false);

    const store = await cli(untouched, ['territory:list']);
    if (backend.name === 'postgres') {
      // …while a valid command does connect, and says clearly when it cannot.
      expect(store.code).toBe(1);
      expect(store.stderr).toMatch(/^error: .*does_not_exist/);
    } else {
      expect(ok(store)).toBe('0 territories\n');
    }
  }, 40_000);

  it('seed --demo (own process) on an empty store: demo users sign in with the printed password; a second seed does nothing', async () => {
    const demoEnv = await backend.fresh('demo');
    const result = await spawnCli(demoEnv, ['seed', '--demo']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Seeded 720 customers and users admin, wang\.manager, emily\.manager, zhang\.wei, li\.na, wang\.fang, chen\.jie, david\.wu, sophie\.lin$/m);
    expect(result.stdout).toContain(`Demo password (shown only now): ${DEMO_PASSWORD}`);
    expect(ok(await cli(demoEnv, ['seed', '--demo']))).toBe('The store already has users: nothing seeded.\n');

    const demo = await startHttp(demoEnv);
    try {
      const rep = await login(demo, 'zhang.wei', DEMO_PASSWORD);
      expect(rep.status).toBe(200);
      expect(rep.body.user.territoryIds).toEqual(['t-bj']);
      const manager = await login(demo, 'wang.manager', DEMO_PASSWORD);
      expect(manager.body.user.territoryIds.sort()).toEqual(['t-bj', 't-sy', 't-tj']);
      const pulled = await call<PullResponse<'customers'>>(demo, 'GET', `${API.pull('customers')}?seq=0&limit=1000`, undefined, rep.body.accessToken);
      expect(pulled.body.documents).toHaveLength(120);
    } finally {
      await demo.close();
    }
    expect(ok(await cli(demoEnv, ['territory:list']))).toContain('6 territories');
  }, 60_000);

  it('import (a GBK file), a broken file (exit 1, nothing written), backup, backup:verify and restore into a fresh store', async () => {
    const dir = makeTempDir('fieldbook-cli-import-');
    cleanups.push(dir.remove);
    ok(await cli(env, ['territory:create', 't-cli-imp', '导入 Import']));
    // "客户编码,客户名称,类型,辖区" and one customer, as Excel saves CSV in China (GBK).
    const gbk = Buffer.concat([Buffer.from('bfcdbba7b1e0c2eb2cbfcdbba7c3fbb3c62cc0e0d0cd2ccfbdc7f80d0a', 'hex'), Buffer.from('GBK-1,'), Buffer.from('d5c5ceb02cd2bdc9fa2c', 'hex'), Buffer.from('t-cli-imp\r\n')]);
    writeFileSync(join(dir.path, 'gbk.csv'), gbk);
    const imported = await backend.asProcess(env, ['import', 'customers', join(dir.path, 'gbk.csv')]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('CSV (gb18030), 1 data rows; columns code←"客户编码", name←"客户名称", type←"类型", territory←"辖区"');
    expect(imported.stdout).toContain('Imported: 1 created, 0 updated, 0 unchanged');
    expect(ok(await cli(env, ['import', 'customers', join(dir.path, 'gbk.csv')]))).toContain('Imported: 0 created, 0 updated, 1 unchanged');

    writeFileSync(join(dir.path, 'broken.csv'), 'code,name,type,territory\nOK-9,Fine,hcp,t-cli-imp\nBAD 1,,robot,t-nowhere\n');
    const before = await snapshot(http.store);
    const broken = await cli(env, ['import', 'customers', join(dir.path, 'broken.csv')]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('line 3, code: may hold only letters');
    expect(broken.stdout).toContain('line 3, type: "robot" is not one of: hcp, hco, pharmacy, distributor');
    expect(broken.stdout).toContain('line 3, territory: no territory "t-nowhere"');
    expect(broken.stdout).toContain('Nothing imported');
    expect(broken.stderr).toContain('error: 1 of 2 rows have errors: nothing was imported');
    expect(await snapshot(http.store)).toBe(before);
    expect((await cli(env, ['import', 'visits', join(dir.path, 'broken.csv')])).code).toBe(2);
    expect((await cli(env, ['import', 'customers', join(dir.path, 'missing.csv')])).code).toBe(2);
    expect((await cli(env, ['import', 'customers', join(dir.path, 'broken.csv'), '--map', 'code='])).stderr).toContain('The required field "code" is not mapped');

    const file = join(dir.path, 'server.fbk');
    expect(ok(await cli(env, ['backup', '--out', file]))).toMatch(/^Backup written to .*server\.fbk \(\w+, sequence \d+\)/);
    expect((await cli(env, ['backup', '--out', file])).code).toBe(2);
    expect(ok(await cli({}, ['backup:verify', file]))).toContain('checksum OK');
    const target = await backend.fresh('restored');
    expect(ok(await cli(target, ['restore', '--in', file]))).toContain('Restored');
    const again = await cli(target, ['restore', '--in', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');
    const restored = await startHttp(target);
    try {
      expect(await snapshot(restored.store)).toBe(await snapshot(http.store));
    } finally {
      await restored.close();
    }
  }, 60_000);

  it('help', async () => {
    const help = await cli(env, ['help']);
    expect(help.code).toBe(0);
    for (const command of ['territory:create', 'territory:list', 'user:create', 'user:list', 'user:password', 'user:disable', 'user:enable', 'user:roles', 'customer:assign', 'device:list', 'device:revoke', 'audit', 'seed --demo']) {
      expect(help.stdout).toContain(`  ${command}`);
    }
    expect((await cli(env, [])).code).toBe(2);
    expect((await cli(env, ['user:list', '--help'])).code).toBe(0);
  });
});
