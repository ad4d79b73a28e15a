import { fork, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { HostCommand, HostProgress, HostReply } from './hostProtocol';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Bundles test/sync/clientHost.ts (the app's replication code, RxDB and all) into one ES module
 * in `outDir`. A host then starts in a fraction of a second; through tsx, each of them would
 * spend seconds of CPU compiling and resolving hundreds of files, on a 2-core machine.
 */
export async function buildClientHost(outDir: string): Promise<string> {
  const outfile = join(outDir, 'clientHost.mjs');
  await build({
    entryPoints: [resolve(ROOT, 'test/sync/clientHost.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // CommonJS dependencies inside an ES module bundle call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return outfile;
}

/** Host processes still running: killed if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A client host process (the bundled test/sync/clientHost.ts) and a typed request/answer channel to it. */
export class ClientHostProcess {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private log = '';
  private exited = false;
  progress: ((client: string, done: number) => void) | null = null;

  constructor(readonly label: string, bundle: string) {
    this.child = fork(bundle, [], {
      cwd: ROOT,
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    running.add(this.child);
    this.child.stdout?.setEncoding('utf8').on('data', (text: string) => this.append(text));
    this.child.stderr?.setEncoding('utf8').on('data', (text: string) => this.append(text));
    this.child.on('message', (message: HostReply | HostProgress) => {
      if ('progress' in message) {
        this.progress?.(message.progress.client, message.progress.done);
        return;
      }
      const waiter = this.pending.get(message.reqId);
      if (!waiter) return;
      this.pending.delete(message.reqId);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(`${label}: ${message.error}`));
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      running.delete(this.child);
      for (const waiter of this.pending.values()) waiter.reject(new Error(`${label} exited (code ${code}, signal ${signal})\n${this.output().slice(-3000)}`));
      this.pending.clear();
    });
  }

  private append(text: string): void {
    // Keep the tail only: a long run must not grow without bound.
    this.log = (this.log + text).slice(-200_000);
  }

  output(): string {
    return this.log;
  }

  call<T>(command: HostCommand, timeoutMs = 120_000): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.label} is not running`));
    const reqId = this.nextId++;
    return new Promise<T>((res, rej) => {
      const timer = setTimeout(() => {
        this.pending.delete(reqId);
        rej(new Error(`${this.label}: "${command.cmd}" took more than ${timeoutMs} ms\n${this.output().slice(-3000)}`));
      }, timeoutMs);
      this.pending.set(reqId, {
        resolve: (value) => {
          clearTimeout(timer);
          res(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          rej(error);
        },
      });
      this.child.send({ ...command, reqId });
    });
  }

  /** Asks the host to close its clients and exit; kills it if it does not. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((res) => this.child.once('exit', () => res()));
    this.call({ cmd: 'close' }, 5_000).catch(() => undefined);
    const timer = setTimeout(() => this.kill(), 5_000);
    await gone;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
