import type { Actor } from '../../shared/sync/actor';
import type { Store } from '../store/types';

/**
 * What every route gets: the store and the clock/ids (injected so tests control them), and,
 * after the `authenticate` preHandler, the acting user and their device session.
 */
export interface ServerDeps {
  store: Store;
  now: () => string;
  newId: () => string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authenticate preHandler (server/auth); absent on public routes. */
    actor?: Actor;
    sessionId?: string;
  }
  interface FastifyInstance {
    /** preHandler: verifies the bearer access token and the device session, sets request.actor. */
    authenticate: (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => Promise<void>;
  }
}
