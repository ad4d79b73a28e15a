import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors';

/**
 * Per-user request budgets (OWASP API4), checked after authentication, so they follow the user
 * across devices and addresses. Generous enough for a manager's first sync of 100,000 contacts
 * (about 250 pulls), tight enough that a leaked token or a looping client cannot flood the
 * store. Counted per server process (each process of a PostgreSQL cluster has its own budget).
 */
export interface UserLimits {
  /** Every authenticated request (sync, admin, pharmacovigilance). */
  requestsPerMinute: number;
  /** Pushes (writes) on top of that. */
  pushesPerMinute: number;
}

export const DEFAULT_USER_LIMITS: UserLimits = { requestsPerMinute: 1200, pushesPerMinute: 600 };

const PUSH_ROUTE = '/api/sync/:collection/push';

export type UserLimiter = (request: FastifyRequest, reply: FastifyReply, userId: string) => Promise<void>;

export function createUserLimiter(app: FastifyInstance, limits: UserLimits): UserLimiter {
  const keyOf = (prefix: string) => (request: FastifyRequest): string => `${prefix}|${request.actor?.userId ?? request.ip}`;
  const all = app.createRateLimit({ max: limits.requestsPerMinute, timeWindow: 60_000, keyGenerator: keyOf('user') });
  const pushes = app.createRateLimit({ max: limits.pushesPerMinute, timeWindow: 60_000, keyGenerator: keyOf('push') });
  return async (request, reply) => {
    for (const limiter of request.routeOptions.url === PUSH_ROUTE ? [all, pushes] : [all]) {
      const result = await limiter(request);
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', String(Math.max(1, result.ttlInSeconds)));
        throw new HttpError(429, 'rate_limited', 'Too many requests for this user; wait a minute and try again');
      }
    }
  };
}
