import type { FastifyInstance } from 'fastify';
import { API, type TokenResponse } from '../../shared/sync/protocol';
import type { ServerDeps } from '../http/context';
import { HttpError, badRequest, isPlainObject, requireString } from '../http/errors';
import { actorFor, sessionUserInfo } from '../org/org';
import type { DeviceSession, UserRecord } from '../store/types';
import { deviceRevoked, verifyRequest } from './authenticate';
import { dummyPasswordHash, verifyPassword } from './password';
import { hashRefreshToken, newRefreshToken, signAccessToken } from './tokens';

export interface AuthOptions {
  secret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  loginAttemptsPerMinute: number;
}

const DAY_MS = 86_400_000;
/** How long the token a refresh replaced may come back from the same device as a retry. */
export const REFRESH_RETRY_GRACE_MS = 60_000;

/**
 * A refresh whose answer was lost: the token presented is the one the last rotation replaced,
 * from the same device, moments after that rotation. Any older token, another device or a later
 * return is treated as a stolen copy.
 */
function isLostAnswerRetry(session: DeviceSession, presentedHash: string, deviceId: string, now: string): boolean {
  return session.previousTokenHash === presentedHash
    && session.deviceId === deviceId
    && Date.parse(now) - Date.parse(session.lastUsedAt) <= REFRESH_RETRY_GRACE_MS
    && Date.parse(session.expiresAt) > Date.parse(now);
}

export function registerAuthRoutes(app: FastifyInstance, deps: ServerDeps, options: AuthOptions): void {
  const { store } = deps;

  // Counted per IP + user name, before the password is checked: guessing is slow for one
  // account, and one noisy client does not lock everybody else out.
  const loginLimit = app.createRateLimit({
    max: options.loginAttemptsPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const body = isPlainObject(request.body) ? request.body : {};
      const userName = typeof body.userName === 'string' ? body.userName.trim().toLowerCase().slice(0, 64) : '';
      return `login|${request.ip}|${userName}`;
    },
  });

  async function issueTokens(user: UserRecord, session: DeviceSession, refreshToken: string): Promise<TokenResponse> {
    const nowMs = Date.parse(deps.now());
    const exp = Math.floor(nowMs / 1000) + options.accessTokenTtlSeconds;
    const accessToken = signAccessToken(options.secret, { sub: user.id, sid: session.id, dev: session.deviceId, iat: Math.floor(nowMs / 1000), exp });
    const actor = await actorFor(store, user, session.deviceId);
    return { accessToken, accessExpiresAt: new Date(exp * 1000).toISOString(), refreshToken, user: sessionUserInfo(user, actor) };
  }

  app.post(API.login, async (request) => {
    const body = isPlainObject(request.body) ? request.body : null;
    if (!body) throw badRequest('Body must be a JSON object with userName, password, deviceId and deviceName');
    const limit = await loginLimit(request);
    if (!limit.isAllowed && limit.isExceeded) throw new HttpError(429, 'rate_limited', 'Too many sign-in attempts; wait a minute and try again');
    const userName = requireString(body, 'userName', { max: 64 }).trim().toLowerCase();
    const password = requireString(body, 'password', { max: 1024 });
    const deviceId = requireString(body, 'deviceId', { max: 128 });
    const deviceName = requireString(body, 'deviceName', { max: 200 });

    const user = await store.getUserByName(userName);
    // Always run scrypt, so the answer time does not reveal whether the user exists.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok || !user.active) {
      request.log.info({ userName }, 'sign-in refused');
      throw new HttpError(401, 'invalid_credentials', 'Wrong user name or password');
    }
    const now = deps.now();
    // One live session per user and device: signing in again replaces the old one.
    await store.revokeDevice(user.id, deviceId, now);
    const refreshToken = newRefreshToken();
    const session: DeviceSession = {
      id: deps.newId(),
      userId: user.id,
      deviceId,
      deviceName,
      refreshTokenHash: hashRefreshToken(refreshToken),
      previousTokenHash: null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(Date.parse(now) + options.refreshTokenTtlDays * DAY_MS).toISOString(),
      revokedAt: null,
    };
    await store.createSession(session);
    request.log.info({ userId: user.id, deviceId, sessionId: session.id }, 'signed in');
    return issueTokens(user, session, refreshToken);
  });

  app.post(API.refresh, async (request) => {
    const body = isPlainObject(request.body) ? request.body : null;
    if (!body) throw badRequest('Body must be a JSON object with refreshToken and deviceId');
    const refreshToken = requireString(body, 'refreshToken', { max: 200 });
    const deviceId = requireString(body, 'deviceId', { max: 128 });
    const hash = hashRefreshToken(refreshToken);
    const found = await store.findSessionByTokenHash(hash);
    if (!found) throw new HttpError(401, 'session_expired', 'Unknown refresh token; sign in again');
    const { session, reused } = found;
    const now = deps.now();
    if (session.revokedAt && session.wipeOnRevoke) throw deviceRevoked();
    if (session.revokedAt) throw new HttpError(401, 'session_revoked', 'This device was signed out; sign in again');
    if (reused && isLostAnswerRetry(session, hash, deviceId, now)) {
      // The device never got the answer to its last refresh (connection lost on the way back) and
      // presents the token it still holds. Not theft: rotate again from the current token.
      return rotate(session, session.refreshTokenHash, now);
    }
    if (reused || session.deviceId !== deviceId) {
      // A replaced token came back (or from another device): someone holds a copy. End the session.
      await store.revokeSession(session.id, now);
      request.log.warn({ sessionId: session.id, userId: session.userId, reused }, 'refresh token reuse: session revoked');
      throw new HttpError(401, 'session_revoked', 'This sign-in was used elsewhere and has been ended; sign in again');
    }
    if (Date.parse(session.expiresAt) <= Date.parse(now)) throw new HttpError(401, 'session_expired', 'Session expired; sign in again');
    return rotate(session, hash, now);
  });

  /** Replaces the session's refresh token (expected to be `expectedHash`) and issues new tokens. */
  async function rotate(session: DeviceSession, expectedHash: string, now: string): Promise<TokenResponse> {
    const user = await store.getUserById(session.userId);
    if (!user || !user.active) throw new HttpError(401, 'session_revoked', 'This account is disabled; sign in again');
    const next = newRefreshToken();
    const rotated = await store.rotateSession(session.id, expectedHash, {
      refreshTokenHash: hashRefreshToken(next),
      lastUsedAt: now,
      expiresAt: new Date(Date.parse(now) + options.refreshTokenTtlDays * DAY_MS).toISOString(),
    });
    if (!rotated) {
      // Another refresh with the same token won the race: the token is spent, as with reuse.
      await store.revokeSession(session.id, now);
      throw new HttpError(401, 'session_revoked', 'This sign-in was used twice at once and has been ended; sign in again');
    }
    return issueTokens(user, { ...session, refreshTokenHash: hashRefreshToken(next) }, next);
  }

  /** Ends this device's session: with the access token, or with the refresh token when the access token lapsed. */
  app.post(API.logout, async (request, reply) => {
    if (request.headers.authorization) {
      const { claims } = await verifyRequest({ ...deps, secret: options.secret }, request.headers.authorization);
      await store.revokeSession(claims.sid, deps.now());
    } else {
      const body = isPlainObject(request.body) ? request.body : null;
      if (!body || typeof body.refreshToken !== 'string') throw new HttpError(401, 'unauthenticated', 'Send the access token or the refresh token');
      const found = await store.findSessionByTokenHash(hashRefreshToken(body.refreshToken));
      if (found && !found.session.revokedAt) await store.revokeSession(found.session.id, deps.now());
    }
    return reply.code(204).send();
  });
}
