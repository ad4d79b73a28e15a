import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/util/canonicalJson';
import { chainEntries, entryHash, GENESIS_HASH, isRedactedValue, redactedValue, valuesDigest } from './chain';

const entry = { at: '2026-01-01T00:00:00.000Z', seq: 7, userId: 'u1', deviceId: 'd1', collection: 'customers', documentId: 'c1', action: 'update', oldValue: { b: 1, a: [1, { y: 2, x: undefined }] }, newValue: { a: 'x' } };

describe('audit hash chain', () => {
  it('canonical JSON ignores key order and undefined keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null, e: undefined } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('the values digest is the same for a value read back from storage, and depends on the salt', () => {
    const readBack = JSON.parse(JSON.stringify({ a: entry.oldValue.a, b: 1 })) as unknown;
    expect(valuesDigest('s', entry.oldValue, entry.newValue)).toBe(valuesDigest('s', readBack, { a: 'x' }));
    expect(valuesDigest('s', entry.oldValue, entry.newValue)).not.toBe(valuesDigest('t', entry.oldValue, entry.newValue));
    expect(valuesDigest('s', entry.oldValue, entry.newValue)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links each entry to the one before; any chained field changes the hash', () => {
    const [first, second] = chainEntries(null, [entry, { ...entry, seq: 8 }]);
    expect(first!.prevHash).toBe(GENESIS_HASH);
    expect(second!.prevHash).toBe(first!.hash);
    const fields = { ...first!, valuesDigest: first!.valuesDigest };
    expect(entryHash(GENESIS_HASH, fields)).toBe(first!.hash);
    for (const change of [{ seq: 8 }, { userId: 'u2' }, { deviceId: null }, { action: 'delete' }, { documentId: 'c2' }, { at: '2026-01-01T00:00:00.001Z' }, { valuesDigest: 'f'.repeat(64) }]) {
      expect(entryHash(GENESIS_HASH, { ...fields, ...change }), JSON.stringify(change)).not.toBe(first!.hash);
    }
  });

  it('a redacted value keeps only the anonymised projection', () => {
    const marker = redactedValue({ name: '张三', tier: 'A' }, () => ({ tier: 'A' }), '2026-02-01T00:00:00.000Z', 'admin-1');
    expect(marker).toEqual({ $redacted: 'erasure', at: '2026-02-01T00:00:00.000Z', by: 'admin-1', anonymised: { tier: 'A' } });
    expect(isRedactedValue(marker)).toBe(true);
    expect(redactedValue(null, () => 1, 'x', 'y')).toBeNull();
    expect(redactedValue(marker, () => 1, 'x', 'y')).toBe(marker);
  });
});
