/** One server-sent event, as dispatched by the parser. */
export interface SseEvent {
  /** `event:` field; "message" when the server sent none. */
  event: string;
  /** `data:` lines joined with "\n". */
  data: string;
  /** Last `id:` seen on the stream, "" when none. */
  lastEventId: string;
}

export interface SseParser {
  /** Feeds decoded text; chunks may split lines (and CRLF pairs) anywhere. */
  push(chunk: string): void;
  /** The stream ended: an event without its closing blank line is dropped, as the spec says. */
  end(): void;
}

/**
 * A parser for the text/event-stream format (WHATWG HTML, "Server-sent events"), for reading
 * the stream with fetch: EventSource cannot send an Authorization header. Comment lines
 * (": keep-alive") are ignored; `retry:` is reported to `onRetry`.
 */
export function createSseParser(onEvent: (event: SseEvent) => void, onRetry?: (ms: number) => void): SseParser {
  let buffer = '';
  let eventType = '';
  let data: string[] = [];
  let hasData = false;
  let lastEventId = '';
  let pendingCr = false;

  const dispatch = () => {
    if (hasData) onEvent({ event: eventType || 'message', data: data.join('\n'), lastEventId });
    eventType = '';
    data = [];
    hasData = false;
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        eventType = value;
        break;
      case 'data':
        data.push(value);
        hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) onRetry?.(Number(value));
        break;
      default:
        break;
    }
  };

  return {
    push(chunk) {
      let text = chunk;
      // A CR at the end of the last chunk may be the first half of a CRLF.
      if (pendingCr) {
        pendingCr = false;
        if (text.startsWith('\n')) text = text.slice(1);
      }
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      buffer = '';
      eventType = '';
      data = [];
      hasData = false;
      pendingCr = false;
    },
  };
}
