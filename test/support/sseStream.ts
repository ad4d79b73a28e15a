import { createSseParser } from '../../renderer/src/features/sync/sseParser';
import { API } from '../../shared/sync/protocol';

/** One event of the sync stream, its data parsed as JSON. */
export interface StreamEvent {
  event: string;
  data: unknown;
}

/** The sync stream read with fetch (as the app reads it), collecting its events. */
export interface StreamReader {
  status: number;
  contentType: string | null;
  events: StreamEvent[];
  /** Resolves with the first event (already received or coming) that matches. */
  waitFor(predicate: (e: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
}

/** GET the sync stream of `baseUrl` with a bearer token; parsed by the app's own SSE parser. */
export async function openStream(baseUrl: string, token: string): Promise<StreamReader> {
  const controller = new AbortController();
  const response = await fetch(baseUrl + API.stream, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  const events: StreamEvent[] = [];
  const waiters = new Set<{ predicate: (e: StreamEvent) => boolean; resolve: (e: StreamEvent) => void }>();
  const parser = createSseParser(({ event, data }) => {
    const parsed: StreamEvent = { event, data: JSON.parse(data) as unknown };
    events.push(parsed);
    for (const w of [...waiters]) {
      if (w.predicate(parsed)) {
        waiters.delete(w);
        w.resolve(parsed);
      }
    }
  });
  const reader = response.status === 200 ? response.body?.getReader() : undefined;
  if (reader) {
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return parser.end();
          parser.push(decoder.decode(value, { stream: true }));
        }
      } catch {
        // aborted by close()
      }
    })();
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events,
    waitFor: (predicate, timeoutMs = 5000) => {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (e: StreamEvent) => { clearTimeout(timer); resolve(e); } };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => controller.abort(),
  };
}
