/**
 * What local encryption costs: the initial sync of a demo territory in real Chromium, with the
 * app's encrypted local database and with a test build that stores the same data unencrypted.
 *
 *   npm run bench:encryption            (BENCH_RUNS=5, BENCH_USER=zhang.wei, BENCH_PORT=5611)
 *
 * Builds the renderer twice (out/bench-encrypted, out/bench-plain; test builds only), starts the
 * demo sync server on a fresh SQLite folder and both builds with `vite preview`, then signs in
 * BENCH_RUNS times per build, alternating, each in a fresh browser context, and times from the
 * sign-in click until the sync status says "synced" (everything pulled and stored). Prints each
 * run, the medians and the ratio. Informational: no budget, so it never fails on speed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const USER = process.env.BENCH_USER ?? 'zhang.wei';
const BASE_PORT = Number(process.env.BENCH_PORT ?? 5611);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SERVER_URL = `http://127.0.0.1:${BASE_PORT}`;
const VARIANTS = [
  { name: 'encrypted', outDir: 'out/bench-encrypted', port: BASE_PORT + 1, env: {} },
  { name: 'plain', outDir: 'out/bench-plain', port: BASE_PORT + 2, env: { VITE_LOCAL_ENCRYPTION: 'off' } },
] as const;

const children: ChildProcess[] = [];
function start(command: string, args: string[], env: Record<string, string> = {}): void {
  // Own process group, so the whole group (npx and the server it starts) is ended at the end.
  children.push(spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], detached: true }));
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function initialSyncMs(browser: Browser, port: number): Promise<number> {
  const context = await browser.newContext({ locale: 'en', viewport: { width: 1280, height: 820 } });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole('textbox', { name: 'User name' }).fill(USER);
    await page.getByLabel('Password', { exact: true }).fill('fieldbook-demo');
    await page.getByRole('textbox', { name: 'Server address' }).fill(SERVER_URL);
    const started = Date.now();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-state') === 'synced', null, { timeout: 120_000, polling: 20 });
    return Date.now() - started;
  } finally {
    await context.close();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<void> {
  for (const v of VARIANTS) {
    const built = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--mode', 'e2e', '--outDir', `../${v.outDir}`, '--logLevel', 'error'], {
      stdio: 'inherit', env: { ...process.env, ...v.env },
    });
    if (built.status !== 0) throw new Error(`build of ${v.name} failed`);
  }
  start('node', ['--import', 'tsx', 'server/main.ts', '--demo'], {
    HOST: '127.0.0.1', PORT: String(BASE_PORT), DATA_DIR: mkdtempSync(join(tmpdir(), 'fieldbook-bench-enc-')),
    FIELDBOOK_SECRET: 'bench-secret-not-for-production-0123456789abcdef', LOGIN_ATTEMPTS_PER_MINUTE: '10000', LOG_LEVEL: 'warn',
  });
  for (const v of VARIANTS) start('npx', ['vite', 'preview', '--config', 'renderer/vite.config.ts', '--outDir', `../${v.outDir}`, '--host', '127.0.0.1', '--port', String(v.port), '--strictPort']);
  await Promise.all([waitFor(`${SERVER_URL}/health`), ...VARIANTS.map((v) => waitFor(`http://127.0.0.1:${v.port}/`))]);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const times: Record<string, number[]> = { encrypted: [], plain: [] };
  try {
    await initialSyncMs(browser, VARIANTS[0].port); // warm-up (server caches, browser start), not counted
    for (let run = 1; run <= RUNS; run++) {
      for (const v of run % 2 ? VARIANTS : [...VARIANTS].reverse()) {
        const ms = await initialSyncMs(browser, v.port);
        times[v.name]!.push(ms);
        console.log(`run ${run} ${v.name.padEnd(9)} ${ms} ms`);
      }
    }
  } finally {
    await browser.close();
  }
  const enc = median(times.encrypted!);
  const plain = median(times.plain!);
  console.log(`\ninitial sync of ${USER}'s demo territory, median of ${RUNS} runs: encrypted ${enc} ms, plain ${plain} ms, ratio ${(enc / plain).toFixed(2)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid);
        } catch {
          // already gone
        }
      }
    }
  });
