/**
 * Server under load (issue 7, item 6): 200 simulated app clients against the real sync server
 * process, on SQLite and on PostgreSQL, p50/p99 latency per request kind, throughput, errors.
 *
 * Per database: a fresh store (SQLite in a temp folder; a private PostgreSQL cluster started in a
 * temp folder) is seeded with the organisation (50 reps, 10 managers, 10,000 customers,
 * 100,000 visits, 20,000 feedback, 5,000 articles; --quick: a fifth of the documents), the server
 * is started as its own process (`node --import tsx server/main.ts`, as `npm run server`), and the clients —
 * signed-in devices of the reps and managers, in two client processes — keep their
 * event streams open and pull, push visits and edit customers with a think time between requests
 * (see serverLoad/clients.ts). A warm-up, then the measured runs; figures are medians over runs.
 *
 *   node --import tsx bench/serverLoad.bench.ts [--quick|--full] [--json <file>]
 *     [--db sqlite|postgres|both] [--clients 200] [--duration <s>] [--runs <n>] [--think <ms>] [--sign-in store|http] [--profile]
 *
 * --quick (default): 1 run of 15 s per database, a fifth of the documents (about 2 minutes).
 * --full: 5 runs of 60 s per database on the full organisation (15-20 minutes with seeding).
 * --sign-in: `store` (default) writes each device's session to the store and signs its access token
 * with the server's secret, as a sign-in does; `http` signs every device in through the API
 * (200 scrypt checks: minutes on a busy machine). The measured traffic is the same.
 * --profile: the server runs with --cpu-prof; a summary of where its CPU time went is printed
 * (and written next to the --json file).
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { createStore } from '../server/store/createStore';
import { startPostgres, type TestPostgres } from '../test/support/postgres';
import { startServerProcess } from '../test/support/serverProcess';
import { makeTempDir } from '../test/support/tempDir';
import { emptyResult, mergeInto, REQUEST_KINDS, type ClientSpec, type FromWorker, type RunResult, type ToWorker, type WorkerInit } from './serverLoad/clients';
import { FULL_ORG, PASSWORD, seedOrganisation, sessionThroughStore, type OrgSize, type SeededOrg } from './serverLoad/organisation';
import { summariseProfileFile } from './serverLoad/profileSummary';
import { medianOfRuns, summariseRun, type RunSummary } from './serverLoad/stats';

type Db = 'sqlite' | 'postgres';
const TARGET = { p99Ms: 250, errors: 0 };

interface Options {
  mode: 'quick' | 'full';
  json: string | null;
  dbs: Db[];
  clients: number;
  durationS: number;
  warmupS: number;
  runs: number;
  thinkMs: number;
  org: OrgSize;
  profile: boolean;
  /** http: every device signs in over the API (scrypt); store: device sessions written to the store, tokens signed as sign-in does. */
  signIn: 'http' | 'store';
}

function parseArgs(argv: string[]): Options {
  const mode = argv.includes('--full') ? 'full' : 'quick';
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const int = (name: string, fallback: number, min: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}`);
    return n;
  };
  const known = new Set(['--quick', '--full', '--json', '--db', '--clients', '--duration', '--runs', '--think', '--profile', '--sign-in']);
  for (const arg of argv) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg}`);
  const db = value('--db') ?? 'both';
  if (!['sqlite', 'postgres', 'both'].includes(db)) throw new Error('--db must be sqlite, postgres or both');
  const full = mode === 'full';
  const signIn = value('--sign-in') ?? 'store';
  if (signIn !== 'http' && signIn !== 'store') throw new Error('--sign-in must be http or store');
  const scale = full ? 1 : 0.2;
  return {
    mode,
    json: value('--json') ?? null,
    dbs: db === 'both' ? ['sqlite', 'postgres'] : [db as Db],
    clients: int('--clients', 200, 1),
    durationS: int('--duration', full ? 60 : 15, 1),
    warmupS: full ? 10 : 5,
    runs: int('--runs', full ? 5 : 1, 1),
    thinkMs: int('--think', 1000, 0),
    org: {
      ...FULL_ORG,
      customers: FULL_ORG.customers * scale, visits: FULL_ORG.visits * scale, feedback: FULL_ORG.feedback * scale, articles: FULL_ORG.articles * scale,
    },
    profile: argv.includes('--profile'),
    signIn,
  };
}

/**
 * CPU time (user + system, ms) a process used so far, from /proc (Linux); 0 elsewhere. With
 * `reaped`, also that of its children that have exited (and were waited for).
 */
function processCpuMs(pid: number | undefined, reaped = false): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime are fields 14-17 of stat(5), in clock ticks (100 per second on Linux).
    const ticks = Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
    return ticks * 10;
  } catch {
    return 0; // exited meanwhile
  }
}

/** The PostgreSQL cluster's processes (postmaster first, then its children) listening on `port`, from /proc. */
function postgresPids(port: string): number[] {
  if (!existsSync('/proc')) return [];
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const postmaster = procs.find((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return /postgres$/.test(args[0] ?? '') && args.includes('-p') && args[args.indexOf('-p') + 1] === port;
    } catch {
      return false;
    }
  });
  if (!postmaster) return [];
  const children = procs.filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === postmaster;
    } catch {
      return false;
    }
  });
  return [Number(postmaster), ...children.map(Number)];
}

const log = (line: string): void => console.log(`[serverLoad] ${line}`);

/**
 * Devices: every manager two, the reps share the rest (3-4 each with 200 clients). Sign-in is
 * limited to 5 attempts per user a minute: no user gets more than 5 devices.
 */
function clientSpecs(org: SeededOrg, count: number): ClientSpec[] {
  const managers = org.users.filter((u) => u.role === 'manager');
  const reps = org.users.filter((u) => u.role === 'rep');
  const owners = [...managers.flatMap((m) => [m, m])].slice(0, Math.floor(count / 10));
  for (let i = 0; owners.length < count; i++) owners.push(reps[i % reps.length]!);
  const devicesOf = new Map<string, number>();
  for (const o of owners) devicesOf.set(o.id, (devicesOf.get(o.id) ?? 0) + 1);
  const over = [...devicesOf.entries()].find(([, n]) => n > 5);
  if (over) throw new Error(`${count} clients would give one user ${over[1]} devices; sign-in allows 5 a minute per user`);
  return owners.map((u, index) => ({
    index,
    userName: u.userName,
    userId: u.id,
    role: u.role,
    territoryIds: u.territoryIds,
    deviceId: `load-device-${index}`,
    customers: u.territoryIds.flatMap((t) => org.customersByTerritory.get(t) ?? []),
    checkpoint: org.maxSeq,
  }));
}

/** One client process (`fork` of serverLoad/clients.ts with tsx), asked one thing at a time. */
class ClientWorker {
  private readonly child: ChildProcess;
  private pending: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(init: WorkerInit) {
    this.child = fork(new URL('./serverLoad/clients.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, FIELDBOOK_LOAD_CLIENTS: '1' },
      serialization: 'advanced',
    });
    this.child.on('message', (m: FromWorker) => {
      const p = this.pending;
      this.pending = null;
      if (m.type === 'fatal') p?.reject(new Error(m.message));
      else p?.resolve(m);
    });
    const fail = (error: Error): void => {
      this.failure = error;
      this.pending?.reject(error);
      this.pending = null;
    };
    this.child.on('error', fail);
    this.child.on('exit', (code, signal) => fail(new Error(`client process exited (code ${code}, signal ${signal})`)));
    this.child.send({ type: 'init', init } satisfies ToWorker);
  }

  ask(message: ToWorker): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(message);
    });
  }

  async terminate(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    await this.ask({ type: 'stop' }).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

interface DbResult {
  db: Db;
  seedMs: number;
  signInMs: number;
  runs: RunSummary[];
  median: RunSummary;
  profile?: string;
}

async function benchDatabase(db: Db, options: Options, secret: string, profileOut: string | null): Promise<DbResult> {
  const dir = makeTempDir('fieldbook-load-');
  let pg: TestPostgres | null = null;
  const workers: ClientWorker[] = [];
  let server: Awaited<ReturnType<typeof startServerProcess>> | null = null;
  try {
    if (db === 'postgres') {
      pg = await startPostgres();
      log('postgres: private cluster started');
    }
    const databaseUrl = pg?.url;
    const store = await createStore({ dataDir: dir.path, ...(databaseUrl ? { databaseUrl } : {}) });
    await store.migrate();
    let org: SeededOrg;
    let specs: ClientSpec[];
    try {
      org = await seedOrganisation(store, options.org, (line) => log(`${db}: seeded ${line}`));
      specs = clientSpecs(org, options.clients);
      if (options.signIn === 'store') {
        // Valid for the whole run: the stream ends when its access token expires.
        const ttl = options.warmupS + options.runs * (options.durationS + 30) + 600;
        for (const spec of specs) spec.accessToken = await sessionThroughStore(store, secret, { id: spec.userId }, spec.deviceId, ttl);
      }
    } finally {
      await store.close();
    }
    log(`${db}: seeded ${org.counts.customers} customers, ${org.counts.visits} visits, ${org.counts.feedback} feedback, ${org.counts.articles} articles in ${(org.seedMs / 1000).toFixed(1)} s`);

    const profileDir = join(dir.path, 'profile');
    // `node --import tsx server/main.ts`, as `npm run server` (and one process, so its CPU time can be read).
    const nodeArgs = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    server = await startServerProcess({ dataDir: dir.path, ...(databaseUrl ? { databaseUrl } : {}), secret, nodeArgs, startTimeoutMs: 60_000 });
    log(`${db}: server listening on ${server.url}`);

    const halves = [specs.filter((_, i) => i % 2 === 0), specs.filter((_, i) => i % 2 === 1)].filter((h) => h.length > 0);
    for (const [w, clients] of halves.entries()) {
      workers.push(new ClientWorker({ url: server.url, password: PASSWORD, clients, thinkMs: options.thinkMs, seed: 17 + w }));
    }
    const signInStarted = performance.now();
    const ready = await Promise.all(workers.map((w) => w.ask({ type: 'login' })));
    const signInMs = performance.now() - signInStarted;
    for (const r of ready) if (r.type === 'ready' && Object.keys(r.errors).length > 0) throw new Error(`sign-in errors: ${JSON.stringify(r.errors)}`);
    log(`${db}: ${specs.length} clients ${options.signIn === 'http' ? 'signed in over the API' : 'with sessions made in the store'}, streams open, in ${(signInMs / 1000).toFixed(1)} s`);

    const serverPid = server.pid;
    // The database's own CPU time (PostgreSQL's processes; SQLite runs inside the server).
    // Backends come and go (the pool closes idle connections): the postmaster's reaped children count too.
    const dbCpu = (): number => {
      const [postmaster, ...children] = pg ? postgresPids(new URL(pg.url).port) : [];
      return processCpuMs(postmaster, true) + children.reduce((sum, pid) => sum + processCpuMs(pid), 0);
    };
    const runOnce = async (seconds: number): Promise<{ result: RunResult; cpuMs: number; dbCpuMs: number }> => {
      const cpuBefore = processCpuMs(serverPid);
      const dbBefore = dbCpu();
      const answers = await Promise.all(workers.map((w) => w.ask({ type: 'run', durationMs: seconds * 1000 })));
      const cpuMs = processCpuMs(serverPid) - cpuBefore;
      const dbCpuMs = dbCpu() - dbBefore;
      const merged = emptyResult();
      for (const a of answers) if (a.type === 'result') mergeInto(merged, a.result);
      return { result: merged, cpuMs, dbCpuMs };
    };
    await runOnce(options.warmupS);
    log(`${db}: warm-up of ${options.warmupS} s done`);
    const runs: RunSummary[] = [];
    for (let i = 1; i <= options.runs; i++) {
      const { result, cpuMs, dbCpuMs } = await runOnce(options.durationS);
      const summary = summariseRun(result, options.durationS, { cpuMs, dbCpuMs, loadAverage: loadavg()[0]! });
      runs.push(summary);
      log(`${db}: run ${i}/${options.runs}: ${summary.overall.perSecond.toFixed(0)} req/s, p50 ${summary.overall.p50.toFixed(1)} ms, p99 ${summary.overall.p99.toFixed(1)} ms, server CPU ${summary.serverCpuMsPerRequest.toFixed(2)} ms/request (${(100 * summary.serverCpuShare).toFixed(0)} % of a core)${pg ? `, PostgreSQL CPU ${summary.dbCpuMsPerRequest.toFixed(2)} ms/request` : ''}, client CPU ${(100 * summary.clientCpuShare).toFixed(0)} % of a core, load average ${summary.loadAverage.toFixed(1)}, ${summary.errors} errors${summary.errors ? ` ${JSON.stringify(summary.errorsByKind)}` : ''}`);
    }

    for (const w of workers.splice(0)) await w.terminate();
    await server.stop();
    server = null;
    let profile: string | undefined;
    if (options.profile && existsSync(profileDir)) {
      const files = readdirSync(profileDir).map((f) => join(profileDir, f)).sort((a, b) => statSync(b).size - statSync(a).size);
      if (files[0]) {
        profile = summariseProfileFile(files[0]);
        if (profileOut) {
          writeFileSync(`${profileOut}-${db}.txt`, `${profile}\n`);
          copyFileSync(files[0], `${profileOut}-${db}.cpuprofile`);
        }
        console.log(`\n--- ${db} server CPU profile ---\n${profile}\n`);
      }
    }
    return { db, seedMs: org.seedMs, signInMs, runs, median: medianOfRuns(runs), ...(profile ? { profile } : {}) };
  } finally {
    for (const w of workers) await w.terminate().catch(() => undefined);
    if (server) await server.stop().catch(() => undefined);
    if (pg) await pg.stop().catch(() => undefined);
    dir.remove();
  }
}

const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

function markdown(options: Options, machine: string, results: DbResult[]): string {
  const o = options.org;
  const lines = [
    '### Server under load',
    '',
    `${options.clients} simulated app clients (signed-in devices of ${o.reps} reps and ${o.managers} managers, each with its event stream open) against the sync server process, `
    + `each doing an incremental pull, a new visit or a customer edit about every ${options.thinkMs} ms (think time 0.5-1.5x). `
    + `Organisation: ${o.customers.toLocaleString('en')} customers, ${o.visits.toLocaleString('en')} visits, ${o.feedback.toLocaleString('en')} feedback, ${o.articles.toLocaleString('en')} articles`
    + `${options.mode === 'quick' ? ' (quick mode: a fifth of the full organisation)' : ''}. `
    + `${options.runs} run(s) of ${options.durationS} s per database after a ${options.warmupS} s warm-up; figures are medians over the runs, errors are the sum. `
    + `Machine: ${machine}. Target: p99 <= ${TARGET.p99Ms} ms and ${TARGET.errors} errors on both databases.`,
    '',
    '| Database | Requests | req/s | p50 ms | p99 ms | max ms | Errors | Target |',
    '|---|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    const m = r.median;
    const met = m.overall.p99 <= TARGET.p99Ms && m.errors <= TARGET.errors;
    lines.push(`| ${r.db} | all | ${m.overall.perSecond.toFixed(0)} | ${ms(m.overall.p50)} | ${ms(m.overall.p99)} | ${ms(m.overall.max)} | ${m.errors} | ${met ? 'met' : 'missed'} |`);
    for (const kind of REQUEST_KINDS) {
      const k = m.kinds[kind];
      const errs = Object.entries(m.errorsByKind).filter(([key]) => key.startsWith(kind)).reduce((a, [, n]) => a + n, 0);
      lines.push(`| ${r.db} | ${kind} | ${k.perSecond.toFixed(0)} | ${ms(k.p50)} | ${ms(k.p99)} | ${ms(k.max)} | ${errs} | |`);
    }
  }
  const errorLines = results.flatMap((r) => Object.entries(r.median.errorsByKind).map(([k, n]) => `${r.db}: ${k} x${n}`));
  lines.push('', errorLines.length ? `Errors by kind: ${errorLines.join('; ')}.` : 'No errors (every answer 2xx, no network error, no stream dropped, no push row refused).');
  const streams = results.map((r) => `${r.db} ${r.median.streamEvents.toLocaleString('en')} change events (${r.median.streamDocs.toLocaleString('en')} documents), ${r.median.conflicts} push conflicts`);
  lines.push(`Event streams and conflicts over all runs: ${streams.join('; ')}.`);
  // Latency on a shared machine depends on the CPU the server gets; CPU time per request does not (much).
  const cpu = results.map((r) => {
    const m = r.median;
    const db = r.db === 'postgres' ? ` + PostgreSQL ${m.dbCpuMsPerRequest.toFixed(2)} ms` : '';
    return `${r.db} ${m.serverCpuMsPerRequest.toFixed(2)} ms${db} (server at ${(100 * m.serverCpuShare).toFixed(0)} % of a core, clients at ${(100 * m.clientCpuShare).toFixed(0)} %, load average ${m.loadAverage.toFixed(1)})`;
  });
  lines.push(`CPU time per request (server process, user + system): ${cpu.join('; ')}.`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const cpu = cpus();
  const machine = `${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}, ${process.platform}; load average ${loadavg()[0]!.toFixed(1)} at start (shared machine)`;
  log(`${options.mode} mode: ${options.clients} clients, ${options.runs} x ${options.durationS} s per database (${options.dbs.join(', ')}), think ${options.thinkMs} ms`);
  if (options.mode === 'full') log('the full mode takes about 15-20 minutes: per database, seeding (1-3 min), a 10 s warm-up and 5 x 60 s');
  const jsonPath = options.json ? resolve(options.json) : null;
  if (jsonPath) mkdirSync(dirname(jsonPath), { recursive: true });
  const profileOut = jsonPath ? jsonPath.replace(/\.json$/, '') + '-profile' : null;
  const secret = randomBytes(36).toString('base64url');

  const started = performance.now();
  const results: DbResult[] = [];
  for (const db of options.dbs) results.push(await benchDatabase(db, options, secret, profileOut));

  const md = markdown(options, machine, results);
  console.log(`\n${md}\n`);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const met = results.every((r) => r.median.overall.p99 <= TARGET.p99Ms && r.median.errors <= TARGET.errors);
  if (jsonPath) {
    const output = {
      bench: 'serverLoad',
      mode: options.mode,
      date: new Date().toISOString(),
      machine,
      setup: { clients: options.clients, thinkMs: options.thinkMs, durationS: options.durationS, warmupS: options.warmupS, runs: options.runs, organisation: options.org },
      target: TARGET,
      targetMet: met,
      databases: Object.fromEntries(results.map((r) => [r.db, { seedMs: r.seedMs, signInMs: r.signInMs, median: r.median, runs: r.runs }])),
      markdown: md,
    };
    writeFileSync(jsonPath, `${JSON.stringify(output, null, 2)}\n`);
    log(`wrote ${jsonPath}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[serverLoad] failed:', error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
