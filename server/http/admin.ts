import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAdmin } from '../../shared/sync/actor';
import { isSyncedCollection } from '../../shared/sync/protocol';
import { actorOf } from '../auth/authenticate';
import type { AuditFilter, DeviceSession } from '../store/types';
import type { ServerDeps } from './context';
import { badRequest, forbidden, isPlainObject, optionalString, queryInt, requireString, unknownCollection } from './errors';

export const ADMIN_API = {
  audit: '/api/admin/audit',
  revokeDevice: '/api/admin/devices/revoke',
  sessions: '/api/admin/sessions',
} as const;

/** A session as an admin sees it: never the token hashes. */
export type SessionView = Omit<DeviceSession, 'refreshTokenHash' | 'previousTokenHash'>;
export function sessionView({ refreshTokenHash: _a, previousTokenHash: _b, ...rest }: DeviceSession): SessionView {
  return rest;
}

function requireAdmin(request: FastifyRequest): void {
  if (!isAdmin(actorOf(request))) throw forbidden('Administrators only');
}

export function registerAdminRoutes(app: FastifyInstance, deps: ServerDeps): void {
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
    const revoked = await deps.store.revokeDevice(userId, deviceId, deps.now());
    request.log.warn({ by: actorOf(request).userId, deviceId, userId, revoked }, 'device revoked');
    return { revoked };
  });

  app.get(ADMIN_API.sessions, adminOnly, async (request) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    const userId = typeof q.userId === 'string' && q.userId !== '' ? q.userId : undefined;
    return { sessions: (await deps.store.listSessions(userId)).map(sessionView) };
  });
}
