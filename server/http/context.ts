import type { FastifyReply as Reply, FastifyRequest as Request } from 'fastify';
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
    /** Expiry of the request's access token, seconds since the epoch (the event stream ends then). */
    accessTokenExp?: number;
  }
  interface FastifyInstance {
    /** preHandler: verifies the bearer access token and the device session, sets request.actor. */
    authenticate: (request: Request, reply: Reply) => Promise<void>;
  }
}
