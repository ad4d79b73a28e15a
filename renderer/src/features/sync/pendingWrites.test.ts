import { describe, expect, it } from 'vitest';
import { loadPending, PendingWrites, savePending } from './pendingWrites';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('PendingWrites', () => {
  it('counts each written document once until a push acknowledges it', () => {
    const p = new PendingWrites();
    p.noteWrite('visits', 'v1', '2026-01-01T10:00:00.000Z');
    p.noteWrite('visits', 'v1', '2026-01-01T10:01:00.000Z');
    p.noteWrite('customers', 'c1', '2026-01-01T10:00:00.000Z');
    expect(p.count).toBe(2);
    expect(p.acknowledge('visits', [{ id: 'v1', stamp: '2026-01-01T10:01:00.000Z' }])).toBe(true);
    expect(p.count).toBe(1);
    expect(p.isPending('customers', 'c1')).toBe(true);
    expect(p.isPending('visits', 'v1')).toBe(false);
  });

  it('keeps a document written again while an older state was being pushed', () => {
    const p = new PendingWrites();
    p.noteWrite('visits', 'v1', '2026-01-01T10:00:00.000Z');
    p.noteWrite('visits', 'v1', '2026-01-01T10:05:00.000Z'); // edited while the first push was in flight
    expect(p.acknowledge('visits', [{ id: 'v1', stamp: '2026-01-01T10:00:00.000Z' }])).toBe(false);
    expect(p.count).toBe(1);
    p.acknowledge('visits', [{ id: 'v1', stamp: '2026-01-01T10:05:00.000Z' }]);
    expect(p.count).toBe(0);
  });

  it('ignores acknowledgements of documents it never counted', () => {
    const p = new PendingWrites();
    expect(p.acknowledge('visits', [{ id: 'x', stamp: 'z' }])).toBe(false);
    p.noteWrite('visits', 'v1', 'a');
    expect(p.acknowledge('customers', [{ id: 'v1', stamp: 'a' }])).toBe(false);
    expect(p.count).toBe(1);
  });

  it('survives a restart through storage, and settles what the first push after start sent', () => {
    const storage = memoryStorage();
    const before = new PendingWrites();
    before.noteWrite('adverseevents', 'ae1', 's1');
    before.noteWrite('visits', 'v1', 's1');
    before.noteWrite('visits', 'v2', 's1');
    savePending('u-1', before, storage);

    const after = loadPending('u-1', storage);
    expect(after.count).toBe(3);
    expect(loadPending('u-2', storage).count).toBe(0);

    // Written again in this run: not settled by the first push, only by its own acknowledgement.
    after.noteWrite('visits', 'v2', 's2');
    expect(after.settleRestored('visits')).toBe(true);
    expect(after.countOf('visits')).toBe(1);
    expect(after.countOf('adverseevents')).toBe(1);
    // A restored entry is acknowledged by any push of it.
    after.acknowledge('adverseevents', [{ id: 'ae1', stamp: '' }]);
    expect(after.count).toBe(1);

    after.acknowledge('visits', [{ id: 'v2', stamp: 's2' }]);
    savePending('u-1', after, storage);
    expect(storage.map.has('fieldbook.pending.u-1')).toBe(false);
  });

  it('reads a damaged snapshot as empty', () => {
    const storage = memoryStorage();
    storage.setItem('fieldbook.pending.u-1', '{not json');
    expect(loadPending('u-1', storage).count).toBe(0);
    expect(PendingWrites.fromSnapshot({ visits: 'nope', customers: { c1: { stamp: 5 } } }).count).toBe(1);
  });
});
