/**
 * A process holding a few sync test clients (run with `node --import tsx`, driven over IPC by
 * test/sync/hosts.ts). See hostProtocol.ts for why the clients are spread over processes.
 */
import type { ClientReport, HostProgress, HostReply, HostRequest, Snapshot } from './hostProtocol';
import { SyncClient } from './syncClient';

let clients: SyncClient[] = [];

function send(message: HostReply | HostProgress): void {
  process.send?.(message);
}

function client(name: string): SyncClient {
  const found = clients.find((c) => c.name === name);
  if (!found) throw new Error(`no client ${name} in this host`);
  return found;
}

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'init': {
      clients = request.clients.map((spec) => new SyncClient(spec, request.serverUrl, `fb_${request.runId}_${spec.name}`.toLowerCase().replace(/[^a-z0-9_]/g, '_')));
      await Promise.all(clients.map((c) => c.open()));
      return clients.map((c) => ({ name: c.name, userId: c.userId }));
    }
    case 'run':
      await Promise.all(clients.map((c) => c.runOps({
        ops: request.ops,
        maxDelayMs: request.maxDelayMs,
        hot: request.hot,
        onProgress: (done) => send({ progress: { client: c.name, done } }),
      })));
      return null;
    case 'settle':
      await Promise.all(clients.map((c) => c.settle()));
      return null;
    case 'snapshot': {
      const out: Snapshot = {};
      for (const c of clients) out[c.name] = await c.snapshot();
      return out;
    }
    case 'documents':
      return client(request.client).documents(request.collection, request.ids);
    case 'inspect':
      return client(request.client).inspect(request.collection, request.ids);
    case 'report':
      return clients.map((c): ClientReport => ({ name: c.name, userId: c.userId, stats: c.stats, edits: c.edits, trace: c.trace }));
    case 'close':
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      setTimeout(() => process.exit(0), 10).unref();
      return null;
  }
}

process.on('message', (message: HostRequest) => {
  handle(message).then(
    (value) => send({ reqId: message.reqId, ok: true, value }),
    (error: unknown) => send({ reqId: message.reqId, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

// RxDB and fetch may reject in the background while a client closes or the server is killed: log, keep going.
process.on('unhandledRejection', (reason) => {
  console.error('[client host] unhandled rejection:', reason instanceof Error ? reason.stack : reason);
});
process.on('disconnect', () => process.exit(0));
