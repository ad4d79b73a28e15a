/** The Markdown table of a benchmark run (bench/results/<mode>.md). */
import type { Machine } from '../lib/machine';
import type { OrgSize } from '../org/benchOrg';
import type { CustomerSearchSummary, LiveSummary, QuerySummary, SyncSummary } from './browserBench';
import type { ColdStartSummary } from './coldStart';

export interface Results {
  mode: 'quick' | 'full';
  scaledDown: string | null;
  machine: Machine;
  org: { size: OrgSize; docs: Record<string, number>; seedSeconds: number };
  runs: number;
  initialSync: SyncSummary[];
  live: LiveSummary;
  queries: QuerySummary;
  customerSearch: CustomerSearchSummary;
  coldStart: ColdStartSummary;
  faqSearch: unknown;
  dashboards: unknown;
  serverLoad: unknown;
  finishedAt: string;
}

const n = (x: number) => x.toLocaleString('en-US');
const ok = (met: boolean) => (met ? 'met' : '**missed**');

export function renderMarkdown(r: Results): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`# Fieldbook benchmarks (${r.mode})`, '');
  if (r.scaledDown) lines.push(`> QUICK RUN: ${r.scaledDown}. Not comparable with the full run's absolute numbers.`, '');
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}; Node ${m.node}; ${m.chromium}; load average at start ${m.loadAverageAtStart.join(' / ')} (1/5/15 min). Started ${m.startedAt}.`,
    '',
    `Organisation: ${r.org.size.reps} reps in ${r.org.size.teams} teams, ${n(r.org.docs.customers ?? 0)} customers, ${n(r.org.docs.visits ?? 0)} visits, ${n(r.org.docs.feedback ?? 0)} feedback items, ${n(r.org.docs.articles ?? 0)} knowledge articles (Chinese and English), seeded in ${r.org.seedSeconds} s. Medians of ${r.runs} runs; ratios are taken within each run, then the median.`,
    '',
    '| Measurement | Result | Target | |',
    '|---|---|---|---|',
  );
  for (const s of r.initialSync) {
    for (const v of s.variants) {
      lines.push(`| Initial sync, ${s.scope} (${n(s.docs)} docs), ${v.label} | ${n(Math.round(v.ms))} ms, ${n(v.docsPerSecond)} docs/s | | |`);
      lines.push(`| &nbsp;&nbsp;vs IndexedDB floor (Dexie bulkPut ${n(Math.round(s.floorMs))} ms, ${n(s.floorDocsPerSecond)} docs/s) | ${v.ratioToFloor}× the floor | ≤ 1.6× | ${ok(v.ratioToFloor <= 1.6)} |`);
      lines.push(`| &nbsp;&nbsp;vs CouchDB peer (RxDB CouchDB replication from PouchDB server, ${n(Math.round(s.couchMs))} ms, ${n(s.couchDocsPerSecond)} docs/s) | ${v.couchRatio}× faster | ≥ 3× | ${ok(v.couchRatio >= 3)} |`);
    }
    lines.push(`| &nbsp;&nbsp;network and server alone (plain fetch of the same pages, nothing stored) | ${n(Math.round(s.networkMs))} ms | | |`);
  }
  const cs = r.customerSearch;
  const q = r.queries;
  lines.push(
    `| Live change, edit on one client visible on another (${r.live.edits} edits) | p50 ${r.live.p50} ms, p95 ${r.live.p95} ms | p50 ≤ 150 ms | ${ok(r.live.p50 <= 150)} |`,
    `| Customer search as you type, ${n(cs.customers)} customers (${cs.searches} searches; Chinese p95 ${cs.chinese.p95} ms, Latin p95 ${cs.latin.p95} ms) | p50 ${cs.p50} ms, p95 ${cs.p95} ms | p95 ≤ 30 ms | ${ok(cs.p95 <= 30)} |`,
    `| Open a customer file with ${q.customerFile.visits} visits (all its queries; first open after a restart) | ${q.customerFile.coldMedian} ms (again: p50 ${q.customerFile.warmP50} ms) | | |`,
    `| Article search in Chromium, ${n(q.articleSearch.articles)} articles (${q.articleSearch.searches} searches) | p50 ${q.articleSearch.p50} ms, p95 ${q.articleSearch.p95} ms | p95 ≤ 50 ms | ${ok(q.articleSearch.p95 <= 50)} |`,
  );
  const faq = r.faqSearch as { articles?: number; p50?: number; p95?: number } | null;
  if (faq?.p95 !== undefined) lines.push(`| Article search in Node (bench:search), ${n(faq.articles ?? 0)} articles | p50 ${(faq.p50 ?? 0).toFixed(2)} ms, p95 ${faq.p95.toFixed(2)} ms | p95 ≤ 50 ms | ${ok(faq.p95 <= 50)} |`);
  lines.push(`| Cold start to the customer list painted from local data (${n(r.coldStart.customers)} customers) | ${r.coldStart.medianPainted} ms | ≤ 800 ms | ${ok(r.coldStart.medianPainted <= 800)} |`);
  const dash = r.dashboards as { dashboards?: { name: string; cpu: number; wall: number }[] } | null;
  for (const d of dash?.dashboards ?? []) lines.push(`| Dashboard (bench:dashboards): ${d.name} | ${d.cpu} ms CPU, ${d.wall} ms wall | < 1000 ms | ${ok(d.cpu < 1000)} |`);
  const load = r.serverLoad as { markdown?: string } | null;
  if (load?.markdown) lines.push(load.markdown.trim());
  lines.push('');
  lines.push('Per-collection documents of each initial sync:', '');
  for (const s of r.initialSync) lines.push(`- ${s.scope} (${s.userName}): ${Object.entries(s.perCollection).filter(([, c]) => c > 0).map(([k, c]) => `${k} ${n(c)}`).join(', ')}`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}
