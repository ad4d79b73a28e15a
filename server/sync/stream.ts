import type { FastifyReply, FastifyRequest } from 'fastify';
import { canRead } from '../../shared/sync/access';
import type { StreamChange, SyncDoc } from '../../shared/sync/protocol';
import { actorOf } from '../auth/authenticate';
import type { ServerDeps } from '../http/context';
import { SECURITY_HEADERS, corsHeaders } from '../http/headers';
import type { ChangeEvent } from '../store/types';

export interface StreamOptions {
  keepAliveMs: number;
  corsOrigins: readonly string[];
}

/** A client that does not read its stream is dropped (it reconnects and resyncs). */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * GET /api/sync/stream: one server-sent-events stream per device for all collections.
 * `resync` first (the client pulls from its checkpoint, so nothing written while it was away is
 * missed), then `change` events with the documents this actor may read. The stream ends when
 * the access token expires or the device session is revoked; the client reconnects.
 */
export class EventStreams {
  private readonly open = new Set<() => void>();
  private readonly devices = new Map<() => void, { userId: string; deviceId: string | null }>();

  constructor(
    private readonly deps: ServerDeps,
    private readonly options: StreamOptions,
  ) {}

  get size(): number {
    return this.open.size;
  }

  /** Ends this process's streams of a revoked device at once (other processes: at their next keep-alive). */
  closeDevice(deviceId: string, userId: string | null): number {
    let closed = 0;
    for (const [close, who] of [...this.devices]) {
      if (who.deviceId === deviceId && (userId === null || who.userId === userId)) {
        close();
        closed += 1;
      }
    }
    return closed;
  }

  /** Ends every open stream (server shutdown). */
  closeAll(): void {
    for (const close of [...this.open]) close();
  }

  handle = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const actor = actorOf(request);
    const sessionId = request.sessionId;
    const res = reply.raw;
    reply.hijack();
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      ...corsHeaders(request.headers.origin, this.options.corsOrigins),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });

    let closed = false;
    const send = (text: string): void => {
      if (closed) return;
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        request.log.warn({ userId: actor.userId }, 'event stream client too slow; closing');
        close();
        return;
      }
      res.write(text);
    };

    const unsubscribe = this.deps.store.onChange((event: ChangeEvent) => {
      const visible = event.docs.filter((d) => canRead(actor, event.collection, d.data));
      if (visible.length === 0) return;
      const change: StreamChange = {
        collection: event.collection,
        documents: visible.map((d) => d.data) as SyncDoc[],
        checkpoint: { seq: Math.max(...visible.map((d) => d.seq)) },
      };
      send(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
    });

    const keepAlive = setInterval(() => {
      send(': keep-alive\n\n');
      // A revoke takes effect on an open stream too, at the next keep-alive.
      if (sessionId) {
        this.deps.store.getSession(sessionId).then(
          (session) => {
            if (!session || session.revokedAt) close();
          },
          (error: unknown) => request.log.warn({ err: error }, 'session check failed'),
        );
      }
    }, this.options.keepAliveMs);
    keepAlive.unref();

    const expiresInMs = request.accessTokenExp ? request.accessTokenExp * 1000 - Date.parse(this.deps.now()) : 0;
    const expiry = expiresInMs > 0 ? setTimeout(() => close(), Math.min(expiresInMs, 2_147_483_647)) : undefined;
    expiry?.unref();

    const close = (): void => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(keepAlive);
      if (expiry) clearTimeout(expiry);
      this.open.delete(close);
      this.devices.delete(close);
      if (!res.writableEnded) res.end();
    };
    this.open.add(close);
    this.devices.set(close, { userId: actor.userId, deviceId: actor.deviceId });
    request.raw.on('close', close);
    res.on('close', close);
    res.on('error', close);

    send('retry: 3000\n\n');
    send('event: resync\ndata: {}\n\n');
    request.log.debug({ userId: actor.userId }, 'event stream opened');
  };
}
