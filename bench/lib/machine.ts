import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem, platform, release } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  chromium: string;
  loadAverageAtStart: number[];
  startedAt: string;
}

/** What the numbers were measured on; the load average says how busy the machine was. */
export function describeMachine(chromiumPath: string): Machine {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as unknown; the browser's own version is filled in once it runs
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    startedAt: new Date().toISOString(),
  };
}
