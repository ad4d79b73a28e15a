import { isSyncedCollection, type SyncDoc } from '../shared/sync/protocol';
import { newId } from '../shared/util/ids';
import { nowIso } from '../shared/util/time';
import { ConfigError, readConfig } from './config';
import { seedDemo } from './demo/seedDemo';
import { createTerritory, createUser, OrgError, parseRoles, setPassword } from './org/org';
import { writeAsSystem } from './org/systemWrite';
import { createStore } from './store/createStore';
import type { AuditFilter, Store } from './store/types';

/**
 * Administration of the sync server: `npm run server:cli -- <command> ...`.
 * Uses the same DATA_DIR / DATABASE_URL as the server.
 */
const USAGE = `Usage: npm run server:cli -- <command> [options]

Commands:
  territory:create <id> <name>
  user:create <userName> --display <name> --password <pw> --roles rep[,manager,admin]
              [--territories t1,t2] [--manager <userName>]
  user:password <userName> <pw>
  customer:assign <customerCode> <territoryId>
  device:revoke <deviceId> [--user <userName>]
  audit [--collection c] [--doc id] [--user <userName>] [--after <id>] [--limit n] [--json]
  seed --demo

Environment: DATA_DIR (default ./.data), DATABASE_URL (PostgreSQL; default: SQLite in DATA_DIR).`;

class UsageError extends Error {
  override name = 'UsageError';
}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const BOOLEAN_FLAGS = new Set(['json', 'demo', 'help']);

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq > 0) flags.set(name, arg.slice(eq + 1));
      else if (BOOLEAN_FLAGS.has(name)) flags.set(name, true);
      else {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
        i++;
      }
    } else positional.push(arg);
  }
  return { positional, flags };
}

function flag(args: Args, name: string, required: true): string;
function flag(args: Args, name: string, required?: false): string | undefined;
function flag(args: Args, name: string, required = false): string | undefined {
  const value = args.flags.get(name);
  if (value === undefined) {
    if (required) throw new UsageError(`--${name} is required`);
    return undefined;
  }
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

function expectPositional(args: Args, count: number, what: string): string[] {
  if (args.positional.length !== count) throw new UsageError(`Expected ${what}`);
  return args.positional;
}

function checkFlags(args: Args, allowed: readonly string[]): void {
  for (const name of args.flags.keys()) if (!allowed.includes(name)) throw new UsageError(`Unknown option --${name}`);
}

async function findCustomersByCode(store: Store, code: string): Promise<SyncDoc<'customers'>[]> {
  const found: SyncDoc<'customers'>[] = [];
  let seq = 0;
  for (;;) {
    const rows = await store.pull('customers', seq, 1000, { all: true });
    for (const row of rows) {
      const doc = row.data as SyncDoc<'customers'>;
      if (doc.code === code && !doc._deleted) found.push(doc);
    }
    if (rows.length < 1000) return found;
    seq = rows[rows.length - 1]!.seq;
  }
}

async function run(command: string, args: Args, store: Store, out: (line: string) => void): Promise<void> {
  const clock = { now: nowIso, newId };
  switch (command) {
    case 'territory:create': {
      checkFlags(args, []);
      if (args.positional.length < 2) throw new UsageError('Expected: territory:create <id> <name>');
      const [id, ...name] = args.positional as [string, ...string[]];
      const t = await createTerritory(store, { id, name: name.join(' ') }, nowIso());
      out(`Created territory ${t.id} (${t.name})`);
      return;
    }
    case 'user:create': {
      checkFlags(args, ['display', 'password', 'roles', 'territories', 'manager']);
      const [userName] = expectPositional(args, 1, 'user:create <userName> --display ... --password ... --roles ...');
      const user = await createUser(store, {
        userName: userName as string,
        displayName: flag(args, 'display', true),
        password: flag(args, 'password', true),
        roles: parseRoles(flag(args, 'roles', true)),
        territoryIds: (flag(args, 'territories') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        managerUserName: flag(args, 'manager') ?? null,
      }, clock);
      out(`Created user ${user.userName} (${user.id}), roles ${user.roles.join(',')}, territories ${user.territoryIds.join(',') || '-'}`);
      return;
    }
    case 'user:password': {
      checkFlags(args, []);
      const [userName, password] = expectPositional(args, 2, 'user:password <userName> <password>');
      await setPassword(store, userName as string, password as string, nowIso());
      out(`Password of ${userName} changed (existing sessions stay signed in; revoke devices to sign them out)`);
      return;
    }
    case 'customer:assign': {
      checkFlags(args, []);
      const [code, territoryId] = expectPositional(args, 2, 'customer:assign <customerCode> <territoryId>') as [string, string];
      if (!(await store.listTerritories()).some((t) => t.id === territoryId)) throw new OrgError(`Unknown territory "${territoryId}"`);
      const matches = await findCustomersByCode(store, code);
      if (matches.length === 0) throw new OrgError(`No customer with code "${code}"`);
      if (matches.length > 1) throw new OrgError(`${matches.length} customers have code "${code}": ${matches.map((c) => c.id).join(', ')}`);
      const customer = matches[0]!;
      // The owner follows the territory when it has exactly one active rep.
      const reps = (await store.listUsers()).filter((u) => u.active && u.roles.includes('rep') && u.territoryIds.includes(territoryId));
      const ownerId = reps.length === 1 ? reps[0]!.id : customer.ownerId;
      const written = await writeAsSystem(store, 'customers', [{ ...customer, territoryId, ownerId }], nowIso());
      out(written > 0 ? `Customer ${code} (${customer.name}) moved from ${customer.territoryId} to ${territoryId}` : `Customer ${code} is already in ${territoryId}`);
      return;
    }
    case 'device:revoke': {
      checkFlags(args, ['user']);
      const [deviceId] = expectPositional(args, 1, 'device:revoke <deviceId> [--user <userName>]');
      const userName = flag(args, 'user');
      let userId: string | null = null;
      if (userName) {
        const user = await store.getUserByName(userName.toLowerCase());
        if (!user) throw new OrgError(`Unknown user "${userName}"`);
        userId = user.id;
      }
      const count = await store.revokeDevice(userId, deviceId as string, nowIso());
      if (count === 0) throw new OrgError(`No active session for device "${deviceId}"${userName ? ` of ${userName}` : ''}`);
      out(`Revoked ${count} session(s) of device ${deviceId}`);
      return;
    }
    case 'audit': {
      checkFlags(args, ['collection', 'doc', 'user', 'after', 'limit', 'json']);
      expectPositional(args, 0, 'audit [--collection c] [--doc id] [--limit n]');
      const filter: AuditFilter = {};
      const collection = flag(args, 'collection');
      if (collection !== undefined) {
        if (!isSyncedCollection(collection)) throw new UsageError(`Unknown collection "${collection}"`);
        filter.collection = collection;
      }
      const doc = flag(args, 'doc');
      if (doc) filter.documentId = doc;
      const userName = flag(args, 'user');
      if (userName) {
        const user = await store.getUserByName(userName.toLowerCase());
        filter.userId = user ? user.id : userName;
      }
      const after = flag(args, 'after');
      if (after !== undefined) {
        if (!/^\d+$/.test(after)) throw new UsageError('--after must be an entry id');
        filter.afterId = Number(after);
      }
      const limit = flag(args, 'limit') ?? '50';
      if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 10_000) throw new UsageError('--limit must be 1 to 10000');
      filter.limit = Number(limit);
      const entries = await store.listAudit(filter);
      if (args.flags.has('json')) {
        for (const e of entries) out(JSON.stringify(e));
      } else {
        const names = new Map((await store.listUsers()).map((u) => [u.id, u.userName]));
        for (const e of entries) {
          out(`#${e.id} ${e.at} ${e.action.padEnd(6)} ${e.collection}/${e.documentId} by ${names.get(e.userId) ?? e.userId}${e.deviceId ? ` on ${e.deviceId}` : ''}`);
        }
        out(`${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`);
      }
      return;
    }
    case 'seed': {
      checkFlags(args, ['demo']);
      if (!args.flags.has('demo')) throw new UsageError('Expected: seed --demo');
      const result = await seedDemo(store, clock);
      if (!result.seeded) {
        out('The store already has users: nothing seeded.');
        return;
      }
      out(`Seeded ${result.customers} customers and users ${result.users.map((u) => u.userName).join(', ')}`);
      out(`Demo password (shown only now): ${result.password}`);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  let store: Store | undefined;
  try {
    const args = parseArgs(rest);
    const config = readConfig();
    store = await createStore({ dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
    await store.migrate();
    await run(command, args, store, (line) => console.log(line));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof OrgError || error instanceof ConfigError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    console.error('error:', error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await store?.close();
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
