/**
 * The benchmark suite: `npm run bench` (full) or `npm run bench -- --quick` (a few minutes,
 * a scaled-down organisation and fewer runs; the output says so).
 *
 * Seeds a temporary SQLite store with the benchmark organisation (bench/org), starts the real
 * sync server process on it, a CouchDB-protocol peer (bench/peer) with the same documents, and
 * measures in headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH) with the app's own code
 * (bench/page, and the app's e2e build for cold start); then runs the Node benchmarks
 * (bench:search, bench:dashboards, and bench/serverLoad.bench.ts when present). Writes
 * bench/results/<quick|full>.json and .md.
 *
 * Options: --quick, --runs <n>, --keep (leave the temp data folder), --skip-build,
 *   --only <sync,live,search,cold,node> (some parts only; no result files), --profile <dir> (CPU profiles of the first sync run),
 *   --serve (set everything up, measure nothing, wait for Ctrl+C: for profiling by hand).
 * Ports: BENCH_SERVER_PORT (5441), BENCH_APP_PORT (5341), BENCH_PAGE_PORT (5941), BENCH_COUCH_PORT (5940).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createStore } from '../server/store/createStore';
import { startServerProcess } from '../test/support/serverProcess';
import { makeTempDir } from '../test/support/tempDir';
import { describeMachine } from './lib/machine';
import { serveFolder } from './lib/staticServer';
import { BENCH_PASSWORD, scaledOrg, seedBenchOrg } from './org/benchOrg';
import { measureCustomerSearch, measureInitialSync, measureLiveAndQueries } from './suite/browserBench';
import { measureColdStart } from './suite/coldStart';
import { loginAs, pullEverything, seedCouch } from './suite/couchSeed';
import { renderMarkdown, type Results } from './suite/report';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(flag('--runs') ?? (quick ? 3 : 5));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORTS = {
  server: Number(process.env.BENCH_SERVER_PORT ?? 5441),
  app: Number(process.env.BENCH_APP_PORT ?? 5341),
  page: Number(process.env.BENCH_PAGE_PORT ?? 5941),
  couch: Number(process.env.BENCH_COUCH_PORT ?? 5940),
};
const SCALE = quick ? 0.2 : 1;
const ONLY = flag('--only')?.split(',') ?? null;
const part = (name: string) => ONLY === null || ONLY.includes(name);
const PROFILE_DIR = flag('--profile');
const log = (line: string) => console.log(line);

function run(cmd: string, cmdArgs: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.status})`);
}

/** A Node benchmark as a child process; its --json output, or null (and the error) when it fails. */
function nodeBench(file: string, extra: string[], env: Record<string, string>, jsonFile: string): unknown {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...extra, '--json', jsonFile], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (!existsSync(jsonFile)) return { error: `${file} exited with ${r.status} and wrote no results` };
  const out = JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, unknown>;
  return r.status === 0 ? out : { ...out, exitCode: r.status };
}

function startPeer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/peer/couchPeer.ts', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the CouchDB peer did not start')), 30_000);
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      if (text.includes('listening on')) {
        clearTimeout(timer);
        ok(child);
      }
    });
    child.once('exit', (code) => fail(new Error(`the CouchDB peer exited (${code})`)));
  });
}

async function main(): Promise<void> {
  const machine = describeMachine(CHROMIUM);
  const size = scaledOrg(SCALE);
  log(`Fieldbook benchmarks (${quick ? `QUICK: organisation scaled to ${SCALE * 100}%, ${RUNS} runs` : `full, ${RUNS} runs`})`);
  log(`  ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}, ${machine.chromium}, load ${machine.loadAverageAtStart.join(' ')}`);

  if (!args.includes('--skip-build')) {
    log('Building the benchmark page and the app (e2e build)...');
    run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'bench/page/vite.config.ts']);
    run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--mode', 'e2e', '--outDir', '../out/renderer-e2e-bench', '--logLevel', 'warn']);
  }

  const temp = makeTempDir('fieldbook-bench-');
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  try {
    log(`Seeding ${JSON.stringify(size)} into ${temp.path}/fieldbook.sqlite ...`);
    const store = await createStore({ dataDir: temp.path });
    await store.migrate();
    const org = await seedBenchOrg(store, size, log);
    await store.close();

    const server = await startServerProcess({
      dataDir: temp.path, secret: 'bench-secret-not-for-production-0123456789abcdef', port: PORTS.server,
      env: { LOGIN_ATTEMPTS_PER_MINUTE: '10000', LOG_LEVEL: 'warn' },
    });
    cleanups.push(() => server.stop());
    const peer = await startPeer(PORTS.couch);
    cleanups.push(() => peer.kill('SIGTERM'));
    const couchUrl = `http://127.0.0.1:${PORTS.couch}`;
    const pageServer = await serveFolder(resolve(ROOT, 'out/bench-page'), PORTS.page);
    cleanups.push(() => pageServer.close());
    const appServer = await serveFolder(resolve(ROOT, 'out/renderer-e2e-bench'), PORTS.app);
    cleanups.push(() => appServer.close());

    const scopes = [
      { label: 'rep territory', userName: org.reps[0]!, couchPrefix: 'rep' },
      { label: 'manager team', userName: org.managers[0]!, couchPrefix: 'team' },
    ];
    for (const s of scopes) {
      const tokens = await loginAs(server.url, s.userName, BENCH_PASSWORD);
      const n = await seedCouch(couchUrl, s.couchPrefix, await pullEverything(server.url, tokens.accessToken));
      log(`  CouchDB peer: ${n} documents of ${s.label} (${s.userName})`);
    }

    if (args.includes('--serve')) {
      // For profiling by hand: everything set up, nothing measured, until Ctrl+C.
      log(`Serving: server ${server.url}, peer ${couchUrl}, bench page ${pageServer.url}, app ${appServer.url}; users ${org.reps[0]}, ${org.managers[0]}, ${org.admin} / ${BENCH_PASSWORD}. Ctrl+C stops.`);
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      return;
    }
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
    cleanups.push(() => browser.close());
    machine.chromium = `Chromium ${browser.version()}`;

    if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
    const initialSync = [];
    if (part('sync')) {
      log('1-2. Initial sync vs IndexedDB floor vs CouchDB peer');
      for (const scope of scopes) {
        initialSync.push(await measureInitialSync(browser, pageServer.url, {
          serverUrl: server.url, couchUrl, password: BENCH_PASSWORD, scope, runs: RUNS, log, ...(PROFILE_DIR ? { profileDir: PROFILE_DIR } : {}),
        }));
      }
    }
    const liveAndQueries = part('live') ? (log('3-4. Live change between two clients; customer file; article search'), await measureLiveAndQueries(browser, pageServer.url, {
      serverUrl: server.url, password: BENCH_PASSWORD, userName: org.reps[0]!, liveCustomerId: org.liveCustomerId, busyCustomerId: org.busyCustomerId,
      edits: quick ? 20 : 50, coldRuns: RUNS, articleRounds: quick ? 5 : 20, log,
    })) : null;
    let customerSearch = null;
    if (part('search')) {
      log('4. Customer search as you type');
      customerSearch = await measureCustomerSearch(browser, pageServer.url, { serverUrl: server.url, adminUserName: org.admin, password: BENCH_PASSWORD, rounds: quick ? 2 : 5 });
      log(`  customer search over ${customerSearch.customers}: ${customerSearch.searches} searches, p50 ${customerSearch.p50} ms, p95 ${customerSearch.p95} ms`);
    }
    const coldStart = part('cold')
      ? (log('5. Cold start of the app'), await measureColdStart(browser, appServer.url, { serverUrl: server.url, userName: org.reps[0]!, password: BENCH_PASSWORD, runs: RUNS, log, ...(PROFILE_DIR ? { profileDir: PROFILE_DIR } : {}) }))
      : null;

    await browser.close();
    cleanups.pop();

    let faqSearch: unknown = null;
    let dashboards: unknown = null;
    let serverLoad: unknown = null;
    if (part('node')) {
      log('Node benchmarks: bench:search, bench:dashboards');
      faqSearch = nodeBench('bench/faqSearch.bench.ts', [], quick ? { BENCH_ROUNDS: '5' } : {}, resolve(temp.path, 'faq.json'));
      dashboards = nodeBench('bench/dashboards.bench.ts', [], quick ? { BENCH_RUNS: '3' } : {}, resolve(temp.path, 'dashboards.json'));
      if (existsSync(resolve(ROOT, 'bench/serverLoad.bench.ts'))) {
        log('6. Server under load (bench/serverLoad.bench.ts)');
        serverLoad = nodeBench('bench/serverLoad.bench.ts', [quick ? '--quick' : '--full'], {}, resolve(temp.path, 'serverLoad.json'));
      }
    }
    if (ONLY !== null || !liveAndQueries || !customerSearch || !coldStart) {
      log('Partial run (--only): no result files written.');
      return;
    }
    const { live, queries } = liveAndQueries;

    const results: Results = {
      mode: quick ? 'quick' : 'full',
      scaledDown: quick ? `organisation scaled to ${SCALE * 100}% of the full size (reps and teams unchanged), ${RUNS} runs` : null,
      machine,
      org: { size: org.size, docs: org.docs, seedSeconds: Math.round(org.seedMs / 100) / 10 },
      runs: RUNS,
      initialSync, live, queries, customerSearch, coldStart, faqSearch, dashboards, serverLoad,
      finishedAt: new Date().toISOString(),
    };
    const outDir = resolve(ROOT, 'bench/results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(resolve(outDir, `${results.mode}.json`), `${JSON.stringify(results, null, 2)}\n`);
    const md = renderMarkdown(results);
    writeFileSync(resolve(outDir, `${results.mode}.md`), md);
    log(`\n${md}`);
    log(`Written: bench/results/${results.mode}.json and bench/results/${results.mode}.md`);
  } finally {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
    if (args.includes('--keep')) log(`Data kept in ${temp.path}`);
    else temp.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
