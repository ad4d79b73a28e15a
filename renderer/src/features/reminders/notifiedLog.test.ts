import { describe, expect, it } from 'vitest';
import { loadNotifiedLog, saveNotifiedLog } from './notifiedLog';

function memory() {
  const items = new Map<string, string>();
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('notified log', () => {
  it('round-trips per user', () => {
    const storage = memory();
    saveNotifiedLog('u1', { day: '2026-03-10', keys: ['fu:v1', 'cu:r1'] }, storage);
    expect(loadNotifiedLog('u1', storage)).toEqual({ day: '2026-03-10', keys: ['fu:v1', 'cu:r1'] });
    expect(loadNotifiedLog('u2', storage)).toBeNull();
  });

  it('ignores what it cannot read', () => {
    const storage = memory();
    for (const raw of ['not json', '42', '{"day":1,"keys":[]}', '{"day":"2026-03-10","keys":[1]}', '{"day":"2026-03-10"}']) {
      storage.items.set('fieldbook.reminders.notified.u1', raw);
      expect(loadNotifiedLog('u1', storage), raw).toBeNull();
    }
  });

  it('survives storage that refuses to write', () => {
    expect(() => saveNotifiedLog('u1', { day: 'd', keys: [] }, { setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } })).not.toThrow();
  });
});
