import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A private, throw-away PostgreSQL cluster for tests: fresh temp dir, free port on 127.0.0.1,
 * unix socket inside the temp dir, trust auth, database `fieldbook_test`. Works as root (runs
 * the binaries as `postgres` through runuser) and as an ordinary user.
 * Binaries: $PG_BIN, else the newest /usr/lib/postgresql/<n>/bin, else PATH.
 */
export interface TestPostgres {
  url: string;
  /** Creates another empty database in the cluster and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

function pgBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  return '';
}

function run(cmd: string, args: string[], opts: { cwd: string; asPostgres: boolean; timeoutMs?: number }): Promise<string> {
  const [file, argv] = opts.asPostgres ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    execFile(file, argv, { cwd: opts.cwd, timeout: opts.timeoutMs ?? 60_000, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function postgresIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root needs a `postgres` system user to run the test cluster');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = pgBinDir();
  const tool = (name: string): string => (bin ? join(bin, name) : name);
  const asPostgres = userInfo().uid === 0;
  // /tmp rather than a private TMPDIR: the postgres user must be able to reach the directory.
  const dir = mkdtempSync(join(asPostgres ? '/tmp' : tmpdir(), 'fieldbook-pg-'));
  const data = join(dir, 'data');
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    chmodSync(dir, 0o700);
    if (asPostgres) {
      const { uid, gid } = postgresIds();
      chownSync(dir, uid, gid);
    }
    const opts = { cwd: dir, asPostgres };
    await run(tool('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], opts);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
      try {
        await run(tool('pg_ctl'), ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'], opts);
        break;
      } catch (err) {
        if (attempt >= 3) throw err; // the port may have been taken in between: try another
      }
    }
    const stop = async (): Promise<void> => {
      try {
        await run(tool('pg_ctl'), ['-D', data, 'stop', '-m', 'immediate', '-w'], opts);
      } finally {
        remove();
      }
    };
    try {
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query('CREATE DATABASE fieldbook_test');
      } finally {
        await admin.end();
      }
    } catch (err) {
      await stop().catch(() => undefined);
      throw err;
    }
    const url = `postgres://postgres@127.0.0.1:${port}/fieldbook_test`;
    const createDatabase = async (name: string): Promise<string> => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url.replace(/\/[^/]*$/, `/${name}`);
    };
    return { url, createDatabase, stop };
  } catch (err) {
    remove();
    throw err;
  }
}
