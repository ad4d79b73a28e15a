import { describe, expect, it } from 'vitest';
import { ServerStamps, stampOf } from './serverStamps';

const doc = (id: string, updatedAt: string, deleted = false, updatedBy = 'u1') => ({ id, updatedAt, updatedBy, _deleted: deleted }) as { id: string };

describe('ServerStamps', () => {
  it('recognises a received server state and nothing else', () => {
    const s = new ServerStamps();
    s.note('customers', [doc('c1', '2026-11-23T10:00:00.000Z')]);
    expect(s.isServerState('customers', 'c1', '2026-11-23T10:00:00.000Z')).toBe(true);
    expect(s.isServerState('customers', 'c1', '2026-11-23T10:00:01.000Z')).toBe(false);
    expect(s.isServerState('visits', 'c1', '2026-11-23T10:00:00.000Z')).toBe(false);
  });

  it('still recognises an older state written after a newer one arrived, up to sixteen back', () => {
    const s = new ServerStamps();
    const stamps = Array.from({ length: 17 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    for (const t of stamps) s.note('customers', [doc('c1', t)]);
    expect(stamps.map((t) => s.isServerState('customers', 'c1', t))).toEqual([false, ...Array(16).fill(true)]);
    expect(s.newest('customers', 'c1')).toBe('t16');
    expect(s.newest('customers', 'c2')).toBe('');
  });

  it('an echo is a received state with the same deleted flag: a local delete of it is not one', () => {
    const s = new ServerStamps();
    s.note('customers', [doc('c1', 't1')]);
    expect(s.isEcho('customers', doc('c1', 't1'))).toBe(true);
    expect(s.isEcho('customers', doc('c1', 't1', true))).toBe(false);
    expect(s.isEcho('customers', doc('c1', 't2'))).toBe(false);
    // The same millisecond by someone else (a local edit of this user) is not an echo.
    expect(s.isEcho('customers', doc('c1', 't1', false, 'u2'))).toBe(false);
    // Nor a local edit that happens to carry the same stamp and author: its content differs.
    expect(s.isEcho('customers', { ...doc('c1', 't1'), name: 'edited' } as { id: string })).toBe(false);
    // Key order and RxDB's meta fields do not matter.
    expect(s.isEcho('customers', { _deleted: false, updatedBy: 'u1', updatedAt: 't1', id: 'c1', _rev: '2-x', _meta: { lwt: 1 } } as { id: string })).toBe(true);
  });

  it('reads updatedAt defensively', () => {
    expect(stampOf({ updatedAt: 'x' })).toBe('x');
    expect(stampOf({})).toBe('');
  });
});
