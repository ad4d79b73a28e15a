import { expect, test, type Page } from '@playwright/test';
import type { FieldbookTestHooks } from '../../renderer/src/testing/testHooks';
import { DEMO_PASSWORD, asAdmin, openApp } from './fixtures';
import { goOffline, openTeam } from './teamFixtures';

type TestWindow = Window & { fieldbookTest?: FieldbookTestHooks };

/**
 * Speed of the manager dashboards in Chromium with a big team on the manager's computer:
 * 20 reps, 10,000 customers and 100,000 visits (seeded PRNG, written into the local
 * database through the test hook, offline so nothing is pushed). Measures the time from
 * opening a dashboard to its chart being painted, cold (after a restart: read from IndexedDB)
 * and warm (switching between dashboards), and prints the numbers.
 */

test.use({ timezoneId: 'UTC', locale: 'en-US' });

const REPS = 20;
const CUSTOMERS = 10_000;
const VISITS = 100_000;
const BUDGET_MS = 1000;

/** Fills the signed-in user's local database in the page (generating there: no 30 MB over the wire). */
async function seedBigTeam(page: Page, repIds: string[], territoryIds: string[]): Promise<void> {
  await page.evaluate(async ({ repIds, territoryIds, customers, visits }) => {
    let a = 12345;
    const random = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const now = Date.now();
    const meta = { createdAt: new Date(now).toISOString(), updatedAt: new Date(now).toISOString(), createdBy: 'perf', updatedBy: 'perf' };
    const tiers = ['A', 'B', 'B', 'C', 'C', 'C', 'D', 'D', 'D', 'D'] as const;
    const hooks = (window as TestWindow).fieldbookTest!;
    const perRep = customers / repIds.length;
    const customerDocs = Array.from({ length: customers }, (_, i) => {
      const r = Math.floor(i / perRep);
      const tier = tiers[Math.floor(random() * tiers.length)]!;
      return {
        id: `perf-c-${i}`, code: `PERF-${i}`, name: `Perf customer ${i}`, type: 'hcp', territoryId: territoryIds[r]!, ownerId: repIds[r]!,
        assessment: { tier, annualSales: Math.round((tier === 'A' ? 2e6 : tier === 'B' ? 6e5 : tier === 'C' ? 1.5e5 : 3e4) * (0.5 + random())), ...(random() < 0.5 ? { potentialValue: Math.round(random() * 1e6) } : {}) },
        ...meta,
      };
    });
    for (let i = 0; i < customerDocs.length; i += 5000) await hooks.insertDocs('customers', customerDocs.slice(i, i + 5000));
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    for (let start = 0; start < visits; start += 10_000) {
      const batch = [];
      for (let i = start; i < Math.min(visits, start + 10_000); i++) {
        const r = i % repIds.length;
        const c = customerDocs[r * perRep + Math.floor(random() * perRep)]!;
        const at = now - Math.floor(random() * 365 * 86_400_000);
        const submitted = random() < 0.9;
        batch.push({
          id: `perf-v-${i}`, customerId: c.id, territoryId: c.territoryId, repId: repIds[r]!, kind: 'visit', status: submitted ? 'submitted' : 'draft',
          startAt: new Date(at).toISOString(), ...(submitted ? { submittedAt: new Date(at).toISOString() } : {}),
          ...(random() < 0.3 ? { followUpDate: day(at + (7 + Math.floor(random() * 21)) * 86_400_000) } : {}),
          ...(random() < 0.2 ? { cost: { amount: Math.round(random() * 500), currency: 'CNY' } } : {}),
          ...meta,
        });
      }
      await hooks.insertDocs('visits', batch);
    }
  }, { repIds, territoryIds, customers: CUSTOMERS, visits: VISITS });
}

/** Milliseconds from opening `hash` to the first frame painted with the chart's bars (or lines) in it. */
async function timeToChart(page: Page, open: () => Promise<void>, chartTestId: string): Promise<number> {
  await page.evaluate((id) => {
    const w = window as unknown as { __chartPainted?: Promise<number>; __t0?: number };
    w.__t0 = performance.now();
    w.__chartPainted = new Promise<number>((resolve) => {
      const check = () => {
        const chart = document.querySelector(`[data-testid="${id}"]`);
        if (chart && chart.querySelector('.MuiBarElement-root, .MuiLineElement-root, .MuiAreaElement-root')) {
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - w.__t0!)));
          return true;
        }
        return false;
      };
      if (check()) return;
      const observer = new MutationObserver(() => check() && observer.disconnect());
      observer.observe(document.body, { childList: true, subtree: true });
    });
  }, chartTestId);
  await open();
  return page.evaluate(() => (window as unknown as { __chartPainted: Promise<number> }).__chartPainted);
}

test('dashboards of 20 reps, 10,000 customers and 100,000 visits paint in under a second', async ({ page, context }) => {
  test.setTimeout(900_000);
  const s = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const manager = { userName: `mgr.perf.${s}`, password: DEMO_PASSWORD, territoryId: '' };
  await asAdmin('/api/admin/users', { userName: manager.userName, displayName: 'Perf Manager', password: DEMO_PASSWORD, roles: ['manager'], territoryIds: [] });
  const repIds: string[] = [];
  const territoryIds: string[] = [];
  for (let i = 0; i < REPS; i++) {
    const territoryId = `t-perf-${s}-${i}`;
    await asAdmin('/api/admin/territories', { id: territoryId, name: `Perf ${i}` });
    const rep = await asAdmin<{ id: string }>('/api/admin/users', { userName: `rep.perf.${s}.${i}`, displayName: `Perf Rep ${String(i + 1).padStart(2, '0')}`, password: DEMO_PASSWORD, roles: ['rep'], territoryIds: [territoryId], managerUserName: manager.userName });
    repIds.push(rep.id);
    territoryIds.push(territoryId);
  }
  await openApp(page, 'en', manager);
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('synced');
  await goOffline(page, context);

  const seedStart = Date.now();
  await seedBigTeam(page, repIds, territoryIds);
  console.log(`Seeded ${CUSTOMERS} customers and ${VISITS} visits into IndexedDB in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  // Cold: a fresh start of the app, then the team overview (the workspace chunk, 110,000 documents from IndexedDB, reports, charts).
  await page.reload();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Team', exact: true })).toBeVisible({ timeout: 30_000 });
  const cold = await timeToChart(page, () => page.getByRole('navigation').getByRole('link', { name: 'Team', exact: true }).click(), 'chart-visits');
  await expect(page.getByTestId('kpi').first()).toBeVisible();

  // Warm: switching between the dashboards (the data stays in memory while the workspace is open).
  const runs: Record<string, number[]> = { overview: [], value: [], activities: [] };
  for (let i = 0; i < 5; i++) {
    runs.value!.push(await timeToChart(page, () => page.getByRole('tab', { name: 'Customer value' }).click(), 'chart-pareto'));
    runs.overview!.push(await timeToChart(page, () => page.getByRole('tab', { name: 'Overview' }).click(), 'chart-visits'));
  }
  await openTeam(page, 'en');
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log(`Team overview, cold (restart, read from IndexedDB): ${cold.toFixed(0)} ms`);
  for (const [name, xs] of Object.entries(runs)) if (xs.length) console.log(`${name}, warm: median ${median(xs).toFixed(0)} ms of [${xs.map((x) => x.toFixed(0)).join(', ')}]`);
  expect(median(runs.overview!)).toBeLessThan(BUDGET_MS);
  expect(median(runs.value!)).toBeLessThan(BUDGET_MS);
});
