import { describe, expect, it } from 'vitest';
import { ServerStamps, stampOf } from './serverStamps';

describe('ServerStamps', () => {
  it('recognises a received server state and nothing else', () => {
    const s = new ServerStamps();
    s.note('customers', [{ id: 'c1', updatedAt: '2026-11-23T10:00:00.000Z' } as { id: string }]);
    expect(s.isServerState('customers', 'c1', '2026-11-23T10:00:00.000Z')).toBe(true);
    expect(s.isServerState('customers', 'c1', '2026-11-23T10:00:01.000Z')).toBe(false);
    expect(s.isServerState('visits', 'c1', '2026-11-23T10:00:00.000Z')).toBe(false);
  });

  it('still recognises an older state written after a newer one arrived, up to four back', () => {
    const s = new ServerStamps();
    for (const t of ['t1', 't2', 't3', 't4', 't5']) s.note('customers', [{ id: 'c1', updatedAt: t } as { id: string }]);
    expect(['t1', 't2', 't3', 't4', 't5'].map((t) => s.isServerState('customers', 'c1', t))).toEqual([false, true, true, true, true]);
  });

  it('reads updatedAt defensively', () => {
    expect(stampOf({ updatedAt: 'x' })).toBe('x');
    expect(stampOf({})).toBe('');
  });
});
