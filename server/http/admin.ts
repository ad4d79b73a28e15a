import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAdmin } from '../../shared/sync/actor';
import { isSyncedCollection } from '../../shared/sync/protocol';
import { actorOf } from '../auth/authenticate';
import type { AuditFilter, DeviceSession } from '../store/types';
import type { EventStreams } from '../sync/stream';
import type { ServerDeps } from './context';
import { OrgError, createTerritory, createUser, parseRoles } from '../org/org';
import { HttpError, badRequest, forbidden, isPlainObject, optionalString, queryInt, requireString, unknownCollection } from './errors';

export const ADMIN_API = {
  audit: '/api/admin/audit',
  revokeDevice: '/api/admin/devices/revoke',
  sessions: '/api/admin/sessions',
  territories: '/api/admin/territories',
  users: '/api/admin/users',
} as const;

/** A session as an admin sees it: never the token hashes. */
export type SessionView = Omit<DeviceSession, 'refreshTokenHash' | 'previousTokenHash'>;
export function sessionView({ refreshTokenHash: _a, previousTokenHash: _b, ...rest }: DeviceSession): SessionView {
  return rest;
}

function requireAdmin(request: FastifyRequest): void {
  if (!isAdmin(actorOf(request))) throw forbidden('Administrators only');
}

export function registerAdminRoutes(app: FastifyInstance, deps: ServerDeps, streams?: Pick<EventStreams, 'closeDevice'>): void {
  const adminOnly = { preHandler: [app.authenticate, async (request: FastifyRequest) => requireAdmin(request)] };

  app.get(ADMIN_API.audit, adminOnly, async (request) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    const filter: AuditFilter = { limit: queryInt(q.limit, 'limit', { min: 1, max: 1000, fallback: 100 }) };
    if (q.collection !== undefined) {
      if (!isSyncedCollection(q.collection)) throw unknownCollection(String(q.collection));
      filter.collection = q.collection;
    }
    for (const key of ['documentId', 'userId'] as const) {
      const value = q[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || value.length === 0 || value.length > 64) throw badRequest(`"${key}" must be a string of 1 to 64 characters`);
      filter[key] = value;
    }
    if (q.afterId !== undefined) filter.afterId = queryInt(q.afterId, 'afterId', { min: 0, fallback: 0 });
    return { entries: await deps.store.listAudit(filter) };
  });

  app.post(ADMIN_API.revokeDevice, adminOnly, async (request) => {
    if (!isPlainObject(request.body)) throw badRequest('Body must be a JSON object {"deviceId": ..., "userId"?: ...}');
    const deviceId = requireString(request.body, 'deviceId', { max: 128 });
    const userId = optionalString(request.body, 'userId', { max: 64 }) ?? null;
    // A revoked device is treated as lost: the app wipes its local data at its next contact.
    const revoked = await deps.store.revokeDevice(userId, deviceId, deps.now(), { wipe: true });
    streams?.closeDevice(deviceId, userId);
    request.log.warn({ by: actorOf(request).userId, deviceId, userId, revoked }, 'device revoked');
    return { revoked };
  });

  app.get(ADMIN_API.territories, adminOnly, async () => ({ territories: await deps.store.listTerritories() }));

  app.post(ADMIN_API.territories, adminOnly, async (request, reply) => {
    if (!isPlainObject(request.body)) throw badRequest('Body must be a JSON object {"id": ..., "name": ...}');
    const id = requireString(request.body, 'id', { max: 64 });
    const name = requireString(request.body, 'name', { max: 200 });
    const territory = await orgCall(() => createTerritory(deps.store, { id, name }, deps.now()));
    return reply.code(201).send(territory);
  });

  app.get(ADMIN_API.users, adminOnly, async () => ({
    users: (await deps.store.listUsers()).map(({ passwordHash: _p, ...user }) => user),
  }));

  app.post(ADMIN_API.users, adminOnly, async (request, reply) => {
    const body = request.body;
    if (!isPlainObject(body)) throw badRequest('Body must be a JSON object {"userName", "displayName", "password", "roles", "territoryIds", "managerUserName"?}');
    const roles = body.roles;
    const territoryIds = body.territoryIds ?? [];
    if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) throw badRequest('"roles" must be an array of role names');
    if (!Array.isArray(territoryIds) || !territoryIds.every((t) => typeof t === 'string')) throw badRequest('"territoryIds" must be an array of territory ids');
    const user = await orgCall(() => createUser(deps.store, {
      userName: requireString(body, 'userName', { max: 64 }),
      displayName: requireString(body, 'displayName', { max: 200 }),
      password: requireString(body, 'password', { max: 1024 }),
      roles: parseRoles((roles as string[]).join(',')),
      territoryIds: territoryIds as string[],
      managerUserName: optionalString(body, 'managerUserName', { max: 64 }) ?? null,
    }, deps));
    request.log.info({ by: actorOf(request).userId, userId: user.id, userName: user.userName }, 'user created');
    const { passwordHash: _p, ...view } = user;
    return reply.code(201).send(view);
  });

  app.get(ADMIN_API.sessions, adminOnly, async (request) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    const userId = typeof q.userId === 'string' && q.userId !== '' ? q.userId : undefined;
    return { sessions: (await deps.store.listSessions(userId)).map(sessionView) };
  });
}

/** Organisation rule violations (duplicate user, unknown territory…) are the client's to fix: 400 with the reason. */
async function orgCall<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof OrgError) throw new HttpError(400, 'bad_request', error.message);
    throw error;
  }
}
