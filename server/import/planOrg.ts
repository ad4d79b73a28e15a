import { randomInt } from 'node:crypto';
import type { IssuedPassword } from '../../shared/import/api';
import type { TerritoryInput, UserInput } from '../../shared/import/checkRows';
import { createTerritory, createUser, syncColleague } from '../org/org';
import type { Store, UserRecord } from '../store/types';
import type { ImportEnv, ImportPlan } from './plan';

/**
 * Users and territories live in the server's own tables. A user's change reaches the apps
 * through their `colleagues` directory entry (sequence number, sync, audit); territories have no
 * document of their own.
 */

/** No 0/O, 1/l/I: a one-time password is read off a screen and typed. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function oneTimePassword(length = 14): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Managers before the people they manage, so that each manager exists when referred to. */
function managersFirst(rows: readonly UserInput[]): UserInput[] {
  const byName = new Map(rows.map((r) => [r.key, r]));
  const done = new Set<string>();
  const out: UserInput[] = [];
  const visit = (r: UserInput, depth: number): void => {
    if (done.has(r.key) || depth > rows.length) return;
    const manager = r.managerUserName ? byName.get(r.managerUserName) : undefined;
    if (manager) visit(manager, depth + 1);
    done.add(r.key);
    out.push(r);
  };
  for (const r of rows) visit(r, 0);
  return out;
}

/**
 * Users are keyed by user name. A new user gets the file's password, or a generated one-time
 * password returned once to the admin. For existing users the file sets display name, roles and,
 * when given, territories and manager; a password in the file is NOT applied to an existing user
 * (re-importing the file must not reset passwords: use user:password).
 */
export async function planUsers(store: Store, rows: readonly UserInput[], env: ImportEnv): Promise<ImportPlan> {
  const users = new Map((await store.listUsers()).map((u) => [u.userName, u]));
  const creates: UserInput[] = [];
  const updates: Array<{ row: UserInput; user: UserRecord }> = [];
  let unchanged = 0;
  for (const row of rows) {
    const user = users.get(row.key);
    if (!user) {
      creates.push(row);
      continue;
    }
    const managerId = row.managerUserName ? (users.get(row.managerUserName)?.id ?? `new:${row.managerUserName}`) : user.managerId;
    const territoryIds = row.territoryIds.length > 0 ? row.territoryIds : user.territoryIds;
    if (user.displayName === row.displayName && sameSet(user.roles, row.roles) && sameSet(user.territoryIds, territoryIds) && user.managerId === managerId) unchanged++;
    else updates.push({ row, user });
  }
  return {
    created: creates.length,
    updated: updates.length,
    unchanged,
    errors: [],
    apply: async () => {
      const issued: IssuedPassword[] = [];
      for (const row of managersFirst(creates)) {
        const password = row.password ?? oneTimePassword();
        await createUser(store, {
          userName: row.key, displayName: row.displayName, password, roles: row.roles, territoryIds: row.territoryIds,
          managerUserName: row.managerUserName ?? null,
        }, env);
        if (!row.password) issued.push({ userName: row.key, password });
      }
      for (const { row, user } of updates) {
        const now = env.now();
        const managerId = row.managerUserName ? ((await store.getUserByName(row.managerUserName))?.id ?? user.managerId) : user.managerId;
        const patch = {
          displayName: row.displayName,
          roles: row.roles,
          territoryIds: row.territoryIds.length > 0 ? row.territoryIds : user.territoryIds,
          managerId,
          updatedAt: now,
        };
        await store.updateUser(user.id, patch);
        await syncColleague(store, { ...user, ...patch }, now);
      }
      return issued;
    },
  };
}

/** Territories are keyed by id; a different name renames the territory. */
export async function planTerritories(store: Store, rows: readonly TerritoryInput[], env: ImportEnv): Promise<ImportPlan> {
  const existing = new Map((await store.listTerritories()).map((t) => [t.id, t]));
  const creates = rows.filter((r) => !existing.has(r.key));
  const renames = rows.filter((r) => existing.has(r.key) && existing.get(r.key)!.name !== r.name);
  return {
    created: creates.length,
    updated: renames.length,
    unchanged: rows.length - creates.length - renames.length,
    errors: [],
    apply: async () => {
      for (const r of creates) await createTerritory(store, { id: r.key, name: r.name }, env.now());
      for (const r of renames) await store.renameTerritory(r.key, r.name);
      return [];
    },
  };
}
