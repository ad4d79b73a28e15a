import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasErrors, validateDocument } from '../validation/validateDocument';
import type { Actor } from './actor';
import { conflictRecords, equalIgnoring, mergeForPush, type LostValue } from './merge';

const OWNED = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;
const T0 = '2026-03-02T01:30:00.000Z';
const T1 = '2026-03-02T02:00:00.000Z';
const T2 = '2026-03-02T03:00:00.000Z';

type Doc = Record<string, unknown>;
const doc = (fields: Doc, at = T0, by = 'u-rep-li'): Doc => ({
  id: 'c-1', _deleted: false, createdAt: T0, createdBy: 'u-rep-li', updatedAt: at, updatedBy: by, ...fields,
});
const merge = (base: Doc | undefined, incoming: Doc, master: Doc | undefined) => mergeForPush(base, incoming, master, OWNED);

describe('equalIgnoring', () => {
  it('ignores key order, undefined-valued keys and the given paths', () => {
    expect(equalIgnoring({ a: 1, b: { x: 1, y: [1, 2] } }, { b: { y: [1, 2], x: 1 }, a: 1 }, [])).toBe(true);
    expect(equalIgnoring({ a: 1, b: undefined }, { a: 1 }, [])).toBe(true);
    expect(equalIgnoring({ a: 1, updatedAt: T0 }, { a: 1, updatedAt: T1 }, ['updatedAt'])).toBe(true);
    expect(equalIgnoring({ a: { s: 1, k: 1 } }, { a: { s: 2, k: 1 } }, ['a.s'])).toBe(true);
  });
  it('sees differences in values, array order and array length', () => {
    expect(equalIgnoring({ a: 1 }, { a: 2 }, [])).toBe(false);
    expect(equalIgnoring({ a: [1, 2] }, { a: [2, 1] }, [])).toBe(false);
    expect(equalIgnoring({ a: [1] }, { a: [1, 1] }, [])).toBe(false);
    expect(equalIgnoring({ a: { x: 1 } }, { a: { x: 1, y: 0 } }, [])).toBe(false);
    expect(equalIgnoring({ a: 1, updatedAt: T0 }, { a: 1, updatedAt: T1 }, [])).toBe(false);
  });
});

describe('mergeForPush', () => {
  it('no master: takes incoming', () => {
    const incoming = doc({ name: 'A' });
    const r = merge(undefined, incoming, undefined);
    expect(r).toEqual({ merged: incoming, lost: [], changed: true });
    expect(r.merged).not.toBe(incoming);
  });

  it('idempotent resend: incoming equals master but for server-owned fields', () => {
    const master = doc({ name: 'A', address: { city: '上海', line: 'x' } }, T1, 'u-server');
    const incoming = doc({ address: { line: 'x', city: '上海' }, name: 'A' }, T0, 'u-forged');
    const r = merge(doc({ name: 'old' }), incoming, master);
    expect(r).toEqual({ merged: master, lost: [], changed: false });
  });

  it('fast-forward: base equals master, incoming wins as a whole, server-owned from master', () => {
    const base = doc({ name: 'A', phone: '1' });
    const master = doc({ name: 'A', phone: '1' }, T1, 'u-server');
    const incoming = { ...doc({ name: 'B' }, T2, 'u-forged'), createdBy: 'u-forged' };
    const r = merge(base, incoming, master);
    expect(r.lost).toEqual([]);
    expect(r.changed).toBe(true);
    expect(r.merged).toEqual(doc({ name: 'B' }, T1, 'u-server'));
    expect(r.merged).not.toHaveProperty('phone');
  });

  it('different fields changed on each side merge', () => {
    const base = doc({ name: 'A', phone: '1', tier: 'B' });
    const master = doc({ name: 'A', phone: '2', tier: 'B' }, T1, 'u-mgr');
    const incoming = doc({ name: 'Z', phone: '1', tier: 'B' }, T2);
    const r = merge(base, incoming, master);
    expect(r.merged).toEqual(doc({ name: 'Z', phone: '2', tier: 'B' }, T1, 'u-mgr'));
    expect(r.lost).toEqual([]);
    expect(r.changed).toBe(true);
  });

  it('recurses into plain objects: address.city vs address.line', () => {
    const base = doc({ address: { city: '上海', line: '枫林路180号' } });
    const master = doc({ address: { city: '上海', line: '枫林路188号' } }, T1);
    const incoming = doc({ address: { city: '杭州', line: '枫林路180号' } });
    const r = merge(base, incoming, master);
    expect(r.merged.address).toEqual({ city: '杭州', line: '枫林路188号' });
    expect(r.lost).toEqual([]);
  });

  it('both sides made the same change: taken, no conflict', () => {
    const base = doc({ name: 'A', phone: '1' });
    const master = doc({ name: 'B', phone: '1' }, T1);
    const incoming = doc({ name: 'B', phone: '9' });
    const r = merge(base, incoming, master);
    expect(r.merged).toMatchObject({ name: 'B', phone: '9' });
    expect(r.lost).toEqual([]);
  });

  it('both changed the same field differently: master stays, incoming is lost', () => {
    const base = doc({ name: 'A', phone: '1' });
    const master = doc({ name: 'B', phone: '1' }, T1);
    const incoming = doc({ name: 'C', phone: '2' });
    const r = merge(base, incoming, master);
    expect(r.merged).toMatchObject({ name: 'B', phone: '2' });
    expect(r.lost).toEqual([{ path: 'name', kept: 'B', other: 'C' }]);
    expect(r.changed).toBe(true);
  });

  it('nested conflict has a dotted path', () => {
    const base = doc({ assessment: { tier: 'B', rating: 3 } });
    const master = doc({ assessment: { tier: 'A', rating: 3 } }, T1);
    const incoming = doc({ assessment: { tier: 'C', rating: 4 } });
    const r = merge(base, incoming, master);
    expect(r.merged.assessment).toEqual({ tier: 'A', rating: 4 });
    expect(r.lost).toEqual([{ path: 'assessment.tier', kept: 'A', other: 'C' }]);
  });

  it('arrays are atomic', () => {
    const base = doc({ tags: ['a', 'b'] });
    const master = doc({ tags: ['a', 'b', 'c'] }, T1);
    const incoming = doc({ tags: ['b'] });
    const r = merge(base, incoming, master);
    expect(r.merged.tags).toEqual(['a', 'b', 'c']);
    expect(r.lost).toEqual([{ path: 'tags', kept: ['a', 'b', 'c'], other: ['b'] }]);
  });

  it('a missing key is a value', () => {
    const base = doc({ name: 'A', phone: '1', email: 'a@b.cn' });
    const master = doc({ name: 'B', phone: '1', email: 'x@b.cn' }, T1);
    const incoming = doc({ name: 'A' }); // removed phone (master kept it) and email (master changed it)
    const r = merge(base, incoming, master);
    expect(r.merged).not.toHaveProperty('phone');
    expect(r.merged).toMatchObject({ name: 'B', email: 'x@b.cn' });
    expect(r.lost).toEqual([{ path: 'email', kept: 'x@b.cn', other: undefined }]);
    // master removed, incoming untouched: stays removed
    const r2 = merge(doc({ name: 'A', fax: '1' }), doc({ name: 'Z', fax: '1' }), doc({ name: 'A' }, T1));
    expect(r2.merged).not.toHaveProperty('fax');
    expect(r2.merged.name).toBe('Z');
  });

  it('a nested object added on both sides merges field by field', () => {
    const base = doc({ name: 'A' });
    const master = doc({ name: 'B', address: { city: '上海' } }, T1);
    const incoming = doc({ name: 'A', address: { city: '杭州', line: 'x' } });
    const r = merge(base, incoming, master);
    expect(r.merged.address).toEqual({ city: '上海', line: 'x' });
    expect(r.lost).toEqual([{ path: 'address.city', kept: '上海', other: '杭州' }]);
  });

  it('server-owned paths always come from master in a three-way merge', () => {
    const base = doc({ name: 'A', phone: '1' });
    const master = doc({ name: 'A', phone: '2' }, T1, 'u-mgr');
    const incoming = { ...doc({ name: 'B', phone: '1' }, T2, 'u-forged'), createdAt: T2, createdBy: 'u-forged' };
    const r = merge(base, incoming, master);
    expect(r.merged).toMatchObject({ createdAt: T0, createdBy: 'u-rep-li', updatedAt: T1, updatedBy: 'u-mgr' });
  });

  it('server-owned differences alone are no change', () => {
    const base = doc({ name: 'A' });
    const master = doc({ name: 'B' }, T1);
    const incoming = doc({ name: 'B' }, T2, 'u-x');
    expect(merge(base, incoming, master).changed).toBe(false);
  });

  describe('_deleted: an edit beats a delete', () => {
    const base = doc({ name: 'A', phone: '1' });
    it('incoming delete vs master edit: not deleted, the delete is recorded as lost', () => {
      const master = doc({ name: 'B', phone: '1' }, T1);
      const incoming = { ...base, _deleted: true };
      const r = merge(base, incoming, master);
      expect(r.merged).toMatchObject({ _deleted: false, name: 'B' });
      expect(r.lost).toEqual([{ path: '_deleted', kept: false, other: true }]);
    });
    it('master delete vs incoming edit: not deleted, incoming edit applied, the delete is recorded as lost (as its deleter\'s)', () => {
      const master = { ...doc({ name: 'A', phone: '1' }, T1, 'u-mgr'), _deleted: true };
      const incoming = doc({ name: 'A', phone: '2' });
      const r = merge(base, incoming, master);
      expect(r.merged).toMatchObject({ _deleted: false, phone: '2' });
      // Otherwise the manager's delete would be undone without a trace: nobody who revived it had seen it.
      expect(r.lost).toEqual([{ path: '_deleted', kept: false, other: true, by: 'u-mgr', at: T1 }]);
      expect(r.changed).toBe(true);
      // The conflict record names the user who deleted, not the one who pushed the edit.
      const [record] = conflictRecords({
        collection: 'customers', documentId: 'c-1', territoryId: 'T', lost: r.lost,
        actor: { userId: 'u-rep-li', roles: ['rep'], territoryIds: ['T'], deviceId: 'd' }, now: T2, newId: () => 'cf-1',
      });
      expect(record).toMatchObject({ field: '_deleted', keptValue: 'false', otherValue: 'true', otherBy: 'u-mgr', otherAt: T1, createdBy: 'u-rep-li', createdAt: T2 });
      // A resend of the same row changes nothing and records nothing again.
      expect(merge(base, incoming, r.merged)).toMatchObject({ changed: false, lost: [] });
    });
    it('master delete vs an incoming row without field edits: stays deleted', () => {
      const master = { ...doc({ name: 'A', phone: '1' }, T1), _deleted: true };
      const incoming = doc({ name: 'A', phone: '1' }, T2, 'u-other');
      const r = merge(base, incoming, master);
      expect(r.merged._deleted).toBe(true);
      expect(r.changed).toBe(false);
    });
    it('master delete with edits vs incoming edits: not deleted, both edits, the delete recorded', () => {
      const master = { ...doc({ name: 'B', phone: '1' }, T1), _deleted: true };
      const incoming = doc({ name: 'A', phone: '2' });
      const r = merge(base, incoming, master);
      expect(r.merged).toMatchObject({ _deleted: false, name: 'B', phone: '2' });
      expect(r.lost).toEqual([{ path: '_deleted', kept: false, other: true, by: 'u-rep-li', at: T1 }]);
    });
    it('both deleted: deleted', () => {
      const master = { ...doc({ name: 'B', phone: '1' }, T1), _deleted: true };
      const incoming = { ...doc({ name: 'A', phone: '2' }), _deleted: true };
      const r = merge(base, incoming, master);
      expect(r.merged).toMatchObject({ _deleted: true, name: 'B', phone: '2' });
      expect(r.lost).toEqual([]);
    });
    it('fast-forward delete', () => {
      const r = merge(base, { ...base, _deleted: true }, doc({ name: 'A', phone: '1' }, T1));
      expect(r.merged._deleted).toBe(true);
      expect(r.changed).toBe(true);
    });
    it('an incoming row still deleted from its base does not record a lost delete', () => {
      const delBase = { ...base, _deleted: true };
      const master = doc({ name: 'B', phone: '1' }, T1); // restored and edited on the server
      const r = merge(delBase, { ...delBase, phone: '3' }, master);
      expect(r.merged).toMatchObject({ _deleted: false, name: 'B', phone: '3' });
      expect(r.lost).toEqual([]);
    });
  });

  describe('no base while master exists', () => {
    it('differing fields are conflicts (master kept), fields only in incoming are taken', () => {
      const master = doc({ name: 'A', phone: '1', address: { city: '上海' } }, T1);
      const incoming = doc({ name: 'B', phone: '1', email: 'a@b.cn', address: { city: '上海', line: 'x' } });
      const r = merge(undefined, incoming, master);
      expect(r.merged).toMatchObject({ name: 'A', phone: '1', email: 'a@b.cn', address: { city: '上海', line: 'x' } });
      expect(r.lost).toEqual([{ path: 'name', kept: 'A', other: 'B' }]);
      expect(r.changed).toBe(true);
    });
    it('fields only in master are kept without a conflict', () => {
      const master = doc({ name: 'A', phone: '1' }, T1);
      const r = merge(undefined, doc({ name: 'A' }), master);
      expect(r.merged).toMatchObject({ name: 'A', phone: '1' });
      expect(r.lost).toEqual([]);
      expect(r.changed).toBe(false);
    });
    it('an incoming delete against a live master with other fields loses', () => {
      const master = doc({ name: 'B' }, T1);
      const r = merge(undefined, { ...doc({ name: 'A' }), _deleted: true }, master);
      expect(r.merged).toMatchObject({ _deleted: false, name: 'B' });
      expect(r.lost).toEqual([
        { path: 'name', kept: 'B', other: 'A' },
        { path: '_deleted', kept: false, other: true },
      ]);
    });
    it('an incoming delete of the very fields the master holds stands (create retried, then deleted)', () => {
      const master = doc({ name: 'A' }, T1, 'u-server');
      const r = merge(undefined, { ...doc({ name: 'A' }, T2), _deleted: true }, master);
      expect(r.merged).toEqual({ ...master, _deleted: true });
      expect(r.lost).toEqual([]);
      expect(r.changed).toBe(true);
    });
    it('a retried create does not undo a delete made on the server since', () => {
      const master = { ...doc({ name: 'A' }, T1, 'u-mgr'), _deleted: true };
      const r = merge(undefined, doc({ name: 'A' }), master);
      expect(r.merged).toEqual(master);
      expect(r.lost).toEqual([]);
      expect(r.changed).toBe(false);
    });
    it('an incoming delete that holds more than the master stands, and a resend changes nothing', () => {
      const master = doc({ name: 'A' }, T1);
      const incoming = { ...doc({ name: 'A', phone: '2' }), _deleted: true };
      const r = merge(undefined, incoming, master);
      expect(r.merged).toMatchObject({ _deleted: true, name: 'A', phone: '2' });
      expect(r.lost).toEqual([]);
      expect(merge(undefined, incoming, r.merged).changed).toBe(false);
    });
    it('an incoming row with other fields than a deleted master revives it (edit beats delete), the delete recorded', () => {
      const master = { ...doc({ name: 'A' }, T1), _deleted: true };
      const r = merge(undefined, doc({ name: 'A', phone: '2' }), master);
      expect(r.merged).toMatchObject({ _deleted: false, name: 'A', phone: '2' });
      expect(r.lost).toEqual([{ path: '_deleted', kept: false, other: true, by: 'u-rep-li', at: T1 }]);
      expect(r.changed).toBe(true);
    });
    it('nested objects merge field by field without a base', () => {
      const master = doc({ assessment: { tier: 'A', rating: 3 } }, T1);
      const incoming = doc({ assessment: { tier: 'B', potential: 'high' } });
      const r = merge(undefined, incoming, master);
      expect(r.merged.assessment).toEqual({ tier: 'A', rating: 3, potential: 'high' });
      expect(r.lost).toEqual([{ path: 'assessment.tier', kept: 'A', other: 'B' }]);
    });
  });

  it('deep equality ignores key order at every level (no false conflict, no write)', () => {
    const master = doc({ address: { city: '上海', line: 'x' }, assessment: { tier: 'A', rating: 3 } }, T1);
    const incoming = { assessment: { rating: 3, tier: 'A' }, address: { line: 'x', city: '上海' }, ...doc({}) };
    const r = merge(doc({ name: 'old' }), incoming, master);
    expect(r).toEqual({ merged: master, lost: [], changed: false });
  });

  it('treats a `__proto__` key as data, never as the prototype', () => {
    const base = JSON.parse('{"id":"x","_deleted":false,"a":1}') as Doc;
    const master = JSON.parse('{"id":"x","_deleted":false,"a":2}') as Doc;
    const incoming = JSON.parse('{"id":"x","_deleted":false,"a":1,"__proto__":{"polluted":true}}') as Doc;
    const r = merge(base, incoming, master);
    expect(Object.getPrototypeOf(r.merged)).toBe(Object.prototype);
    expect(({} as Doc).polluted).toBeUndefined();
    expect((r.merged as Doc).polluted).toBeUndefined();
    expect(Object.hasOwn(r.merged, '__proto__')).toBe(true);
    expect(r.merged.a).toBe(2);
  });

  it('does not alias or mutate its inputs', () => {
    const base = doc({ a: { x: 1 }, tags: ['t'] });
    const master = doc({ a: { x: 2 }, tags: ['t'] }, T1);
    const incoming = doc({ a: { x: 1 }, tags: ['u'] });
    const snapshot = JSON.stringify([base, master, incoming]);
    const r = merge(base, incoming, master);
    (r.merged.tags as string[]).push('z');
    (r.merged.a as Doc).x = 9;
    expect(JSON.stringify([base, master, incoming])).toBe(snapshot);
  });
});

describe('conflictRecords', () => {
  const actor: Actor = { userId: 'u-rep-li', roles: ['rep'], territoryIds: ['T-SH-03'], deviceId: 'd-1' };
  it('one valid open conflicts document per lost value', () => {
    const lost: LostValue[] = [
      { path: 'name', kept: 'B', other: 'C' },
      { path: 'assessment.tier', kept: 'A', other: undefined },
      { path: 'tags', kept: ['a'], other: ['b', '"q"'] },
      { path: '_deleted', kept: false, other: true },
    ];
    let n = 0;
    const records = conflictRecords({
      collection: 'customers', documentId: 'c-1', territoryId: 'T-SH-03', lost, actor, now: T1, newId: () => `cf-${++n}`,
    });
    expect(records).toHaveLength(4);
    for (const r of records) expect(hasErrors(validateDocument('conflicts', r)), JSON.stringify(validateDocument('conflicts', r))).toBe(false);
    expect(records[0]).toEqual({
      id: 'cf-1', territoryId: 'T-SH-03', targetCollection: 'customers', documentId: 'c-1', field: 'name',
      keptValue: '"B"', otherValue: '"C"', otherBy: 'u-rep-li', otherAt: T1, status: 'open',
      createdAt: T1, updatedAt: T1, createdBy: 'u-rep-li', updatedBy: 'u-rep-li',
    });
    expect(records[1]).toMatchObject({ field: 'assessment.tier', keptValue: '"A"', otherValue: 'null' });
    expect(JSON.parse(records[2]!.otherValue)).toEqual(['b', '"q"']);
    expect(records[3]).toMatchObject({ field: '_deleted', keptValue: 'false', otherValue: 'true' });
    expect(new Set(records.map((r) => r.id)).size).toBe(4);
  });
  it('nothing lost, nothing recorded', () => {
    expect(conflictRecords({ collection: 'visits', documentId: 'v', territoryId: 'T', lost: [], actor, now: T1, newId: () => 'x' })).toEqual([]);
  });
});

// ---- Properties ---------------------------------------------------------------------------

const LEAVES = ['a', 'b', 'c', 'n.x', 'n.y'] as const;
const SERVER = ['u'] as const;
const value = fc.oneof(fc.constant(undefined), fc.constantFrom(1, 2, 'x', 'y', [1], [1, 2], true));
const nested = fc.oneof(fc.constant(undefined), fc.record({ x: value, y: value }, { requiredKeys: [] }));
const docArb = fc.record({
  a: value, b: value, c: value, n: nested, u: fc.constantFrom(1, 2, 3), _deleted: fc.boolean(),
}, { requiredKeys: ['_deleted', 'u'] });

function at(d: unknown, path: string): unknown {
  let node: unknown = d;
  for (const p of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Doc)[p];
  }
  return node;
}
const same = (a: unknown, b: unknown): boolean => equalIgnoring({ v: a }, { v: b }, []);

/** The incoming value at `path` appears in `lost`: at that path or inside a lost parent. */
function inLost(lost: LostValue[], path: string, v: unknown): boolean {
  return lost.some((l) => {
    if (l.path === path) return same(l.other, v);
    if (path.startsWith(`${l.path}.`)) return same(at(l.other, path.slice(l.path.length + 1)), v);
    return false;
  });
}

describe('mergeForPush properties', () => {
  const params = { numRuns: 3000 };

  it('(a) every incoming change is merged or reported lost with the incoming value', () => {
    fc.assert(fc.property(fc.option(docArb, { nil: undefined }), docArb, docArb, (base, incoming, master) => {
      const { merged, lost } = mergeForPush(base, incoming, master, SERVER);
      for (const p of [...LEAVES, '_deleted']) {
        // Without a base, a held value is a change, and for _deleted only a delete is (live is the default).
        const changed = base === undefined
          ? (p === '_deleted' ? incoming._deleted : at(incoming, p) !== undefined)
          : !same(at(incoming, p), at(base, p));
        if (!changed) continue;
        if (!same(at(merged, p), at(incoming, p)) && !inLost(lost, p, at(incoming, p))) return false;
      }
      return true;
    }), params);
  });

  it('(b) every master change keeps the master value (or the same change made by incoming)', () => {
    fc.assert(fc.property(docArb, docArb, docArb, (base, incoming, master) => {
      const { merged } = mergeForPush(base, incoming, master, SERVER);
      for (const p of LEAVES) {
        if (same(at(master, p), at(base, p))) continue;
        if (!same(at(merged, p), at(master, p))) return false;
      }
      return merged.u === master.u;
    }), params);
  });

  it('a resend of the same row after the merge changes nothing', () => {
    fc.assert(fc.property(fc.option(docArb, { nil: undefined }), docArb, docArb, (base, incoming, master) => {
      const first = mergeForPush(base, incoming, master, SERVER);
      const again = mergeForPush(base, incoming, first.merged, SERVER);
      if (again.changed || !equalIgnoring(again.merged, first.merged, [])) return false;
      const firstPaths = new Set(first.lost.map((l) => l.path));
      return again.lost.every((l) => firstPaths.has(l.path));
    }), params);
  });

  it('(c) merge(base, x, x) is idempotent: x, unchanged, nothing lost', () => {
    fc.assert(fc.property(fc.option(docArb, { nil: undefined }), docArb, fc.constantFrom(1, 2, 3), (base, x, u) => {
      const r = mergeForPush(base, { ...x, u }, x, SERVER);
      return !r.changed && r.lost.length === 0 && equalIgnoring(r.merged, x, []);
    }), params);
  });

  it('edit beats delete without a base: a one-sided delete stands only when the live side holds nothing more', () => {
    fc.assert(fc.property(docArb, docArb, (incoming, master) => {
      const { merged, lost } = mergeForPush(undefined, incoming, master, SERVER);
      if (incoming._deleted === master._deleted) return merged._deleted === master._deleted;
      const [deleter, live] = incoming._deleted ? [incoming, master] : [master, incoming];
      const liveHoldsMore = LEAVES.some((p) => at(live, p) !== undefined && !same(at(live, p), at(deleter, p)));
      const lostDelete = lost.some((l) => l.path === '_deleted');
      return merged._deleted === !liveHoldsMore && lostDelete === liveHoldsMore;
    }), params);
  });

  it('edit beats delete: a delete survives only when the other side made no edits, and one that loses is reported', () => {
    fc.assert(fc.property(docArb, docArb, docArb, (base, incoming, master) => {
      const { merged, lost } = mergeForPush(base, incoming, master, SERVER);
      if (incoming._deleted === master._deleted) return merged._deleted === master._deleted;
      const deletedSide = incoming._deleted ? incoming : master;
      const liveSide = incoming._deleted ? master : incoming;
      if (deletedSide._deleted === base._deleted) return true; // the delete is old; live side's undelete wins or fast-forward
      const liveEdited = !equalIgnoring(liveSide, base, ['u', '_deleted']);
      // A delete from either side that did not stand is never dropped silently.
      return merged._deleted === !liveEdited && (merged._deleted || lost.some((l) => l.path === '_deleted' && l.other === true));
    }), params);
  });

  it('merged never differs from master in server-owned paths, and changed matches', () => {
    fc.assert(fc.property(fc.option(docArb, { nil: undefined }), docArb, docArb, (base, incoming, master) => {
      const r = mergeForPush(base, incoming, master, SERVER);
      return r.merged.u === master.u && r.changed === !equalIgnoring(r.merged, master, SERVER);
    }), params);
  });
});
