/**
 * Dashboard benchmark: the report functions of the manager workspace over a team of 20 reps,
 * 10,000 customers and 100,000 visits (seeded, the same every run). Each dashboard's
 * computations are timed cold (a fresh visit index and day cache, as on the first render);
 * the median of RUNS runs is reported and must stay under the 1 s budget.
 *
 * Each step is timed twice: wall clock, and the CPU time of this process (user + system, all
 * threads, so garbage collection on helper threads counts too). The budget is checked on CPU
 * time: the reports run on one thread, so on an idle computer the wall time is the CPU time,
 * while on a shared, busy machine (a CI runner, several test suites at once) the wall time
 * also counts the time spent waiting for a core and says nothing about the code. Both are
 * printed, with the load average, so a reader can see which situation a run was in.
 *
 *   npm run bench:dashboards            (node --import tsx bench/dashboards.bench.ts)
 *   --json <file>                       also writes the medians as JSON (used by bench/run.ts)
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { activityEvaluation } from '../shared/reports/activities';
import { coverage } from '../shared/reports/coverage';
import { addDays, localDayOf } from '../shared/reports/days';
import { feedbackByProductAndKind } from '../shared/reports/feedback';
import { overdueFollowUps } from '../shared/reports/followUps';
import { openItems } from '../shared/reports/openItems';
import { DEFAULT_TIER_CONFIG, pareto, valueTiers } from '../shared/reports/valueTiers';
import { indexVisits } from '../shared/reports/visitIndex';
import { visitsPerRepPerWeek } from '../shared/reports/visitsPerWeek';
import { generateTeam } from './dashboardData';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUDGET_MS = 1000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

interface Timing {
  wall: number;
  cpu: number;
}

function time(fn: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const sum = (xs: Timing[]): Timing => ({ wall: xs.reduce((a, x) => a + x.wall, 0), cpu: xs.reduce((a, x) => a + x.cpu, 0) });

const started = performance.now();
const team = generateTeam();
console.log(`Generated ${team.repIds.length} reps, ${team.customers.length} customers, ${team.visits.length} visits, ${team.feedback.length} feedback in ${(performance.now() - started).toFixed(0)} ms`);

const asOf = team.asOf;
const from = addDays(asOf, -83); // 12 weeks
const steps: Record<string, Timing[]> = {};
const record = (name: string, timing: Timing) => (steps[name] ??= []).push(timing);

for (let run = 0; run < RUNS; run++) {
  const dayOf = localDayOf();
  let index!: ReturnType<typeof indexVisits>;
  const overview = [
    time(() => (index = indexVisits(team.visits, { asOf, dayOf }))),
    time(() => visitsPerRepPerWeek(index, { from, to: asOf, repIds: team.repIds })),
    time(() => coverage(team.customers, index, { tiers: ['A', 'B'], withinDays: 30, repIds: team.repIds })),
    time(() => overdueFollowUps(index)),
    time(() => feedbackByProductAndKind(team.feedback, { from, to: asOf, dayOf })),
    time(() => openItems({ questions: team.questions, feedback: team.feedback, adverseEvents: team.adverseEvents }, { repIds: team.repIds })),
  ];
  ['indexVisits', 'visitsPerRepPerWeek', 'coverage', 'overdueFollowUps', 'feedbackByProductAndKind', 'openItems'].forEach((n, i) => record(n, overview[i]!));
  record('overview dashboard (all of the above)', sum(overview));

  const value = time(() => pareto(valueTiers(team.customers, DEFAULT_TIER_CONFIG).ranked));
  record('value dashboard (valueTiers + pareto)', value);

  const dayOf2 = localDayOf();
  const activities = time(() => activityEvaluation(team.activities, indexVisits(team.visits, { asOf, dayOf: dayOf2 }), { feedback: team.feedback, comments: team.comments }, { dayOf: dayOf2 }));
  record('activities dashboard (indexVisits + activityEvaluation)', activities);
}

const cores = availableParallelism();
const load = loadavg()[0]!;
console.log(`\nMedian of ${RUNS} runs (ms); load average ${load.toFixed(1)} on ${cores} cores${load > cores ? ' (busy: wall times include waiting for a core)' : ''}:`);
console.log(`  ${'step'.padEnd(58)} ${'CPU'.padStart(8)} ${'wall'.padStart(8)}`);
let failed = false;
const dashboards: { name: string; cpu: number; wall: number }[] = [];
for (const [name, xs] of Object.entries(steps)) {
  const cpu = median(xs.map((x) => x.cpu));
  const wall = median(xs.map((x) => x.wall));
  const isDashboard = name.includes('dashboard');
  if (isDashboard) dashboards.push({ name, cpu: Math.round(cpu * 10) / 10, wall: Math.round(wall * 10) / 10 });
  if (isDashboard && cpu >= BUDGET_MS) failed = true;
  console.log(`  ${name.padEnd(58)} ${cpu.toFixed(1).padStart(8)} ${wall.toFixed(1).padStart(8)}${isDashboard ? (cpu < BUDGET_MS ? '  ok (< 1 s)' : '  OVER BUDGET') : ''}`);
}
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0 && process.argv[jsonAt + 1]) writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify({ runs: RUNS, loadAverage: load, cores, budgetMs: BUDGET_MS, dashboards }));
if (failed) {
  console.error(`\nA dashboard took ${BUDGET_MS} ms of CPU time or more.`);
  process.exitCode = 1;
}
