/**
 * The CouchDB-protocol peer for the initial-sync comparison: PouchDB's own HTTP server
 * (express-pouchdb, the core of pouchdb-server) over PouchDB's in-memory adapter, all from the
 * npm registry, pure JavaScript (no leveldown, no prebuilt binaries). Run as its own process:
 *
 *   node --import tsx bench/peer/couchPeer.ts <port>
 *
 * It prints "listening on http://127.0.0.1:<port>" when ready. CORS is open so the benchmark
 * page (another origin) can replicate from it.
 */
import { createRequire } from 'node:module';

type Handler = (req: { method: string; headers: Record<string, string | undefined> }, res: {
  setHeader(name: string, value: string): void;
  statusCode: number;
  end(): void;
}, next: () => void) => void;
interface ExpressApp {
  use(path: string | Handler, handler?: unknown): void;
  listen(port: number, host: string, ready: () => void): void;
}

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-replication'));
const express = require('express') as () => ExpressApp;
const expressPouchDB = require('express-pouchdb') as (pouch: unknown, options: object) => unknown;

const port = Number(process.argv[2] ?? 5940);
const app = express();
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, HEAD, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'content-type, accept');
  if (req.method === 'OPTIONS') {
    res.statusCode = 204;
    res.end();
    return;
  }
  next();
});
app.use('/', expressPouchDB(PouchDB.defaults({ adapter: 'memory' }), { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }));
app.listen(port, '127.0.0.1', () => console.log(`PouchDB peer listening on http://127.0.0.1:${port}`));
