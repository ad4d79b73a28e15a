/**
 * The in-browser measurements (initial sync against the IndexedDB floor and the CouchDB peer,
 * live change between two clients, local queries), driving bench/page through Playwright.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BenchPageApi, SyncResult } from '../page/main';
import { profile, summarize } from '../lib/cpuProfile';
import { median, percentile, round } from '../lib/stats';

type Api = BenchPageApi;
type Arg<K extends keyof Api> = Parameters<Api[K]>[0];
type Ret<K extends keyof Api> = Awaited<ReturnType<Api[K]>>;

/** Calls window.fieldbookBench[name](arg) in the page. */
export function call<K extends keyof Api>(page: Page, name: K, arg?: Arg<K>): Promise<Ret<K>> {
  return page.evaluate(
    ([n, a]) => (window as unknown as { fieldbookBench: Record<string, (x: unknown) => unknown> }).fieldbookBench[n as string]!(a),
    [name, arg] as const,
  ) as Promise<Ret<K>>;
}

export async function openBenchPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`  [page] ${m.text()}`);
  });
  page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

export interface SyncScope {
  label: string;
  userName: string;
  /** PouchDB database prefix holding the same documents. */
  couchPrefix: string;
}

export interface SyncRun {
  docs: number;
  perCollection: Record<string, number>;
  /** ms, per variant id. */
  sync: Record<string, number>;
  network: number;
  floor: number;
  couch: number;
  couchDocs: number;
}

export interface SyncSummary {
  scope: string;
  userName: string;
  docs: number;
  perCollection: Record<string, number>;
  runs: SyncRun[];
  variants: { id: string; label: string; ms: number; docsPerSecond: number; ratioToFloor: number; couchRatio: number }[];
  floorMs: number;
  floorDocsPerSecond: number;
  networkMs: number;
  couchMs: number;
  couchDocsPerSecond: number;
}

/**
 * Per run, in one fresh browser context and in this order: the raw pull (network and server
 * only), the Dexie floor with those documents, the app's initial sync for every database
 * variant, and the CouchDB peer. Ratios are taken within a run, then the median over runs.
 */
export async function measureInitialSync(browser: Browser, pageUrl: string, o: {
  serverUrl: string; couchUrl: string; password: string; scope: SyncScope; runs: number; log: (s: string) => void;
  /** Folder for a CPU profile of the first run's app sync and CouchDB sync. */
  profileDir?: string;
}): Promise<SyncSummary> {
  const runs: SyncRun[] = [];
  let variants: { id: string; label: string }[] = [];
  for (let r = 0; r < o.runs; r++) {
    const context = await browser.newContext();
    const page = await openBenchPage(context, pageUrl);
    variants = await call(page, 'variants');
    const raw = await call(page, 'rawPull', { serverUrl: o.serverUrl, userName: o.scope.userName, password: o.password, pageSize: 500 });
    const floor = await call(page, 'dexieFloor');
    const sync: Record<string, number> = {};
    let last: SyncResult | null = null;
    for (const v of variants) {
      const task = () => call(page, 'initialSync', { serverUrl: o.serverUrl, userName: o.scope.userName, password: o.password, variantId: v.id });
      if (o.profileDir && r === 0) {
        const file = `${o.profileDir}/sync-${o.scope.couchPrefix}-${v.id}.cpuprofile`;
        const p = await profile(page, file, task);
        last = p.result;
        o.log(`  CPU profile ${file}\n${summarize(p.profile)}`);
      } else last = await task();
      sync[v.id] = last.ms;
    }
    const couchTask = () => call(page, 'couchSync', { couchUrl: o.couchUrl, dbPrefix: o.scope.couchPrefix, variantId: variants[0]!.id, batchSize: 500 });
    let couch: Awaited<ReturnType<typeof couchTask>>;
    if (o.profileDir && r === 0) {
      const file = `${o.profileDir}/sync-${o.scope.couchPrefix}-couchdb.cpuprofile`;
      const p = await profile(page, file, couchTask);
      couch = p.result;
      o.log(`  CPU profile ${file}\n${summarize(p.profile, 12)}`);
    } else couch = await couchTask();
    await context.close();
    if (last!.docs !== raw.docs) o.log(`  note: the app synced ${last!.docs} documents, the raw pull returned ${raw.docs}`);
    runs.push({ docs: last!.docs, perCollection: last!.perCollection, sync, network: raw.ms, floor: floor.ms, couch: couch.ms, couchDocs: couch.docs });
    o.log(`  ${o.scope.label} run ${r + 1}/${o.runs}: ${last!.docs} docs; app ${variants.map((v) => `${v.id} ${Math.round(sync[v.id]!)} ms`).join(', ')}; raw pull ${Math.round(raw.ms)} ms; Dexie floor ${Math.round(floor.ms)} ms; CouchDB peer ${Math.round(couch.ms)} ms (${couch.docs} docs)`);
  }
  const docs = runs[0]!.docs;
  const floorMs = median(runs.map((x) => x.floor));
  const couchMs = median(runs.map((x) => x.couch));
  return {
    scope: o.scope.label,
    userName: o.scope.userName,
    docs,
    perCollection: runs[0]!.perCollection,
    runs,
    variants: variants.map((v) => {
      const ms = median(runs.map((x) => x.sync[v.id]!));
      return {
        ...v,
        ms: round(ms),
        docsPerSecond: Math.round(docs / (ms / 1000)),
        ratioToFloor: round(median(runs.map((x) => x.sync[v.id]! / x.floor)), 2),
        couchRatio: round(median(runs.map((x) => x.couch / x.sync[v.id]!)), 2),
      };
    }),
    floorMs: round(floorMs),
    floorDocsPerSecond: Math.round(docs / (floorMs / 1000)),
    networkMs: round(median(runs.map((x) => x.network))),
    couchMs: round(couchMs),
    couchDocsPerSecond: Math.round(runs[0]!.couchDocs / (couchMs / 1000)),
  };
}

export interface LiveSummary {
  edits: number;
  p50: number;
  p95: number;
  max: number;
  samples: number[];
}

export interface QuerySummary {
  customerFile: { visits: number; coldRuns: number[]; coldMedian: number; warmP50: number; warmP95: number };
  articleSearch: { articles: number; indexMs: number; searches: number; p50: number; p95: number; max: number };
}

/**
 * Two devices of one rep (two browser contexts, each with its own database and sync engine):
 * an edit saved on A, timed until B's live query shows it. Then, on A's synced database, the
 * customer file and article search.
 */
export async function measureLiveAndQueries(browser: Browser, pageUrl: string, o: {
  serverUrl: string; password: string; userName: string; liveCustomerId: string; busyCustomerId: string; edits: number; coldRuns: number;
  articleRounds: number; log: (s: string) => void;
}): Promise<{ live: LiveSummary; queries: QuerySummary }> {
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await openBenchPage(ctxA, pageUrl);
  const b = await openBenchPage(ctxB, pageUrl);
  const common = { serverUrl: o.serverUrl, userName: o.userName, password: o.password, variantId: 'app', keep: true };
  const [sa, sb] = await Promise.all([call(a, 'initialSync', common), call(b, 'initialSync', common)]);
  await call(b, 'watchCustomer', { session: sb.session, customerId: o.liveCustomerId });
  // The engines' first repair pass runs 2 s after connecting: let it finish before timing.
  await new Promise((r) => setTimeout(r, 4_000));
  const samples: number[] = [];
  const tag = Date.now().toString(36);
  for (let i = 0; i < o.edits; i++) {
    const notes = `bench live ${tag} #${i} 实时`;
    const arrived = call(b, 'arrival', { notes, timeoutMs: 15_000 });
    const sent = await call(a, 'editCustomer', { session: sa.session, customerId: o.liveCustomerId, notes });
    samples.push((await arrived) - sent);
    await new Promise((r) => setTimeout(r, 100));
  }
  const live: LiveSummary = { edits: samples.length, p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), max: round(Math.max(...samples)), samples: samples.map((x) => round(x, 2)) };
  o.log(`  live change: ${samples.length} edits, p50 ${live.p50} ms, p95 ${live.p95} ms`);
  await ctxB.close();

  // Customer file: cold (a fresh page opening the local database, as after a restart), then warm.
  const name = await call(a, 'dbName', { session: sa.session });
  await call(a, 'closeSession', { session: sa.session });
  const coldRuns: number[] = [];
  let visits = 0;
  for (let r = 0; r < o.coldRuns; r++) {
    await a.reload();
    await a.waitForSelector('body[data-ready="true"]');
    const session = await call(a, 'openLocal', { name, variantId: 'app' });
    const opened = await call(a, 'openCustomerFile', { session, customerId: o.busyCustomerId });
    coldRuns.push(opened.ms);
    visits = opened.visits;
    await call(a, 'closeSession', { session });
  }
  await a.reload();
  await a.waitForSelector('body[data-ready="true"]');
  const session = await call(a, 'openLocal', { name, variantId: 'app' });
  const warm: number[] = [];
  for (let r = 0; r < 30; r++) warm.push((await call(a, 'openCustomerFile', { session, customerId: o.busyCustomerId })).ms);
  const art = await call(a, 'articleSearch', { session, rounds: o.articleRounds });
  await ctxA.close();
  const queries: QuerySummary = {
    customerFile: { visits, coldRuns: coldRuns.map((x) => round(x, 2)), coldMedian: round(median(coldRuns), 2), warmP50: round(percentile(warm, 50), 2), warmP95: round(percentile(warm, 95), 2) },
    articleSearch: { articles: art.articles, indexMs: round(art.indexMs), searches: art.samples.length, p50: round(percentile(art.samples, 50), 2), p95: round(percentile(art.samples, 95), 2), max: round(Math.max(...art.samples), 2) },
  };
  o.log(`  customer file (${visits} visits): cold median ${queries.customerFile.coldMedian} ms, warm p50 ${queries.customerFile.warmP50} ms`);
  o.log(`  article search (${art.articles} articles, in Chromium): p50 ${queries.articleSearch.p50} ms, p95 ${queries.articleSearch.p95} ms`);
  return { live, queries };
}

export interface CustomerSearchSummary {
  customers: number;
  readMs: number;
  indexMs: number;
  searches: number;
  p50: number;
  p95: number;
  max: number;
  chinese: { n: number; p50: number; p95: number };
  latin: { n: number; p50: number; p95: number };
}

export async function measureCustomerSearch(browser: Browser, pageUrl: string, o: {
  serverUrl: string; adminUserName: string; password: string; rounds: number;
}): Promise<CustomerSearchSummary> {
  const context = await browser.newContext();
  const page = await openBenchPage(context, pageUrl);
  const r = await call(page, 'customerSearch', { serverUrl: o.serverUrl, userName: o.adminUserName, password: o.password, variantId: 'app', rounds: o.rounds });
  await context.close();
  const part = (xs: number[]) => ({ n: xs.length, p50: round(percentile(xs, 50), 2), p95: round(percentile(xs, 95), 2) });
  return {
    customers: r.customers, readMs: round(r.readMs), indexMs: round(r.indexMs), searches: r.samples.length,
    p50: round(percentile(r.samples, 50), 2), p95: round(percentile(r.samples, 95), 2), max: round(Math.max(...r.samples), 2),
    chinese: part(r.chinese), latin: part(r.latin),
  };
}
