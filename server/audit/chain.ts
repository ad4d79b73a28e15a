import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../shared/util/canonicalJson';

/**
 * The audit trail's hash chain (tamper evidence). Every entry stores
 *   values_digest = SHA-256(salt ‖ canonical JSON of [oldValue, newValue])
 *   prev_hash     = the previous entry's hash (GENESIS for the first)
 *   hash          = SHA-256(canonical JSON of [version, prev_hash, at, seq, user, device,
 *                           collection, document, action, values_digest])
 * The chain covers the DIGEST of the values, not the values: erasing a person's data may replace
 * an entry's values with a redaction marker (and drop its salt) while every hash still verifies.
 * The per-entry random salt keeps a redacted entry's digest from confirming a guessed value.
 */

export const CHAIN_VERSION = 'fieldbook-audit-v1';
export const GENESIS_HASH = '0'.repeat(64);

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const newSalt = (): string => randomBytes(16).toString('hex');

/** A value as it is stored and read back (JSON round trip), so the digest is the same at write and verify. */
const stored = (value: unknown): unknown => (value === null || value === undefined ? null : JSON.parse(JSON.stringify(value)));

export function valuesDigest(salt: string, oldValue: unknown, newValue: unknown): string {
  return sha256Hex(`${salt}|${canonicalJson([stored(oldValue), stored(newValue)])}`);
}

/** The fields of an entry that its hash covers. */
export interface ChainedFields {
  at: string;
  seq: number;
  userId: string;
  deviceId: string | null;
  collection: string;
  documentId: string;
  action: string;
  valuesDigest: string;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  return sha256Hex(canonicalJson([CHAIN_VERSION, prevHash, e.at, e.seq, e.userId, e.deviceId, e.collection, e.documentId, e.action, e.valuesDigest]));
}

/** What the chain stores with an entry. */
export interface ChainColumns {
  salt: string;
  valuesDigest: string;
  prevHash: string;
  hash: string;
}

/** The chain columns of a new entry, given the hash of the entry before it. */
export function chainEntry(prevHash: string, e: ChainedAuditInput): ChainColumns {
  const salt = newSalt();
  const digest = valuesDigest(salt, e.oldValue, e.newValue);
  return { salt, valuesDigest: digest, prevHash, hash: entryHash(prevHash, { ...e, valuesDigest: digest }) };
}

/**
 * What an erased entry's values become: the marker, and the value as anonymised (business fields
 * kept, personal fields gone), so the trail still shows what happened to the record.
 */
export interface RedactedValue {
  $redacted: 'erasure';
  at: string;
  by: string;
  anonymised: unknown;
}

export function isRedactedValue(value: unknown): value is RedactedValue {
  return value !== null && typeof value === 'object' && (value as Record<string, unknown>).$redacted === 'erasure';
}

export function redactedValue(value: unknown, anonymise: (v: unknown) => unknown, at: string, by: string): RedactedValue | null {
  if (value === null || value === undefined) return null;
  if (isRedactedValue(value)) return value;
  return { $redacted: 'erasure', at, by, anonymised: anonymise(value) };
}

/** An audit entry ready to insert: its input, its seq and time (its chain columns come from chainEntry). */
export type ChainedAuditInput = Omit<ChainedFields, 'valuesDigest'> & { oldValue: unknown; newValue: unknown };
export type ChainedAudit<T extends ChainedAuditInput> = T & ChainColumns;

/** Chains entries (in insertion order) onto the hash of the last stored entry. */
export function chainEntries<T extends ChainedAuditInput>(lastHash: string | null, entries: readonly T[]): ChainedAudit<T>[] {
  let prev = lastHash ?? GENESIS_HASH;
  return entries.map((e) => {
    const chained = { ...e, ...chainEntry(prev, e) };
    prev = chained.hash;
    return chained;
  });
}
