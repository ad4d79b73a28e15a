/** Latency statistics of the server-load benchmark: per run, and medians over runs. */
import { REQUEST_KINDS, type RequestKind, type RunResult } from './clients';

export interface LatencySummary {
  count: number;
  /** Requests per second over the run. */
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export interface RunSummary {
  durationS: number;
  overall: LatencySummary;
  kinds: Record<RequestKind, LatencySummary>;
  errors: number;
  errorsByKind: Record<string, number>;
  conflicts: number;
  refused: number;
  streamEvents: number;
  streamDocs: number;
  streamDrops: number;
  /** CPU time the server process used during the run, per request answered (noise-robust, unlike latency). */
  serverCpuMsPerRequest: number;
  /** The same for PostgreSQL's processes (0 for SQLite, which runs inside the server). */
  dbCpuMsPerRequest: number;
  /** Share of one core the server process used during the run. */
  serverCpuShare: number;
  clientCpuShare: number;
  /** 1-minute load average of the machine at the end of the run. */
  loadAverage: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function summarise(samples: readonly number[], durationS: number): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const values = Array.from(sorted);
  return { count: values.length, perSecond: values.length / durationS, p50: percentile(values, 50), p99: percentile(values, 99), max: values[values.length - 1] ?? 0 };
}

export function summariseRun(result: RunResult, durationS: number, server: { cpuMs: number; dbCpuMs: number; loadAverage: number }): RunSummary {
  const all: number[] = [];
  for (const kind of REQUEST_KINDS) for (const v of result.samples[kind]) all.push(v);
  const kinds = Object.fromEntries(REQUEST_KINDS.map((k) => [k, summarise(result.samples[k], durationS)])) as Record<RequestKind, LatencySummary>;
  return {
    durationS,
    overall: summarise(all, durationS),
    kinds,
    errors: Object.values(result.errors).reduce((a, b) => a + b, 0),
    errorsByKind: result.errors,
    conflicts: result.conflicts,
    refused: result.refused,
    streamEvents: result.streamEvents,
    streamDocs: result.streamDocs,
    streamDrops: result.streamDrops,
    serverCpuMsPerRequest: server.cpuMs / Math.max(1, all.length),
    dbCpuMsPerRequest: server.dbCpuMs / Math.max(1, all.length),
    serverCpuShare: server.cpuMs / (durationS * 1000),
    clientCpuShare: result.clientCpuMs / (durationS * 1000),
    loadAverage: server.loadAverage,
  };
}

/** The median of every figure over the runs; errors are added up (any error counts). */
export function medianOfRuns(runs: readonly RunSummary[]): RunSummary {
  const med = (pick: (r: RunSummary) => LatencySummary): LatencySummary => ({
    count: median(runs.map((r) => pick(r).count)),
    perSecond: median(runs.map((r) => pick(r).perSecond)),
    p50: median(runs.map((r) => pick(r).p50)),
    p99: median(runs.map((r) => pick(r).p99)),
    max: Math.max(...runs.map((r) => pick(r).max)),
  });
  const errorsByKind: Record<string, number> = {};
  for (const r of runs) for (const [k, n] of Object.entries(r.errorsByKind)) errorsByKind[k] = (errorsByKind[k] ?? 0) + n;
  const total = (pick: (r: RunSummary) => number): number => runs.reduce((a, r) => a + pick(r), 0);
  return {
    durationS: median(runs.map((r) => r.durationS)),
    overall: med((r) => r.overall),
    kinds: Object.fromEntries(REQUEST_KINDS.map((k) => [k, med((r) => r.kinds[k])])) as Record<RequestKind, LatencySummary>,
    errors: total((r) => r.errors),
    errorsByKind,
    conflicts: total((r) => r.conflicts),
    refused: total((r) => r.refused),
    streamEvents: total((r) => r.streamEvents),
    streamDocs: total((r) => r.streamDocs),
    streamDrops: total((r) => r.streamDrops),
    serverCpuMsPerRequest: median(runs.map((r) => r.serverCpuMsPerRequest)),
    dbCpuMsPerRequest: median(runs.map((r) => r.dbCpuMsPerRequest)),
    serverCpuShare: median(runs.map((r) => r.serverCpuShare)),
    clientCpuShare: median(runs.map((r) => r.clientCpuShare)),
    loadAverage: median(runs.map((r) => r.loadAverage)),
  };
}
