import type { FastifyInstance } from 'fastify';
import { isSyncedCollection, type SyncedCollection } from '../../shared/sync/protocol';
import { actorOf } from '../auth/authenticate';
import type { ServerDeps } from '../http/context';
import { unknownCollection } from '../http/errors';
import { parsePullQuery, pull } from './pull';
import { parsePushBody, push } from './push';
import type { EventStreams } from './stream';
import { fetchDocs, parseFetchBody, versions } from './versions';

function collectionParam(params: unknown): SyncedCollection {
  const name = (params as { collection?: unknown }).collection;
  if (!isSyncedCollection(name)) throw unknownCollection(String(name));
  return name;
}

export function registerSyncRoutes(app: FastifyInstance, deps: ServerDeps, streams: EventStreams): void {
  const auth = { preHandler: app.authenticate };

  app.get('/api/sync/:collection/pull', auth, async (request) => {
    const collection = collectionParam(request.params);
    const { seq, limit } = parsePullQuery(request.query);
    return pull(deps.store, actorOf(request), collection, seq, limit);
  });

  app.post('/api/sync/:collection/push', auth, async (request) => {
    const collection = collectionParam(request.params);
    const rows = parsePushBody(collection, request.body);
    const actor = actorOf(request);
    const result = await push({ store: deps.store, actor, now: deps.now(), newId: deps.newId }, collection, rows);
    request.log.info({ collection, rows: rows.length, conflicts: result.conflicts.length, refused: result.refused.length, userId: actor.userId }, 'push');
    return result;
  });

  app.get('/api/sync/:collection/versions', auth, async (request) => versions(deps.store, actorOf(request), collectionParam(request.params)));

  app.post('/api/sync/:collection/fetch', auth, async (request) => {
    const collection = collectionParam(request.params);
    return fetchDocs(deps.store, actorOf(request), collection, parseFetchBody(request.body));
  });

  app.get('/api/sync/stream', auth, streams.handle);
}
