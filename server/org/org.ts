import { ROLES, type Role } from '../../shared/schemas';
import type { Actor } from '../../shared/sync/actor';
import type { SessionUserInfo, SyncDoc } from '../../shared/sync/protocol';
import { hashPassword, passwordProblem } from '../auth/password';
import type { Store, TerritoryRecord, UserRecord } from '../store/types';
import { docsEqual } from '../sync/equal';

/**
 * The organisation: territories, users and their teams. Users live in the server's own table;
 * each one is mirrored into a read-only `colleagues` document so the app has a directory.
 */

/** Audit user for writes the server makes on its own (directory, demo data, CLI). */
export const SYSTEM_USER = 'system';

export class OrgError extends Error {
  override name = 'OrgError';
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const USER_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function parseRoles(text: string): Role[] {
  const roles = [...new Set(text.split(',').map((r) => r.trim()).filter(Boolean))];
  if (roles.length === 0) throw new OrgError('At least one role is required');
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role)) throw new OrgError(`Unknown role "${role}" (roles: ${ROLES.join(', ')})`);
  }
  return roles as Role[];
}

export async function createTerritory(store: Store, input: { id: string; name: string }, now: string): Promise<TerritoryRecord> {
  if (!ID_PATTERN.test(input.id)) throw new OrgError(`Territory id "${input.id}" must be 1-64 letters, digits, ".", "_" or "-"`);
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw new OrgError('Territory name must be 1-200 characters');
  if ((await store.listTerritories()).some((t) => t.id === input.id)) throw new OrgError(`Territory "${input.id}" already exists`);
  const territory: TerritoryRecord = { id: input.id, name, createdAt: now };
  await store.createTerritory(territory);
  return territory;
}

export interface NewUser {
  userName: string;
  displayName: string;
  password: string;
  roles: Role[];
  territoryIds: string[];
  managerUserName?: string | null;
}

export async function createUser(store: Store, input: NewUser, clock: { now: () => string; newId: () => string }): Promise<UserRecord> {
  const userName = input.userName.trim().toLowerCase();
  if (!USER_NAME_PATTERN.test(userName)) throw new OrgError(`User name "${input.userName}" must be 2-64 lowercase letters, digits, ".", "_" or "-"`);
  const displayName = input.displayName.trim();
  if (displayName.length === 0 || displayName.length > 200) throw new OrgError('Display name must be 1-200 characters');
  const problem = passwordProblem(input.password);
  if (problem) throw new OrgError(problem);
  if (input.roles.length === 0) throw new OrgError('At least one role is required');
  if (await store.getUserByName(userName)) throw new OrgError(`User "${userName}" already exists`);
  const known = new Set((await store.listTerritories()).map((t) => t.id));
  const territoryIds = [...new Set(input.territoryIds)];
  for (const id of territoryIds) if (!known.has(id)) throw new OrgError(`Unknown territory "${id}"`);
  if (input.roles.includes('rep') && territoryIds.length === 0) throw new OrgError('A rep needs at least one territory');
  let managerId: string | null = null;
  if (input.managerUserName) {
    const manager = await store.getUserByName(input.managerUserName.trim().toLowerCase());
    if (!manager) throw new OrgError(`Unknown manager "${input.managerUserName}"`);
    managerId = manager.id;
  }
  const now = clock.now();
  const user: UserRecord = {
    id: clock.newId(),
    userName,
    displayName,
    passwordHash: await hashPassword(input.password),
    roles: input.roles,
    territoryIds,
    managerId,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  await store.createUser(user);
  await syncColleague(store, user, now);
  return user;
}

export async function setPassword(store: Store, userName: string, password: string, now: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new OrgError(problem);
  const user = await store.getUserByName(userName.trim().toLowerCase());
  if (!user) throw new OrgError(`Unknown user "${userName}"`);
  await store.updateUser(user.id, { passwordHash: await hashPassword(password), updatedAt: now });
}

/** The directory entry for a user (no secrets). */
export function colleagueDoc(user: UserRecord, now: string): SyncDoc<'colleagues'> {
  return {
    id: user.id,
    userName: user.userName,
    displayName: user.displayName,
    roles: [...user.roles],
    territoryIds: [...user.territoryIds],
    ...(user.managerId ? { managerId: user.managerId } : {}),
    active: user.active,
    createdAt: user.createdAt,
    updatedAt: now,
    createdBy: SYSTEM_USER,
    updatedBy: SYSTEM_USER,
    _deleted: false,
  };
}

/** Writes (or refreshes) the user's `colleagues` document, audited as the system user; no-op when unchanged. */
export async function syncColleague(store: Store, user: UserRecord, now: string): Promise<void> {
  await store.write('colleagues', [user.id], (current) => {
    const before = current.get(user.id);
    const next = colleagueDoc(user, now);
    if (before && docsEqual(before.data, next, ['updatedAt', 'updatedBy'])) {
      return { writes: [], audit: [] };
    }
    return {
      writes: [{ collection: 'colleagues', id: user.id, territoryId: null, data: next }],
      audit: [{ userId: SYSTEM_USER, deviceId: null, collection: 'colleagues', documentId: user.id, action: before ? 'update' : 'create', oldValue: before?.data ?? null, newValue: next }],
    };
  });
}

/**
 * Territories a user may read and write: a rep's own; a manager's own plus those of the users
 * whose manager they are; an admin's: all of them.
 */
export async function effectiveTerritoryIds(store: Store, user: UserRecord): Promise<string[]> {
  const ids = new Set(user.territoryIds);
  if (user.roles.includes('admin')) {
    for (const t of await store.listTerritories()) ids.add(t.id);
  } else if (user.roles.includes('manager')) {
    for (const member of await store.listUsers()) {
      if (member.managerId === user.id && member.active) for (const id of member.territoryIds) ids.add(id);
    }
  }
  return [...ids];
}

export async function actorFor(store: Store, user: UserRecord, deviceId: string | null): Promise<Actor> {
  return { userId: user.id, roles: [...user.roles], territoryIds: await effectiveTerritoryIds(store, user), deviceId };
}

export function sessionUserInfo(user: UserRecord, actor: Actor): SessionUserInfo {
  return {
    id: user.id,
    userName: user.userName,
    displayName: user.displayName,
    roles: [...user.roles],
    territoryIds: [...actor.territoryIds],
    homeTerritoryId: user.territoryIds[0] ?? actor.territoryIds[0] ?? '',
  };
}
