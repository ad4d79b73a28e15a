import type { AuditChainRow, Store } from '../store/types';
import { entryHash, GENESIS_HASH, isRedactedValue, valuesDigest } from './chain';

export interface ChainHead {
  id: number;
  hash: string;
}

export type VerifyResult =
  | { ok: true; count: number; redacted: number; head: ChainHead | null }
  | { ok: false; count: number; entryId: number | null; problem: string };

const PAGE = 1000;

/** What is wrong with one entry given the previous entry's hash, or null. */
export function entryProblem(e: AuditChainRow, prevHash: string): string | null {
  if (!e.hash || !e.prevHash || !e.valuesDigest) return 'entry is not chained (hash columns empty): written outside the server';
  if (e.prevHash !== prevHash) {
    return `previous-hash link broken: the entry names ${e.prevHash.slice(0, 16)}… but the entry before it has ${prevHash.slice(0, 16)}… (an entry before it was deleted, inserted or changed)`;
  }
  const expected = entryHash(e.prevHash, { ...e, valuesDigest: e.valuesDigest });
  if (expected !== e.hash) return 'hash does not match the entry (who, when, which document, action or digest was changed)';
  if (e.redactedAt) {
    const markerOk = (v: unknown): boolean => v === null || isRedactedValue(v);
    if (!markerOk(e.oldValue) || !markerOk(e.newValue) || e.valuesSalt !== null) return 'entry is marked redacted but its values are not redaction markers';
    return null;
  }
  if (!e.valuesSalt) return 'values salt missing on an entry that is not redacted';
  if (valuesDigest(e.valuesSalt, e.oldValue, e.newValue) !== e.valuesDigest) return 'old/new values do not match their digest (a value was changed)';
  return null;
}

/**
 * Walks the whole chain in id order and stops at the first broken link. Also checks the tail:
 * every write has an audit entry with its seq, so some entry must carry the store's highest
 * seq (entries deleted from the end of the chain leave no broken link, but this gap).
 * `expectHead` (an entry id and hash recorded earlier, outside the database) must still be in
 * the chain unchanged: that catches a chain rewritten from some point on.
 */
export async function verifyAuditChain(store: Store, expectHead?: ChainHead): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let count = 0;
  let redacted = 0;
  let last: AuditChainRow | null = null;
  let anchorSeen = false;
  let maxAuditSeq = 0;
  for (;;) {
    const rows = await store.auditChain(afterId, PAGE);
    for (const e of rows) {
      const problem = entryProblem(e, prev);
      if (problem) return { ok: false, count, entryId: e.id, problem };
      if (expectHead && e.id === expectHead.id) {
        if (e.hash !== expectHead.hash) return { ok: false, count, entryId: e.id, problem: `hash differs from the recorded ${expectHead.hash.slice(0, 16)}…: the chain was rewritten from here or earlier` };
        anchorSeen = true;
      }
      if (e.redactedAt) redacted++;
      maxAuditSeq = Math.max(maxAuditSeq, e.seq);
      prev = e.hash as string;
      afterId = e.id;
      last = e;
      count++;
    }
    if (rows.length < PAGE) break;
  }
  if (expectHead && !anchorSeen) return { ok: false, count, entryId: expectHead.id, problem: 'the recorded entry is no longer in the chain' };
  const maxSeq = await store.maxSeq();
  if (maxAuditSeq < maxSeq) {
    return { ok: false, count, entryId: last?.id ?? null, problem: `no entry has the store's last write seq ${maxSeq} (highest: ${maxAuditSeq}): entries at the end were deleted` };
  }
  return { ok: true, count, redacted, head: last ? { id: last.id, hash: last.hash as string } : null };
}
