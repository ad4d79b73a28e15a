import { isSyncedCollection, type StreamChange } from '../../../../shared/sync/protocol';
import { ApiRequestError, isSessionEnd } from '../auth/apiError';
import { backoffDelay } from './backoff';
import { createSseParser, type SseEvent } from './sseParser';

export interface EventStreamOptions {
  /** Opens GET /api/sync/stream with the access token (TokenManager.fetch). */
  open(signal: AbortSignal): Promise<Response>;
  onChange(change: StreamChange): void;
  /** Connected again (or the server fell behind): every collection must pull from its checkpoint. */
  onResync(): void;
  /** Any bytes arrived (events or keep-alives): the connection is alive. */
  onAlive?(): void;
  onConnected?(connected: boolean): void;
  onError?(error: unknown): void;
  /** No bytes for this long (the server sends keep-alives every 15 s): reconnect. */
  idleTimeoutMs?: number;
  delay?: (attempt: number) => number;
}

function isValidChange(value: unknown): value is StreamChange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const checkpoint = v.checkpoint as Record<string, unknown> | undefined;
  return isSyncedCollection(v.collection) && Array.isArray(v.documents) && typeof checkpoint?.seq === 'number';
}

/**
 * The one event stream for all collections, read with fetch (EventSource cannot send the
 * Authorization header). Reconnects with backoff after any end or error, at once when the
 * network comes back; stops for good when the session ended.
 */
export class SharedEventStream {
  private stopped = true;
  private abort: AbortController | null = null;
  private wake: (() => void) | null = null;
  private immediate = false;
  private running = false;
  private readonly options: EventStreamOptions;
  private readonly onOnline = () => this.reconnectNow();

  constructor(options: EventStreamOptions) {
    this.options = options;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    this.run();
  }

  stop(): void {
    this.stopped = true;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    this.abort?.abort();
    this.wake?.();
  }

  /** Drops the current connection (if any) and connects again without waiting. */
  reconnectNow(): void {
    if (this.stopped) return;
    if (!this.running) return this.run();
    this.immediate = true;
    this.abort?.abort();
    this.wake?.();
  }

  private run(): void {
    this.running = true;
    void this.loop().finally(() => {
      this.running = false;
    });
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      this.immediate = false;
      const abort = new AbortController();
      this.abort = abort;
      let healthy = false;
      try {
        const response = await this.options.open(abort.signal);
        if (!response.body) throw new ApiRequestError('bad_response', 'The event stream has no body');
        this.options.onConnected?.(true);
        healthy = await this.read(response.body, abort);
      } catch (error) {
        if (this.stopped) break;
        const aborted = abort.signal.aborted;
        if (!aborted) this.options.onError?.(error);
        if (isSessionEnd(error) || (error instanceof ApiRequestError && error.code === 'signed_out')) break;
      } finally {
        this.options.onConnected?.(false);
      }
      if (this.stopped) break;
      attempt = healthy ? 0 : attempt + 1;
      if (this.immediate) {
        attempt = 0;
        continue;
      }
      await this.sleep((this.options.delay ?? backoffDelay)(attempt));
    }
    this.abort = null;
  }

  /** Reads until the stream ends; true when at least one event came (the connection was good). */
  private async read(body: ReadableStream<Uint8Array>, abort: AbortController): Promise<boolean> {
    let gotEvent = false;
    const parser = createSseParser((e) => {
      gotEvent = true;
      this.dispatch(e);
    });
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const idleMs = this.options.idleTimeoutMs ?? 45_000;
    let idle = setTimeout(() => abort.abort(), idleMs);
    const onAbort = () => void reader.cancel().catch(() => undefined);
    abort.signal.addEventListener('abort', onAbort);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        clearTimeout(idle);
        idle = setTimeout(() => abort.abort(), idleMs);
        this.options.onAlive?.();
        parser.push(decoder.decode(value, { stream: true }));
      }
    } finally {
      clearTimeout(idle);
      abort.signal.removeEventListener('abort', onAbort);
      parser.end();
    }
    return gotEvent;
  }

  private dispatch(e: SseEvent): void {
    if (e.event === 'resync') {
      this.options.onResync();
      return;
    }
    if (e.event !== 'change') return;
    let value: unknown;
    try {
      value = JSON.parse(e.data);
    } catch {
      console.warn('Ignored a change event that is not JSON');
      return;
    }
    if (isValidChange(value)) this.options.onChange(value);
    else console.warn('Ignored a malformed change event');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    }).finally(() => {
      this.wake = null;
    });
  }
}
