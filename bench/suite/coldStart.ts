/**
 * Cold start of the real app (the `--mode e2e` production build): signed in, with the local
 * database synced, the page is loaded again and timed from navigation start until the first
 * customer row is in the DOM and the frame after it (painted). The times are taken in the
 * page: an init script watches the DOM with a MutationObserver.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { median, round } from '../lib/stats';
import { inclusive, profile, summarize } from '../lib/cpuProfile';

const ROW = '[role="list"] [role="listitem"] a[href*="#/customers/"]';

/**
 * Runs in the page before any of its scripts. A string, not a function: the TypeScript loader
 * would add helpers to a function's source that do not exist in the page.
 */
const WATCH_FIRST_ROW = `(() => {
  const state = (window.__coldStart = {});
  const observer = new MutationObserver(() => {
    if (state.dom !== undefined || !document.querySelector(${JSON.stringify(ROW)})) return;
    state.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { state.painted = performance.now(); });
  });
  observer.observe(document, { subtree: true, childList: true });
})();`;

export interface ColdStartSummary {
  runs: { dom: number; painted: number; domContentLoaded: number }[];
  medianPainted: number;
  medianDom: number;
  medianDomContentLoaded: number;
  customers: number;
}

export async function measureColdStart(browser: Browser, appUrl: string, o: {
  serverUrl: string; userName: string; password: string; runs: number; log: (s: string) => void;
  /** Also writes a CPU profile of one more cold start here, and prints where its time went. */
  profileDir?: string;
}): Promise<ColdStartSummary> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 820 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  [app error] ${e.message}`));
  await page.goto(appUrl);
  await page.getByRole('textbox', { name: '用户名' }).fill(o.userName);
  await page.getByLabel('密码', { exact: true }).fill(o.password);
  await page.getByRole('textbox', { name: '服务器地址' }).fill(o.serverUrl);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('sync-status').waitFor();
  for (let i = 0; i < 600 && (await page.getByTestId('sync-status').getAttribute('data-state')) !== 'synced'; i++) await page.waitForTimeout(200);
  const state = await page.getByTestId('sync-status').getAttribute('data-state');
  if (state !== 'synced') throw new Error(`cold start: the app did not finish its first sync (state ${state})`);
  await page.goto(`${appUrl}#/customers`);
  await page.locator(ROW).first().waitFor();
  const customers = Number((await page.getByText(/\d+ 位客户/).first().innerText()).match(/\d+/)?.[0] ?? 0);
  await page.close();

  await context.addInitScript(WATCH_FIRST_ROW);
  const runs: ColdStartSummary['runs'] = [];
  for (let r = 0; r < o.runs + 1; r++) {
    const p = await context.newPage();
    await p.goto(`${appUrl}#/customers`);
    await p.locator(ROW).first().waitFor({ timeout: 30_000 });
    await p.waitForFunction(() => (window as unknown as { __coldStart?: { painted?: number } }).__coldStart?.painted !== undefined);
    const t = await p.evaluate(() => {
      const w = window as unknown as { __coldStart: { dom: number; painted: number } };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { dom: w.__coldStart.dom, painted: w.__coldStart.painted, domContentLoaded: nav?.domContentLoadedEventEnd ?? 0 };
    });
    await p.close();
    // The first load after sign-in warms the HTTP and service-worker caches as an installed app has them: not counted.
    if (r > 0) runs.push({ dom: round(t.dom), painted: round(t.painted), domContentLoaded: round(t.domContentLoaded) });
  }
  if (o.profileDir) {
    const p = await context.newPage();
    const { profile: cpu } = await profile(p, join(o.profileDir, 'cold-start.cpuprofile'), async () => {
      await p.goto(`${appUrl}#/customers`);
      await p.locator(ROW).first().waitFor({ timeout: 30_000 });
    });
    o.log(`  cold start profile (${join(o.profileDir, 'cold-start.cpuprofile')}):\n${summarize(cpu)}\n${inclusive(cpu)}`);
    await p.close();
  }
  await context.close();
  const summary = {
    runs,
    medianPainted: round(median(runs.map((x) => x.painted))),
    medianDom: round(median(runs.map((x) => x.dom))),
    medianDomContentLoaded: round(median(runs.map((x) => x.domContentLoaded))),
    customers,
  };
  o.log(`  cold start (${customers} customers): list painted after ${summary.medianPainted} ms (median of ${runs.length}; DOMContentLoaded ${summary.medianDomContentLoaded} ms)`);
  return summary;
}
