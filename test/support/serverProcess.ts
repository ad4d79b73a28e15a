import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The sync server as its own process, exactly as `npm run server` starts it:
 * `node_modules/.bin/tsx server/main.ts` with HOST/PORT/DATA_DIR/DATABASE_URL/FIELDBOOK_SECRET.
 * tsx runs the server in a child of its own, so the server is started in a new process group
 * and killed as a group (SIGKILL reaches the real server, not only the tsx wrapper).
 */
export interface ServerProcess {
  /** http://127.0.0.1:<port>; the same across restarts. */
  readonly url: string;
  readonly port: number;
  /** Process id of the current server process (of tsx's wrapper unless `nodeArgs` was given). */
  readonly pid: number | undefined;
  /** SIGKILL: no shutdown, no flush, in-flight requests get no answer. Resolves when the process is gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data. */
  restart(): Promise<void>;
  /**
   * Stops for good (SIGTERM, then SIGKILL after a grace period); safe to call twice. Resolves with
   * the exit code (null when killed by a signal, or when already stopped).
   */
  stop(): Promise<number | null>;
  /** Everything the server printed (for failure messages). */
  output(): string;
}

export interface ServerProcessOptions {
  dataDir: string;
  databaseUrl?: string;
  secret: string;
  /** 0 (default): any free port, kept for restarts. */
  port?: number;
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /**
   * Node options for the server (e.g. --cpu-prof, which NODE_OPTIONS refuses): the server then
   * runs as `node <nodeArgs> --import tsx server/main.ts` (npm run server), without tsx's wrapper.
   */
  nodeArgs?: string[];
  /** Runs this instead of `tsx server/main.ts`, e.g. the production bundle: [process.execPath, 'out/server/main.mjs']. */
  command?: readonly [string, ...string[]];
}

const ROOT = resolve(import.meta.dirname, '../..');
const LISTENING = /listening on (http:\/\/\S+)/;

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => child.once('exit', () => res()));
}

/** Signals the process group a server was started in (tsx wrapper and server); quiet when gone. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** Server process groups still running: killed if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const proc of running) killGroup(proc, 'SIGKILL');
});

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  let log = '';
  let child: ChildProcess | null = null;
  let port = options.port ?? 0;

  const launch = (): Promise<string> => {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: options.dataDir,
      FIELDBOOK_SECRET: options.secret,
      LOG_LEVEL: 'warn',
      // Test clients write at machine speed (the no-loss test: ~100 operations a second per user);
      // the per-user budgets have their own test (owasp.test.ts).
      USER_REQUESTS_PER_MINUTE: '1000000',
      USER_PUSHES_PER_MINUTE: '1000000',
      ...options.env,
    };
    delete env.FIELDBOOK_DEMO;
    if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
    else delete env.DATABASE_URL;
    const [command, ...args] = options.command ?? (options.nodeArgs
      ? [process.execPath, ...options.nodeArgs, '--import', 'tsx', 'server/main.ts']
      : [resolve(ROOT, 'node_modules/.bin/tsx'), 'server/main.ts']);
    const proc = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    running.add(proc);
    proc.once('exit', () => running.delete(proc));
    return new Promise<string>((res, rej) => {
      let stdout = '';
      const timer = setTimeout(() => fail(new Error(`server did not start within ${options.startTimeoutMs ?? 30_000} ms`)), options.startTimeoutMs ?? 30_000);
      function fail(error: Error): void {
        clearTimeout(timer);
        proc.off('exit', onEarlyExit);
        killGroup(proc, 'SIGKILL');
        rej(new Error(`${error.message}\n--- server output ---\n${log.slice(-4000)}`));
      }
      function onEarlyExit(code: number | null, signal: string | null): void {
        fail(new Error(`server exited before listening (code ${code}, signal ${signal})`));
      }
      proc.stdout?.setEncoding('utf8').on('data', (text: string) => {
        log += text;
        stdout += text;
        const match = LISTENING.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          proc.off('exit', onEarlyExit);
          stdout = '';
          res(match[1]);
        }
      });
      proc.stderr?.setEncoding('utf8').on('data', (text: string) => {
        log += text;
      });
      proc.once('exit', onEarlyExit);
    });
  };

  const url = await launch();
  port = Number(new URL(url).port);

  const kill = async (): Promise<void> => {
    const proc = child;
    if (!proc) return;
    child = null;
    killGroup(proc, 'SIGKILL');
    await waitForExit(proc);
  };

  return {
    url,
    port,
    get pid() {
      return (child as ChildProcess | null)?.pid;
    },
    kill,
    restart: async () => {
      await kill();
      for (let attempt = 1; ; attempt++) {
        try {
          const again = await launch();
          if (again !== url) throw new Error(`server came back on ${again}, expected ${url}`);
          return;
        } catch (error) {
          // The killed server's port can take a moment to be released.
          if (attempt >= 5 || !/EADDRINUSE/.test(String(error))) throw error;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    },
    stop: async () => {
      const proc = child;
      if (!proc) return null;
      child = null;
      killGroup(proc, 'SIGTERM');
      const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), 5_000);
      await waitForExit(proc);
      clearTimeout(timer);
      // The tsx wrapper may exit before the server: make sure nothing of the group stays.
      killGroup(proc, 'SIGKILL');
      return proc.exitCode;
    },
    output: () => log,
  };
}
