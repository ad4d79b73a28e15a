/**
 * Simulated app clients for the server-load benchmark, run in a child process of the benchmark
 * (apart from the server; `fork` with IPC). Each client is one signed-in device of a real user: it signs in over HTTP,
 * keeps its event stream open (and follows it, as the app does: documents and checkpoints),
 * and then, with a think time between requests, does the app's sync traffic: an incremental
 * pull of one collection from its checkpoint (following full pages like RxDB), a new visit
 * pushed, or a customer edited with assumedMasterState (a conflict answer becomes its new
 * master state). Requests go over keep-alive connections (node:http Agent).
 *
 * Every request's latency is recorded by kind; any non-2xx answer or network error counts as
 * an error, by kind and status.
 */
import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { seededRandom } from '../../shared/demo/random';
import type { PullResponse, PushResponse, StreamChange, SyncDoc, SyncedCollection, TokenResponse } from '../../shared/sync/protocol';
import { API, DEFAULT_PULL_LIMIT, SYNCED_COLLECTIONS } from '../../shared/sync/protocol';
import { createSseParser } from '../../renderer/src/features/sync/sseParser';

export interface ClientSpec {
  index: number;
  userName: string;
  userId: string;
  role: 'rep' | 'manager';
  territoryIds: string[];
  deviceId: string;
  /** Customers of the client's territories as its local database holds them after the initial sync. */
  customers: SyncDoc<'customers'>[];
  /** Checkpoint of every collection after the initial sync. */
  checkpoint: number;
  /** An access token of a device session made in the store (skips the sign-in request). */
  accessToken?: string;
}

export interface WorkerInit {
  url: string;
  password: string;
  clients: ClientSpec[];
  /** Mean think time between two requests of one client (uniform in 0.5x..1.5x). */
  thinkMs: number;
  seed: number;
}

export type RequestKind = 'pull' | 'push visit' | 'push customer';
export const REQUEST_KINDS: readonly RequestKind[] = ['pull', 'push visit', 'push customer'];

export interface RunResult {
  /** Latencies in ms by request kind. */
  samples: Record<RequestKind, number[]>;
  /** "kind status" or "kind CODE" -> count. */
  errors: Record<string, number>;
  /** Push rows the server refused (200 answers; a bench bug if not 0). */
  refused: number;
  /** Push rows answered with a conflict (another device wrote the same customer). */
  conflicts: number;
  streamEvents: number;
  streamDocs: number;
  /** Streams that ended or failed during the run. */
  streamDrops: number;
  /** CPU time of the client processes during the run (user + system). */
  clientCpuMs: number;
}

export type ToWorker = { type: 'init'; init: WorkerInit } | { type: 'login' } | { type: 'run'; durationMs: number } | { type: 'stop' };
export type FromWorker =
  | { type: 'ready'; loginMs: number; errors: Record<string, number> }
  | { type: 'result'; result: RunResult }
  | { type: 'stopped' }
  | { type: 'fatal'; message: string };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  body: string;
}

class HttpFailure extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

function makeHttp(base: string) {
  const url = new URL(base);
  // Keep-alive, one socket per client at most (a client has one request in flight at a time).
  const agent = new Agent({ keepAlive: true, maxSockets: 1024, keepAliveMsecs: 10_000 });
  const streamAgent = new Agent({ keepAlive: false, maxSockets: 1024 });

  const send = (method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<Answer> => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest({ agent, hostname: url.hostname, port: url.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e: NodeJS.ErrnoException) => reject(new HttpFailure(e.code ?? 'response error')));
      });
      req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      req.on('error', (e: NodeJS.ErrnoException) => reject(new HttpFailure(e.code ?? e.message)));
      req.end(payload);
    });
  };

  const stream = (token: string, onChunk: (text: string) => void, onEnd: (why: string) => void): Promise<{ status: number; close: () => void }> =>
    new Promise((resolve, reject) => {
      let response: IncomingMessage | null = null;
      const req = httpRequest({ agent: streamAgent, hostname: url.hostname, port: url.port, method: 'GET', path: API.stream, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
        response = res;
        res.setEncoding('utf8');
        res.on('data', onChunk);
        res.on('end', () => onEnd('ended'));
        res.on('error', (e: NodeJS.ErrnoException) => onEnd(e.code ?? 'error'));
        resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
      });
      req.on('error', (e: NodeJS.ErrnoException) => (response ? onEnd(e.code ?? 'error') : reject(new HttpFailure(e.code ?? e.message))));
      req.end();
    });

  return { send, stream, close: () => { agent.destroy(); streamAgent.destroy(); } };
}

type Http = ReturnType<typeof makeHttp>;

const VISIT_NOTES = ['复查血压后调整了剂量建议，约两周后回访。', 'Discussed the new dosing card; will bring samples next week.', '科室会邀请已确认。'];

class Client {
  private token = '';
  private closeStream: (() => void) | null = null;
  private stopping = false;
  private readonly checkpoints = new Map<SyncedCollection, number>();
  private readonly known = new Map<string, SyncDoc<'customers'>>();
  private readonly customerIds: string[];
  private pullTurn = 0;
  private counter = 0;
  private readonly random: () => number;
  result: RunResult = emptyResult();

  constructor(private readonly spec: ClientSpec, private readonly http: Http, private readonly init: WorkerInit) {
    for (const c of SYNCED_COLLECTIONS) this.checkpoints.set(c, spec.checkpoint);
    for (const c of spec.customers) this.known.set(c.id, c);
    this.customerIds = spec.customers.map((c) => c.id);
    this.random = seededRandom(init.seed * 1000 + spec.index);
    this.pullTurn = spec.index % SYNCED_COLLECTIONS.length;
  }

  async login(errors: Record<string, number>): Promise<void> {
    if (this.spec.accessToken) {
      this.token = this.spec.accessToken;
      await this.openStream(errors);
      return;
    }
    const answer = await this.http.send('POST', API.login, null, { userName: this.spec.userName, password: this.init.password, deviceId: this.spec.deviceId, deviceName: `Load client ${this.spec.index}` });
    if (answer.status !== 200) {
      count(errors, `login ${answer.status}`);
      throw new Error(`login of ${this.spec.userName} failed: ${answer.status} ${answer.body.slice(0, 200)}`);
    }
    this.token = (JSON.parse(answer.body) as TokenResponse).accessToken;
    await this.openStream(errors);
  }

  private async openStream(errors: Record<string, number>): Promise<void> {
    const parser = createSseParser((event) => {
      if (event.event !== 'change') return;
      const change = JSON.parse(event.data) as StreamChange;
      this.result.streamEvents += 1;
      this.result.streamDocs += change.documents.length;
      // As the app: the stream's documents are the new master states, its checkpoint the new checkpoint.
      const cp = this.checkpoints.get(change.collection) ?? 0;
      if (change.checkpoint.seq > cp) this.checkpoints.set(change.collection, change.checkpoint.seq);
      if (change.collection === 'customers') {
        for (const doc of change.documents as SyncDoc<'customers'>[]) if (this.known.has(doc.id)) this.known.set(doc.id, doc);
      }
    });
    const { status, close } = await this.http.stream(this.token, (text) => parser.push(text), (why) => {
      if (this.stopping) return;
      this.result.streamDrops += 1;
      count(this.result.errors, `stream ${why}`);
    });
    if (status !== 200) {
      count(errors, `stream ${status}`);
      close();
      return;
    }
    this.closeStream = close;
  }

  stop(): void {
    this.stopping = true;
    this.closeStream?.();
  }

  private think(): number {
    return this.init.thinkMs * (0.5 + this.random());
  }

  async run(endAt: number, startSpreadMs: number): Promise<void> {
    // Spread the first requests, so that the clients do not march in step.
    await sleep(this.random() * startSpreadMs);
    while (performance.now() < endAt) {
      const roll = this.random();
      if (this.spec.role === 'manager') {
        if (roll < 0.8) await this.pull();
        else await this.editCustomer();
      } else if (roll < 0.6) await this.pull();
      else if (roll < 0.85) await this.pushVisit();
      else await this.editCustomer();
      const wait = this.think();
      if (performance.now() + wait >= endAt) break;
      await sleep(wait);
    }
  }

  private async timed(kind: RequestKind, method: 'GET' | 'POST', path: string, body?: unknown): Promise<string | null> {
    const started = performance.now();
    try {
      const answer = await this.http.send(method, path, this.token, body);
      this.result.samples[kind].push(performance.now() - started);
      if (answer.status < 200 || answer.status > 299) {
        count(this.result.errors, `${kind} ${answer.status}${errorCode(answer.body)}`);
        return null;
      }
      return answer.body;
    } catch (error) {
      this.result.samples[kind].push(performance.now() - started);
      count(this.result.errors, `${kind} ${error instanceof HttpFailure ? error.key : String(error)}`);
      return null;
    }
  }

  /** One collection (in turn) pulled from its checkpoint until a page is not full, as RxDB does. */
  private async pull(): Promise<void> {
    const collection = SYNCED_COLLECTIONS[this.pullTurn++ % SYNCED_COLLECTIONS.length]!;
    for (let page = 0; page < 50; page++) {
      const seq = this.checkpoints.get(collection) ?? 0;
      const body = await this.timed('pull', 'GET', `${API.pull(collection)}?seq=${seq}&limit=${DEFAULT_PULL_LIMIT}`);
      if (body === null) return;
      const answer = JSON.parse(body) as PullResponse;
      if (answer.checkpoint.seq > seq) this.checkpoints.set(collection, answer.checkpoint.seq);
      if (collection === 'customers') {
        for (const doc of answer.documents as SyncDoc<'customers'>[]) if (this.known.has(doc.id)) this.known.set(doc.id, doc);
      }
      if (answer.documents.length < DEFAULT_PULL_LIMIT) return;
    }
  }

  private pickCustomer(): SyncDoc<'customers'> {
    return this.known.get(this.customerIds[Math.floor(this.random() * this.customerIds.length)]!)!;
  }

  private async pushVisit(): Promise<void> {
    const customer = this.pickCustomer();
    const now = new Date().toISOString();
    const n = ++this.counter;
    const visit: SyncDoc<'visits'> = {
      id: `load-${this.spec.deviceId}-${n}`, customerId: customer.id, territoryId: customer.territoryId, repId: this.spec.userId,
      kind: 'visit', status: 'submitted', startAt: now, submittedAt: now, durationMinutes: 30, summary: VISIT_NOTES[n % VISIT_NOTES.length]!,
      createdAt: now, updatedAt: now, createdBy: this.spec.userId, updatedBy: this.spec.userId, _deleted: false,
    };
    const body = await this.timed('push visit', 'POST', API.push('visits'), { rows: [{ newDocumentState: visit }] });
    if (body !== null) this.tally(JSON.parse(body) as PushResponse);
  }

  private async editCustomer(): Promise<void> {
    const master = this.pickCustomer();
    const n = ++this.counter;
    const edited: SyncDoc<'customers'> = { ...master, notes: `${this.spec.userName} 更新 update ${n}`, updatedAt: new Date().toISOString(), updatedBy: this.spec.userId };
    const body = await this.timed('push customer', 'POST', API.push('customers'), { rows: [{ newDocumentState: edited, assumedMasterState: master }] });
    if (body === null) return;
    const answer = JSON.parse(body) as PushResponse<'customers'>;
    this.tally(answer);
    // The conflict answer is the server's merged state: RxDB adopts it as the master.
    const conflict = answer.conflicts.find((c) => c.id === master.id);
    this.known.set(master.id, conflict ?? edited);
  }

  private tally(answer: PushResponse): void {
    this.result.conflicts += answer.conflicts.length;
    this.result.refused += answer.refused.length;
    for (const r of answer.refused) count(this.result.errors, `refused ${r.reason}`);
  }
}

function errorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { code?: unknown }).code;
    return typeof code === 'string' ? ` ${code}` : '';
  } catch {
    return '';
  }
}

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function emptyResult(): RunResult {
  return { samples: { pull: [], 'push visit': [], 'push customer': [] }, errors: {}, refused: 0, conflicts: 0, streamEvents: 0, streamDocs: 0, streamDrops: 0, clientCpuMs: 0 };
}

function main(): void {
  const reply = (message: FromWorker): void => {
    process.send?.(message);
  };
  let init: WorkerInit | null = null;
  let http: Http | null = null;
  let clients: Client[] = [];
  process.on('message', (message: ToWorker) => {
    void (async () => {
      try {
        if (message.type === 'init') {
          init = message.init;
          http = makeHttp(init.url);
          const settings = init;
          clients = init.clients.map((spec) => new Client(spec, http!, settings));
          return;
        }
        if (!init || !http) throw new Error('not initialised');
        if (message.type === 'login') {
          const started = performance.now();
          const errors: Record<string, number> = {};
          // Four at a time: sign-in runs scrypt on the server's thread pool (four threads).
          let next = 0;
          await Promise.all(Array.from({ length: 4 }, async () => {
            while (next < clients.length) await clients[next++]!.login(errors);
          }));
          reply({ type: 'ready', loginMs: performance.now() - started, errors });
        } else if (message.type === 'run') {
          for (const c of clients) c.result = emptyResult();
          const cpu = process.cpuUsage();
          const endAt = performance.now() + message.durationMs;
          const spread = Math.min(init.thinkMs, message.durationMs);
          await Promise.all(clients.map((c) => c.run(endAt, spread)));
          const result = emptyResult();
          for (const c of clients) mergeInto(result, c.result);
          const used = process.cpuUsage(cpu);
          result.clientCpuMs = (used.user + used.system) / 1000;
          reply({ type: 'result', result });
        } else {
          for (const c of clients) c.stop();
          http.close();
          reply({ type: 'stopped' });
          process.disconnect?.();
        }
      } catch (error) {
        reply({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
}

export function mergeInto(into: RunResult, from: RunResult): void {
  for (const kind of REQUEST_KINDS) for (const v of from.samples[kind]) into.samples[kind].push(v);
  for (const [key, n] of Object.entries(from.errors)) into.errors[key] = (into.errors[key] ?? 0) + n;
  into.refused += from.refused;
  into.conflicts += from.conflicts;
  into.streamEvents += from.streamEvents;
  into.streamDocs += from.streamDocs;
  into.streamDrops += from.streamDrops;
  into.clientCpuMs += from.clientCpuMs;
}

// Run as the forked client process (the benchmark imports this file only for its types and helpers).
if (process.env.FIELDBOOK_LOAD_CLIENTS === '1' && process.send) main();
