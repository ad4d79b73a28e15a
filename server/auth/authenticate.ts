import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../http/context';
import { HttpError } from '../http/errors';
import type { UserLimiter } from '../http/userLimits';
import { actorFor } from '../org/org';
import { verifyAccessToken, type AccessClaims } from './tokens';

/**
 * The `authenticate` preHandler. On EVERY request: the bearer token's signature and expiry,
 * then the device session (must exist, not revoked, not past its refresh window) and the user
 * (must be active). An admin's revoke therefore takes effect at the device's next contact.
 *
 * An expired access token answers `unauthenticated` (the app refreshes and retries);
 * `session_expired` / `session_revoked` mean "sign in again"; `device_revoked` (an administrator
 * revoked the device or disabled the user) means "wipe the local data, then sign in again".
 */
export async function verifyRequest(deps: ServerDeps & { secret: string }, authorization: string | undefined): Promise<{ claims: AccessClaims; actor: NonNullable<FastifyRequest['actor']> }> {
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
  if (!match) throw new HttpError(401, 'unauthenticated', 'Missing bearer access token');
  const result = verifyAccessToken(deps.secret, match[1] as string, Date.parse(deps.now()));
  if (!result.ok) {
    throw new HttpError(401, 'unauthenticated', result.reason === 'expired' ? 'Access token expired; refresh it' : 'Invalid access token');
  }
  const { claims } = result;
  const session = await deps.store.getSession(claims.sid);
  if (session?.revokedAt && session.wipeOnRevoke) throw deviceRevoked();
  if (!session || session.revokedAt) throw new HttpError(401, 'session_revoked', 'This device was signed out; sign in again');
  if (session.userId !== claims.sub || session.deviceId !== claims.dev) throw new HttpError(401, 'unauthenticated', 'Invalid access token');
  if (Date.parse(session.expiresAt) <= Date.parse(deps.now())) throw new HttpError(401, 'session_expired', 'Session expired; sign in again');
  const user = await deps.store.getUserById(claims.sub);
  if (!user || !user.active) throw new HttpError(401, 'session_revoked', 'This account is disabled; sign in again');
  return { claims, actor: await actorFor(deps.store, user, claims.dev) };
}

/** The answer to a device an administrator revoked: the app wipes its local data. */
export function deviceRevoked(): HttpError {
  return new HttpError(401, 'device_revoked', 'This device was revoked by an administrator; its local data must be deleted');
}

export function registerAuthenticate(app: FastifyInstance, deps: ServerDeps & { secret: string }, limiter?: UserLimiter): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionId', undefined);
  app.decorateRequest('accessTokenExp', undefined);
  app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    const { claims, actor } = await verifyRequest(deps, request.headers.authorization);
    request.actor = actor;
    request.sessionId = claims.sid;
    request.accessTokenExp = claims.exp;
    await limiter?.(request, reply, actor.userId);
  });
}

/** The actor of an authenticated route (the preHandler guarantees it). */
export function actorOf(request: FastifyRequest): NonNullable<FastifyRequest['actor']> {
  if (!request.actor) throw new HttpError(401, 'unauthenticated', 'Not signed in');
  return request.actor;
}
