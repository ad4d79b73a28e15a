import { describe, expect, it } from 'vitest';
import { contentHash, docVersion, staleIds, type DocVersion } from './docVersion';

describe('contentHash', () => {
  it('ignores key order, RxDB meta fields, the deleted flag and undefined values', () => {
    const server = { id: 'c1', name: '协和医院', address: { city: '北京', street: 'x' }, tags: ['a', 'b'], _deleted: false };
    const local = { tags: ['a', 'b'], address: { street: 'x', city: '北京' }, name: '协和医院', id: 'c1', note: undefined, _rev: '3-abc', _meta: { lwt: 1 }, _attachments: {} };
    expect(contentHash(local)).toBe(contentHash(server));
  });

  it('changes with any value, nested or in an array order', () => {
    const base = { id: 'c1', name: 'A', address: { city: 'Beijing' }, tags: ['a', 'b'] };
    const hash = contentHash(base);
    expect(contentHash({ ...base, name: 'B' })).not.toBe(hash);
    expect(contentHash({ ...base, address: { city: 'Shanghai' } })).not.toBe(hash);
    expect(contentHash({ ...base, tags: ['b', 'a'] })).not.toBe(hash);
    expect(contentHash({ ...base, extra: 0 })).not.toBe(hash);
  });
});

describe('staleIds', () => {
  const live = { id: 'a', v: 1 };
  const server: DocVersion[] = [docVersion({ ...live, _deleted: false }), docVersion({ id: 'b', v: 2, _deleted: false }), docVersion({ id: 'gone', _deleted: true }), docVersion({ id: 'gone2', _deleted: true })];

  it('names absent, different and deleted-but-live documents, nothing else', () => {
    const local = new Map([['a', contentHash(live)], ['b', contentHash({ id: 'b', v: 1 })], ['gone', contentHash({ id: 'gone' })], ['local-only', 'x']]);
    expect(staleIds(server, local)).toEqual(['b', 'gone']);
    expect(staleIds(server, new Map())).toEqual(['a', 'b']);
  });
});
