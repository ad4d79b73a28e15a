// What `npm start` runs: start the local sync server (with demo data on the first run), build
// everything, then open the desktop shell; where the Electron runtime is not installed (CI,
// these dev machines), serve the built renderer for a browser instead. Stopping the app stops
// the sync server it started.
//
// FIELDBOOK_NO_BUILD=1     skip the build
// FIELDBOOK_NO_SERVER=1    do not start a sync server
// FIELDBOOK_SERVER_URL     the sync server to use (default http://127.0.0.1:8787); a local
//                          address starts one there, any other is used as it is
// DATA_DIR                 the local server's data folder (default: fieldbook-server in the
//                          user's application data folder); DATABASE_URL, FIELDBOOK_SECRET and
//                          the server's other settings pass through
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { buildElectron } from './build-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const viteConfig = path.join(root, 'renderer', 'vite.config.ts');
const rendererOut = path.join(root, 'out', 'renderer');

const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';
/** The password seedDemo() gives the demo users (DEMO_PASSWORD in server/demo/seedDemo.ts). */
const DEMO_PASSWORD = 'fieldbook-demo';

/** The Electron binary's path, or null: the npm package's index.js throws when the binary was never downloaded. */
function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The local server's data folder: DATA_DIR, else fieldbook-server in the platform's per-user application data folder. */
function serverDataDir() {
  if (process.env.DATA_DIR?.trim()) return path.resolve(process.env.DATA_DIR.trim());
  const home = homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'fieldbook-server');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'fieldbook-server');
  return path.join(process.env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'fieldbook-server');
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What to do about the sync server: start one locally (host/port), or only use `url`. */
function serverPlan() {
  const raw = process.env.FIELDBOOK_SERVER_URL?.trim() || DEFAULT_SERVER_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol) || (url.pathname !== '/' && url.pathname !== '')) {
    console.error(`FIELDBOOK_SERVER_URL=${JSON.stringify(raw)} is not a server address like ${DEFAULT_SERVER_URL}`);
    process.exit(1);
  }
  const origin = url.origin;
  if (process.env.FIELDBOOK_NO_SERVER === '1') return { origin, start: false, reason: 'FIELDBOOK_NO_SERVER=1' };
  if (url.protocol !== 'http:' || !LOCAL_HOSTS.has(url.hostname)) return { origin, start: false, reason: 'FIELDBOOK_SERVER_URL' };
  const host = url.hostname === '[::1]' ? '::1' : '127.0.0.1';
  return { origin, start: true, host, port: Number(url.port || 80) };
}

/** 'fieldbook' when a Fieldbook sync server answers at `origin`, 'other' when something else does, 'none' when nothing listens. */
async function probe(origin) {
  try {
    const response = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(2000) });
    const body = await response.json().catch(() => null);
    return response.ok && body?.status === 'ok' ? 'fieldbook' : 'other';
  } catch (error) {
    return error?.cause?.code === 'ECONNREFUSED' ? 'none' : 'other';
  }
}

/**
 * Starts `server/main.ts --demo` as one Node process (node --import tsx, no wrapper process, so
 * a SIGTERM reaches the server itself and it shuts down gracefully). It runs in a process group
 * of its own: a Ctrl+C in the terminal reaches this script, which stops the server exactly once.
 * Resolves once the server listens; `stop()` ends it gracefully.
 */
function startServer({ host, port, dataDir }) {
  const env = { ...process.env, HOST: host, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL || 'warn' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let demo = null;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    child.once('error', reject);
    void exited.then(({ code, signal }) => reject(new Error(`the sync server exited (${signal ?? `code ${code}`}) before it was ready`)));
    child.stdout.setEncoding('utf8').on('data', (text) => {
      stdout += text;
      let end;
      while ((end = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, end);
        stdout = stdout.slice(end + 1);
        const seeded = /^Demo data: (\d+) customers; users (.+); password "(.*)"/.exec(line);
        if (seeded) demo = { customers: Number(seeded[1]), users: seeded[2].split(', '), password: seeded[3] };
        else if (/listening on http/.test(line)) resolve();
        else console.log(`[sync server] ${line}`);
      }
    });
  });
  child.stderr.setEncoding('utf8').on('data', (text) => process.stderr.write(text.replace(/^(?=.)/gm, '[sync server] ')));
  let stopping = null;
  return {
    ready,
    demo: () => demo,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 35_000); // the server gives itself 30 s
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
    /** Last resort when this process exits without stop(): no waiting possible. */
    killNow() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

/** Starts (or finds) the sync server; resolves with what to print and how to stop it. Never throws: the app works offline. */
async function syncServer() {
  const plan = serverPlan();
  if (!plan.start) {
    return { origin: plan.origin, stop: async () => {}, report: () => console.log(plan.reason === 'FIELDBOOK_NO_SERVER=1' ? 'Sync server: not started (FIELDBOOK_NO_SERVER=1).' : `Sync server: ${plan.origin} (FIELDBOOK_SERVER_URL; not started here).`) };
  }
  const dataDir = serverDataDir();
  const found = await probe(plan.origin);
  if (found === 'fieldbook') {
    return { origin: plan.origin, stop: async () => {}, report: () => console.log(`Sync server: using the Fieldbook sync server already running at ${plan.origin} (left running on exit).`) };
  }
  if (found === 'other') {
    return {
      origin: plan.origin,
      stop: async () => {},
      report: () => console.warn(`Sync server: NOT started, ${plan.origin} is taken by another program. Free the port, or set FIELDBOOK_SERVER_URL=http://127.0.0.1:<port> (or FIELDBOOK_NO_SERVER=1).`),
    };
  }
  const server = startServer({ host: plan.host, port: plan.port, dataDir });
  process.once('exit', () => server.killNow());
  const started = await Promise.race([
    server.ready.then(() => true, (error) => error),
    new Promise((resolve) => setTimeout(() => resolve(new Error('the sync server did not start within 90 s')), 90_000).unref()),
  ]);
  if (started !== true) {
    await server.stop();
    return { origin: plan.origin, stop: async () => {}, report: () => console.warn(`Sync server: NOT running: ${started.message}. The app works offline; sign-in needs a server.`) };
  }
  return {
    origin: plan.origin,
    stop: () => server.stop(),
    report: () => {
      console.log(`Sync server: ${plan.origin} (data in ${dataDir}; stops with the app)`);
      const demo = server.demo();
      if (demo) {
        console.log(`  First run: demo data created (${demo.customers} customers). Sign in as one of`);
        console.log(`    ${demo.users.join(', ')}`);
        console.log(`  with the password "${demo.password}" (e.g. zhang.wei: a rep; wang.manager: a manager; admin).`);
      } else {
        console.log(`  Demo users (from the first run): admin, wang.manager, emily.manager, zhang.wei, li.na, wang.fang, chen.jie, david.wu, sophie.lin;`);
        console.log(`  password "${DEMO_PASSWORD}" unless changed. List them: DATA_DIR="${dataDir}" npm run server:cli -- user:list`);
      }
    },
  };
}

// The app's default server (the sign-in form's first value) follows FIELDBOOK_SERVER_URL.
if (process.env.FIELDBOOK_SERVER_URL?.trim() && !process.env.VITE_SERVER_URL) process.env.VITE_SERVER_URL = process.env.FIELDBOOK_SERVER_URL.trim();

// The server starts while the app builds.
const serverPromise = syncServer();

/** Stops the sync server (if this script started it), then exits. */
let exiting = false;
async function shutdown(code) {
  if (exiting) return;
  exiting = true;
  await (await serverPromise).stop();
  process.exit(code);
}

try {
  if (process.env.FIELDBOOK_NO_BUILD !== '1') {
    await build({ configFile: viteConfig, logLevel: 'warn' });
    await buildElectron();
  }
} catch (error) {
  console.error(error);
  await shutdown(1);
}

const server = await serverPromise;
server.report();

const binary = electronBinary();
if (binary !== null) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => void shutdown(code ?? (signal === null ? 0 : 1)));
} else {
  if (!existsSync(path.join(rendererOut, 'index.html'))) {
    console.error(`No built renderer in ${rendererOut}; run without FIELDBOOK_NO_BUILD=1 first.`);
    await shutdown(1);
  }
  const port = Number(process.env.PORT) || 5173;
  const app = await preview({
    configFile: viteConfig,
    logLevel: 'warn',
    build: { outDir: rendererOut },
    preview: { host: '127.0.0.1', port, strictPort: false },
  });
  const url = app.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`Electron runtime not installed here; serving Fieldbook for a browser at ${url} (Ctrl+C stops it)`);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      void app.close().finally(() => shutdown(0));
    });
  }
}
