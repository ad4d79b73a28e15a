/**
 * Chrome DevTools CPU profiles of a page (through Playwright's CDP session), and a summary of
 * where the time went: self time per function and per script, heaviest first.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Profiles `task` in `page`; the .cpuprofile opens in Chrome DevTools' Performance panel. */
export async function profile<T>(page: Page, file: string, task: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await task();
  const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  writeFileSync(file, JSON.stringify(p));
  return { result, profile: p };
}

/** Self time (ms) by function and by script, heaviest first. */
export function summarize(p: CpuProfile, top = 25): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const fn = new Map<string, number>();
  const script = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    const file = f.url.split('/').pop() || '(native)';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + ms);
    script.set(file, (script.get(file) ?? 0) + ms);
  }
  const total = (p.endTime - p.startTime) / 1000;
  const rows = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `  ${ms.toFixed(1).padStart(9)} ms  ${k}`);
  return [`profile: ${total.toFixed(0)} ms`, 'by script:', ...rows(script).slice(0, 8), 'by function (self):', ...rows(fn)].join('\n');
}

/** Self time of the functions named `natives` (e.g. IndexedDB's put), by the chain of script frames that called them. */
export function callersOf(p: CpuProfile, natives: readonly string[], depth = 4, top = 15): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const chains = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    if (!natives.includes(f.functionName) || f.url) continue;
    const names: string[] = [];
    for (let at = parent.get(id); at !== undefined && names.length < depth; at = parent.get(at)) {
      const cf = byId.get(at)!.callFrame;
      if (cf.url) names.push(`${cf.functionName || '(anon)'}:${cf.lineNumber + 1}`);
    }
    const key = `${f.functionName} <- ${names.join(' <- ')}`;
    chains.set(key, (chains.get(key) ?? 0) + ms);
  }
  return [...chains.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `  ${ms.toFixed(1).padStart(9)} ms  ${k}`).join('\n');
}

/** Inclusive time (ms) per script function: samples whose stack contains it (each counted once per sample). */
export function inclusive(p: CpuProfile, top = 40): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (!f.url) continue;
      const key = `${f.functionName || '(anon)'}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `  ${ms.toFixed(1).padStart(9)} ms  ${k}`).join('\n');
}
