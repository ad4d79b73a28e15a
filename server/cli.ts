import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROLES } from '../shared/schemas';
import { isSyncedCollection, type SyncDoc } from '../shared/sync/protocol';
import { newId } from '../shared/util/ids';
import { nowIso } from '../shared/util/time';
import { passwordProblem } from './auth/password';
import { isImportKind, IMPORT_KINDS } from '../shared/import/types';
import { BackupFileError } from './backup/backupFile';
import { backupStore, restoreStore, RestoreRefused, verifyBackup } from './backup/backup';
import { ConfigError, readConfig } from './config';
import { describeMapping, ImportArgumentError, mappingFor, printImportResult, readImportFile } from './import/cliImport';
import { ImportRefused, runImport } from './import/runImport';
import { seedDemo } from './demo/seedDemo';
import { createTerritory, createUser, OrgError, parseRoles, setPassword, syncColleague } from './org/org';
import { SYSTEM_ACTOR, writeAsSystem } from './org/systemWrite';
import { verifyAuditChain } from './audit/verify';
import { auditOf, collectCustomerData, findCustomer } from './privacy/customerData';
import { eraseCustomer } from './privacy/erase';
import { buildExport, markdownReport } from './privacy/exportReport';
import { createStore } from './store/createStore';
import type { AuditFilter, DeviceSession, Store, UserRecord } from './store/types';

/**
 * Administration of the sync server: `npm run server:cli -- <command> ...`.
 * Uses the same DATA_DIR / DATABASE_URL as the server, and may run while the server runs.
 *
 * Every argument is checked BEFORE the store is opened: a typo (unknown command or option,
 * missing value, unknown role, too short a password) fails with exit code 2 and touches
 * nothing, not even the data folder. Rule violations that need the store (duplicate user,
 * unknown territory…) fail with exit code 1 before anything is written.
 */
const USAGE = `Usage: npm run server:cli -- <command> [options]

Commands:
  territory:create <id> <name>
  territory:list [--json]
  user:create <userName> --display <name> --password <pw|-> --roles <role>[,<role>...]
              [--territories t1,t2] [--manager <userName>]
  user:list [--json]
  user:password <userName> <pw|->
  user:disable <userName>            (signs out every device of the user)
  user:enable <userName>
  user:roles <userName> <role>[,<role>...]
                                     (replaces the user's roles; effective at their next request)
  customer:assign <customerCode> <territoryId>
  device:list [--user <userName>] [--all] [--json]
  device:revoke <deviceId> [--user <userName>]
  audit [--collection c] [--doc id] [--user <userName>] [--after <id>] [--limit n] [--json]
  audit:verify [--expect-head <id>:<hash>] [--json]
                                     (exit 1 naming the first broken entry)
  customer:export <customerCode|id> [--markdown]
                                     (everything held about the customer: JSON, or a readable report)
  customer:erase <customerCode|id> --yes
                                     (erases the customer's personal data; cannot be undone)
  seed --demo
  import <kind> <file.csv|file.xlsx> [--map field=Header,...] [--dry-run] [--valid-only] [--json]
              kinds: ${IMPORT_KINDS.join(', ')}; columns are mapped from the header names
              (Chinese or English); --map changes one ("field=Header", "field=#3", "field=" leaves it out)
  backup --out <file> [--force]      (online: the server may keep running)
  backup:verify <file>
  restore --in <file> [--force]      (into an empty store; --force replaces everything in it)

Roles: ${ROLES.join(', ')}. A password given as "-" is read from the first line of standard input.

Environment: DATA_DIR (default ./.data), DATABASE_URL (PostgreSQL; default: SQLite in DATA_DIR).
Exit codes: 0 done, 1 refused (rule violation, store error), 2 usage error.`;

class UsageError extends Error {
  override name = 'UsageError';
}

/** Where the CLI reads its environment and writes its output (the process's, or a test's). */
export interface CliIo {
  env: Record<string, string | undefined>;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
  /** The first line of standard input, without its line break ('' when stdin is empty). */
  readLine(): Promise<string>;
}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const BOOLEAN_FLAGS = new Set(['json', 'demo', 'help', 'all', 'dry-run', 'valid-only', 'force', 'markdown', 'yes']);

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (name === '') throw new UsageError(`Unexpected "${arg}"`);
      if (flags.has(name)) throw new UsageError(`--${name} given twice`);
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

function expectPositional(args: Args, count: number, usage: string): string[] {
  if (args.positional.length !== count) throw new UsageError(`Expected: ${usage}`);
  return args.positional;
}

function checkFlags(args: Args, allowed: readonly string[]): void {
  for (const name of args.flags.keys()) if (!allowed.includes(name)) throw new UsageError(`Unknown option --${name}`);
}

/** A password argument: as given, or the first line of stdin for "-"; checked against the password rules. */
async function passwordArg(value: string, io: CliIo): Promise<string> {
  const password = value === '-' ? await io.readLine() : value;
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(value === '-' ? `${problem} (read from standard input)` : problem);
  return password;
}

function roleArg(text: string): ReturnType<typeof parseRoles> {
  try {
    return parseRoles(text);
  } catch (error) {
    if (error instanceof OrgError) throw new UsageError(error.message);
    throw error;
  }
}

const csv = (text: string | undefined): string[] => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

async function requireUser(store: Store, userName: string): Promise<UserRecord> {
  const user = await store.getUserByName(userName.trim().toLowerCase());
  if (!user) throw new OrgError(`Unknown user "${userName}"`);
  return user;
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

function sessionStatus(s: DeviceSession, now: string): 'active' | 'revoked' | 'expired' {
  if (s.revokedAt) return 'revoked';
  return Date.parse(s.expiresAt) <= Date.parse(now) ? 'expired' : 'active';
}

/** What a command does once its arguments are checked: runs against the opened store (none when `storeless`). */
type Action = ((store: Store, out: (line: string) => void) => Promise<void>) & { storeless?: true };

const clock = { now: nowIso, newId };

/** Checks the command line completely (no store needed) and returns the command's action. */
async function prepare(command: string, args: Args, io: CliIo): Promise<Action> {
  switch (command) {
    case 'territory:create': {
      checkFlags(args, []);
      if (args.positional.length < 2) throw new UsageError('Expected: territory:create <id> <name>');
      const [id, ...name] = args.positional as [string, ...string[]];
      return async (store, out) => {
        const t = await createTerritory(store, { id, name: name.join(' ') }, nowIso());
        out(`Created territory ${t.id} (${t.name})`);
      };
    }
    case 'territory:list': {
      checkFlags(args, ['json']);
      expectPositional(args, 0, 'territory:list [--json]');
      return async (store, out) => {
        const territories = await store.listTerritories();
        const users = await store.listUsers();
        for (const t of territories) {
          if (args.flags.has('json')) {
            out(JSON.stringify(t));
            continue;
          }
          const reps = users.filter((u) => u.active && u.roles.includes('rep') && u.territoryIds.includes(t.id)).map((u) => u.userName);
          out(`${t.id}  ${t.name}  (reps: ${reps.join(', ') || '-'})`);
        }
        if (!args.flags.has('json')) out(`${territories.length} territor${territories.length === 1 ? 'y' : 'ies'}`);
      };
    }
    case 'user:create': {
      checkFlags(args, ['display', 'password', 'roles', 'territories', 'manager']);
      const [userName] = expectPositional(args, 1, 'user:create <userName> --display <name> --password <pw> --roles <roles>') as [string];
      const displayName = flag(args, 'display', true);
      const roles = roleArg(flag(args, 'roles', true));
      const territoryIds = csv(flag(args, 'territories'));
      const managerUserName = flag(args, 'manager') ?? null;
      const password = await passwordArg(flag(args, 'password', true), io);
      return async (store, out) => {
        const user = await createUser(store, { userName, displayName, password, roles, territoryIds, managerUserName }, clock);
        out(`Created user ${user.userName} (${user.id}), roles ${user.roles.join(',')}, territories ${user.territoryIds.join(',') || '-'}${managerUserName ? `, manager ${managerUserName}` : ''}`);
      };
    }
    case 'user:list': {
      checkFlags(args, ['json']);
      expectPositional(args, 0, 'user:list [--json]');
      return async (store, out) => {
        const users = await store.listUsers();
        const names = new Map(users.map((u) => [u.id, u.userName]));
        for (const { passwordHash: _p, ...u } of users) {
          if (args.flags.has('json')) {
            out(JSON.stringify(u));
            continue;
          }
          const manager = u.managerId ? (names.get(u.managerId) ?? u.managerId) : '-';
          out(`${u.userName}  ${u.active ? 'active' : 'DISABLED'}  roles ${u.roles.join(',')}  territories ${u.territoryIds.join(',') || '-'}  manager ${manager}  "${u.displayName}"`);
        }
        if (!args.flags.has('json')) out(`${users.length} user${users.length === 1 ? '' : 's'}`);
      };
    }
    case 'user:password': {
      checkFlags(args, []);
      const [userName, given] = expectPositional(args, 2, 'user:password <userName> <password|->') as [string, string];
      const password = await passwordArg(given, io);
      return async (store, out) => {
        await setPassword(store, userName, password, nowIso());
        out(`Password of ${userName} changed (devices already signed in stay signed in; device:revoke or user:disable signs them out)`);
      };
    }
    case 'user:disable':
    case 'user:enable': {
      checkFlags(args, []);
      const [userName] = expectPositional(args, 1, `${command} <userName>`) as [string];
      const active = command === 'user:enable';
      return async (store, out) => {
        const user = await requireUser(store, userName);
        const now = nowIso();
        let revoked = 0;
        if (!active) {
          for (const s of await store.listSessions(user.id)) {
            if (s.revokedAt) continue;
            // A disabled user's devices wipe their local data at their next contact.
            await store.revokeSession(s.id, now, { wipe: true });
            revoked++;
          }
        }
        if (user.active === active) {
          out(`User ${user.userName} is already ${active ? 'enabled' : 'disabled'}${revoked ? `; revoked ${revoked} leftover session(s)` : ''}`);
          return;
        }
        await store.updateUser(user.id, { active, updatedAt: now });
        await syncColleague(store, { ...user, active, updatedAt: now }, now);
        out(active ? `User ${user.userName} enabled` : `User ${user.userName} disabled; ${revoked} device session(s) signed out`);
      };
    }
    case 'user:roles': {
      checkFlags(args, []);
      const [userName, given] = expectPositional(args, 2, 'user:roles <userName> <role>[,<role>...]') as [string, string];
      const roles = roleArg(given);
      return async (store, out) => {
        const user = await requireUser(store, userName);
        const before = user.roles.join(',');
        if (before === roles.join(',')) {
          out(`User ${user.userName} already has roles ${before}`);
          return;
        }
        // Roles are read from the store on every request, so the change holds at once; the app
        // learns it at its next token refresh (the directory document follows now).
        const now = nowIso();
        await store.updateUser(user.id, { roles, updatedAt: now });
        await syncColleague(store, { ...user, roles, updatedAt: now }, now);
        out(`Roles of ${user.userName}: ${before} → ${roles.join(',')}`);
      };
    }
    case 'customer:assign': {
      checkFlags(args, []);
      const [code, territoryId] = expectPositional(args, 2, 'customer:assign <customerCode> <territoryId>') as [string, string];
      return async (store, out) => {
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
      };
    }
    case 'device:list': {
      checkFlags(args, ['user', 'all', 'json']);
      expectPositional(args, 0, 'device:list [--user <userName>] [--all] [--json]');
      const userName = flag(args, 'user');
      return async (store, out) => {
        const user = userName ? await requireUser(store, userName) : undefined;
        const names = new Map((await store.listUsers()).map((u) => [u.id, u.userName]));
        const now = nowIso();
        const sessions = (await store.listSessions(user?.id)).filter((s) => args.flags.has('all') || sessionStatus(s, now) === 'active');
        for (const { refreshTokenHash: _r, previousTokenHash: _p, ...s } of sessions) {
          const status = sessionStatus({ ...s, refreshTokenHash: '', previousTokenHash: null }, now);
          if (args.flags.has('json')) out(JSON.stringify({ ...s, userName: names.get(s.userId) ?? null, status }));
          else out(`${s.deviceId}  ${names.get(s.userId) ?? s.userId}  "${s.deviceName}"  ${status}${s.revokedAt ? ` ${s.revokedAt}` : ''}  signed in ${s.createdAt}  last used ${s.lastUsedAt}`);
        }
        if (!args.flags.has('json')) out(`${sessions.length} ${args.flags.has('all') ? '' : 'active '}session${sessions.length === 1 ? '' : 's'}`);
      };
    }
    case 'device:revoke': {
      checkFlags(args, ['user']);
      const [deviceId] = expectPositional(args, 1, 'device:revoke <deviceId> [--user <userName>]') as [string];
      const userName = flag(args, 'user');
      return async (store, out) => {
        const userId = userName ? (await requireUser(store, userName)).id : null;
        const count = await store.revokeDevice(userId, deviceId, nowIso(), { wipe: true });
        if (count === 0) throw new OrgError(`No active session for device "${deviceId}"${userName ? ` of ${userName}` : ''}`);
        out(`Revoked ${count} session(s) of device ${deviceId}; its local data is wiped at its next contact with the server`);
      };
    }
    case 'audit': {
      checkFlags(args, ['collection', 'doc', 'user', 'after', 'limit', 'json']);
      expectPositional(args, 0, 'audit [--collection c] [--doc id] [--user <userName>] [--after <id>] [--limit n] [--json]');
      const filter: AuditFilter = {};
      const collection = flag(args, 'collection');
      if (collection !== undefined) {
        if (!isSyncedCollection(collection)) throw new UsageError(`Unknown collection "${collection}"`);
        filter.collection = collection;
      }
      const doc = flag(args, 'doc');
      if (doc) filter.documentId = doc;
      const after = flag(args, 'after');
      if (after !== undefined) {
        if (!/^\d+$/.test(after)) throw new UsageError('--after must be an entry id');
        filter.afterId = Number(after);
      }
      const limit = flag(args, 'limit') ?? '50';
      if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 10_000) throw new UsageError('--limit must be 1 to 10000');
      filter.limit = Number(limit);
      const userName = flag(args, 'user');
      return async (store, out) => {
        if (userName) {
          // A user name, or a raw user id (e.g. "system", or a deleted user's id).
          const user = await store.getUserByName(userName.toLowerCase());
          filter.userId = user ? user.id : userName;
        }
        const entries = await store.listAudit(filter);
        if (args.flags.has('json')) {
          for (const e of entries) out(JSON.stringify(e));
          return;
        }
        const names = new Map((await store.listUsers()).map((u) => [u.id, u.userName]));
        for (const e of entries) {
          out(`#${e.id} ${e.at} ${e.action.padEnd(6)} ${e.collection}/${e.documentId} by ${names.get(e.userId) ?? e.userId}${e.deviceId ? ` on ${e.deviceId}` : ''}`);
        }
        out(`${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`);
      };
    }
    case 'audit:verify': {
      checkFlags(args, ['expect-head', 'json']);
      expectPositional(args, 0, 'audit:verify [--expect-head <id>:<hash>] [--json]');
      const anchor = flag(args, 'expect-head');
      const head = anchor === undefined ? undefined : /^(\d+):([0-9a-f]{64})$/.exec(anchor);
      if (head === null) throw new UsageError('--expect-head must be <entry id>:<64 hex digits>, as audit:verify printed it');
      return async (store, out) => {
        const result = await verifyAuditChain(store, head ? { id: Number(head[1]), hash: head[2] as string } : undefined);
        if (args.flags.has('json')) out(JSON.stringify(result));
        else if (result.ok) out(`Audit chain intact: ${result.count} entries (${result.redacted} redacted by erasure)${result.head ? `; head ${result.head.id}:${result.head.hash}` : ''}`);
        if (!result.ok) throw new OrgError(`Audit chain broken at entry ${result.entryId ?? '-'} (after ${result.count} intact entries): ${result.problem}`);
      };
    }
    case 'customer:export':
    case 'customer:erase': {
      const erase = command === 'customer:erase';
      checkFlags(args, erase ? ['yes'] : ['markdown']);
      const [key] = expectPositional(args, 1, `${command} <customerCode|id>${erase ? ' --yes' : ' [--markdown]'}`) as [string];
      if (erase && !args.flags.has('yes')) throw new UsageError('customer:erase cannot be undone: add --yes to confirm');
      return async (store, out) => {
        const found = await findCustomer(store, key);
        if (!found) throw new OrgError(`No customer with id or code "${key}"`);
        if ('ambiguous' in found) throw new OrgError(`${found.ambiguous.length} customers have code "${key}": ${found.ambiguous.join(', ')}; give the id`);
        if (erase) {
          const result = await eraseCustomer(store, found, SYSTEM_ACTOR, nowIso());
          const changed = Object.entries(result.changed).map(([c, n]) => `${c} ${n}`).join(', ') || 'nothing (already erased)';
          out(`Erased the personal data of customer ${result.code} (${result.customerId}); documents rewritten: ${changed}`);
          if (result.retainedAdverseEvents.length > 0) {
            out(`Kept unchanged until pharmacovigilance acknowledges them (run again then): adverse events ${result.retainedAdverseEvents.join(', ')}`);
          }
          return;
        }
        const data = await collectCustomerData(store, found);
        const exported = buildExport(data, await auditOf(store, data), { at: nowIso(), by: SYSTEM_ACTOR.userId });
        out(args.flags.has('markdown') ? markdownReport(exported) : JSON.stringify(exported, null, 2));
      };
    }
    case 'seed': {
      checkFlags(args, ['demo']);
      expectPositional(args, 0, 'seed --demo');
      if (!args.flags.has('demo')) throw new UsageError('Expected: seed --demo');
      return async (store, out) => {
        const result = await seedDemo(store, clock);
        if (!result.seeded) {
          out('The store already has users: nothing seeded.');
          return;
        }
        out(`Seeded ${result.customers} customers and users ${result.users.map((u) => u.userName).join(', ')}`);
        out(`Demo password (shown only now): ${result.password}`);
      };
    }
    case 'import': {
      checkFlags(args, ['map', 'dry-run', 'valid-only', 'json']);
      const [kind, file] = expectPositional(args, 2, 'import <kind> <file> [--map field=Header,...] [--dry-run] [--valid-only] [--json]') as [string, string];
      if (!isImportKind(kind)) throw new UsageError(`Unknown kind "${kind}" (kinds: ${IMPORT_KINDS.join(', ')})`);
      let read: Awaited<ReturnType<typeof readImportFile>>;
      let mapping: ReturnType<typeof mappingFor>;
      try {
        read = await readImportFile(file);
        mapping = mappingFor(kind, read.table.headers, flag(args, 'map'));
      } catch (error) {
        if (error instanceof ImportArgumentError) throw new UsageError(error.message);
        throw error;
      }
      const mode = args.flags.has('dry-run') ? 'preview' : 'commit';
      return async (store, out) => {
        const json = args.flags.has('json');
        if (!json) out(`${file}: ${read.description}; columns ${describeMapping(read.table.headers, mapping)}`);
        try {
          const result = await runImport(store, { kind, table: read.table, mapping, mode, validOnly: args.flags.has('valid-only') }, { actor: SYSTEM_ACTOR, now: nowIso, newId });
          if (json) out(JSON.stringify(result));
          else printImportResult(result, out);
        } catch (error) {
          if (!(error instanceof ImportRefused)) throw error;
          if (error.result) {
            if (json) out(JSON.stringify(error.result));
            else printImportResult(error.result, out, true);
          }
          throw new OrgError(error.message);
        }
      };
    }
    case 'backup': {
      checkFlags(args, ['out', 'force']);
      expectPositional(args, 0, 'backup --out <file> [--force]');
      const file = flag(args, 'out', true);
      if (existsSync(file) && !args.flags.has('force')) throw new UsageError(`${file} exists; choose another name or add --force to overwrite it`);
      return async (store, out) => {
        const { header, trailer } = await backupStore(store, file, nowIso());
        const c = trailer.counts;
        out(`Backup written to ${file} (${header.source}, sequence ${header.seq}): ${c.doc} documents, ${c.audit} audit entries, ${c.user} users, ${c.territory} territories, ${c.session} device sessions`);
        out(`SHA-256 of the content: ${trailer.sha256}. The file holds password hashes: keep it as safe as the database.`);
      };
    }
    case 'backup:verify': {
      checkFlags(args, []);
      const [file] = expectPositional(args, 1, 'backup:verify <file>') as [string];
      const action: Action = async (_store, out) => {
        try {
          const { header, trailer } = await verifyBackup(file);
          out(`${file}: a complete Fieldbook backup (format ${header.version}, from ${header.source} at ${header.createdAt}, sequence ${header.seq}): ${trailer.counts.doc} documents, ${trailer.counts.audit} audit entries, ${trailer.counts.user} users; checksum OK`);
        } catch (error) {
          if (error instanceof BackupFileError) throw new OrgError(error.message);
          throw error;
        }
      };
      action.storeless = true;
      return action;
    }
    case 'restore': {
      checkFlags(args, ['in', 'force']);
      expectPositional(args, 0, 'restore --in <file> [--force]');
      const file = flag(args, 'in', true);
      if (!existsSync(file)) throw new UsageError(`No file ${file}`);
      return async (store, out) => {
        try {
          const { header, trailer, replaced } = await restoreStore(store, file, { force: args.flags.has('force') });
          out(`Restored ${file} into ${store.kind}${replaced ? ' (the previous content was replaced)' : ''}: ${trailer.counts.doc} documents, ${trailer.counts.audit} audit entries, ${trailer.counts.user} users, ${trailer.counts.territory} territories; sequence ${header.seq}`);
        } catch (error) {
          if (error instanceof RestoreRefused || error instanceof BackupFileError) throw new OrgError(error.message);
          throw error;
        }
      };
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

/** Runs one CLI command; resolves with the exit code (0 done, 1 refused, 2 usage error). */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  let store: Store | undefined;
  try {
    const args = parseArgs(rest);
    if (args.flags.has('help')) {
      io.out(USAGE);
      return 0;
    }
    const config = readConfig(io.env, io.cwd);
    const action = await prepare(command, args, io);
    if (action.storeless) {
      await action(undefined as never, (line) => io.out(line));
      return 0;
    }
    store = await createStore({ dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
    await store.migrate();
    await action(store, (line) => io.out(line));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof OrgError || error instanceof ConfigError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await store?.close();
  }
}

function processIo(): CliIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    readLine: () => new Promise((resolve, reject) => {
      let text = '';
      const done = (): void => {
        process.stdin.off('data', onData).off('end', done).off('error', reject);
        process.stdin.pause();
        resolve(text.split(/\r?\n/)[0] ?? '');
      };
      const onData = (chunk: string): void => {
        text += chunk;
        if (text.includes('\n')) done();
      };
      if (process.stdin.isTTY) process.stderr.write('Password (shown as typed): ');
      process.stdin.setEncoding('utf8').on('data', onData).once('end', done).once('error', reject);
    }),
  };
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
