import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sseParser';

function parseAll(chunks: string[]): { events: SseEvent[]; retries: number[] } {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const parser = createSseParser((e) => events.push(e), (ms) => retries.push(ms));
  for (const c of chunks) parser.push(c);
  parser.end();
  return { events, retries };
}

describe('SSE parser', () => {
  it('reads the server stream: retry, resync, change, keep-alive', () => {
    const stream = 'retry: 3000\n\nevent: resync\ndata: {}\n\n: keep-alive\n\nevent: change\ndata: {"collection":"customers"}\n\n';
    const { events, retries } = parseAll([stream]);
    expect(retries).toEqual([3000]);
    expect(events).toEqual([
      { event: 'resync', data: '{}', lastEventId: '' },
      { event: 'change', data: '{"collection":"customers"}', lastEventId: '' },
    ]);
  });

  it('gives the same events however the text is split', () => {
    const stream = 'event: change\r\ndata: {"a":1}\r\n\r\nevent: resync\rdata: {}\r\rdata: x\n\n';
    const whole = parseAll([stream]).events;
    expect(whole).toHaveLength(3);
    for (let size = 1; size < 8; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.slice(i, i + size));
      expect(parseAll(chunks).events, `chunks of ${size}`).toEqual(whole);
    }
  });

  it('joins multi-line data and defaults the event type', () => {
    const { events } = parseAll(['data: first\ndata:second\ndata\n\n']);
    expect(events).toEqual([{ event: 'message', data: 'first\nsecond\n', lastEventId: '' }]);
  });

  it('ignores comments, unknown fields and blocks without data', () => {
    const { events, retries } = parseAll([': hello\nfoo: bar\nevent: ping\n\nretry: soon\n\n']);
    expect(events).toEqual([]);
    expect(retries).toEqual([]);
  });

  it('keeps the last event id', () => {
    const { events } = parseAll(['id: 7\ndata: a\n\ndata: b\n\n']);
    expect(events.map((e) => e.lastEventId)).toEqual(['7', '7']);
  });

  it('drops an event cut off by the end of the stream', () => {
    const { events } = parseAll(['event: change\ndata: {"partial":']);
    expect(events).toEqual([]);
  });

  it('keeps multi-byte text intact across chunks (decoded before parsing)', () => {
    const bytes = new TextEncoder().encode('event: change\ndata: {"name":"张伟"}\n\n');
    const decoder = new TextDecoder();
    const events: SseEvent[] = [];
    const parser = createSseParser((e) => events.push(e));
    for (let i = 0; i < bytes.length; i += 3) parser.push(decoder.decode(bytes.slice(i, i + 3), { stream: true }));
    expect(JSON.parse(events[0]?.data ?? 'null')).toEqual({ name: '张伟' });
  });
});
