import { createHash } from 'node:crypto';
import { validateDocument, hasErrors } from '../../shared/validation/validateDocument';
import { canRead, checkWrite, SERVER_OWNED_FIELDS, stampServerFields, territoryOf } from '../../shared/sync/access';
import { protectedFields } from '../privacy/erasedFields';
import type { Actor } from '../../shared/sync/actor';
import { conflictRecords, equalIgnoring, mergeForPush, type LostValue } from '../../shared/sync/merge';
import { MAX_BATCH, type PushResponse, type PushRow, type RefusedRow, type SyncDoc, type SyncedCollection } from '../../shared/sync/protocol';
import { HttpError, badRequest, isPlainObject } from '../http/errors';
import type { AuditEntryInput, DocWrite, Store } from '../store/types';

/** RxDB's local bookkeeping: never part of a replicated document. */
const LOCAL_FIELDS = ['_meta', '_rev', '_attachments'];

function withoutLocal(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...doc };
  for (const key of LOCAL_FIELDS) delete copy[key];
  return copy;
}

function describeErrors(errors: Record<string, { code: string }>): string {
  return Object.entries(errors).slice(0, 5).map(([path, e]) => `${path || '(document)'}: ${e.code}`).join(', ');
}

/**
 * Checks a push body completely before anything is written: any malformed or schema-invalid
 * row fails the whole request with 400 (the client has a bug; writing part of it would hide it).
 */
export function parsePushBody(collection: SyncedCollection, body: unknown): PushRow[] {
  if (!isPlainObject(body) || !Array.isArray(body.rows)) throw badRequest('Body must be a JSON object {"rows": [...]}');
  const rows = body.rows as unknown[];
  if (rows.length === 0) throw badRequest('"rows" must not be empty');
  if (rows.length > MAX_BATCH) throw new HttpError(400, 'batch_too_large', `At most ${MAX_BATCH} rows per push (got ${rows.length})`);
  const seen = new Set<string>();
  return rows.map((row, i): PushRow => {
    if (!isPlainObject(row) || !isPlainObject(row.newDocumentState)) throw badRequest(`rows[${i}].newDocumentState must be an object`);
    const incoming = withoutLocal(row.newDocumentState);
    const id = incoming.id;
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw badRequest(`rows[${i}].newDocumentState.id must be a string of 1 to 64 characters`);
    if (seen.has(id)) throw badRequest(`rows[${i}]: document ${id} appears twice in one push`);
    seen.add(id);
    const deleted = incoming._deleted ?? false;
    if (typeof deleted !== 'boolean') throw badRequest(`rows[${i}].newDocumentState._deleted must be a boolean`);
    const { _deleted: _ignored, ...plain } = incoming;
    const errors = validateDocument(collection, plain);
    if (hasErrors(errors)) throw badRequest(`rows[${i}] (${id}) is not a valid ${collection} document: ${describeErrors(errors)}`);
    let assumed: Record<string, unknown> | undefined;
    if (row.assumedMasterState !== undefined && row.assumedMasterState !== null) {
      if (!isPlainObject(row.assumedMasterState)) throw badRequest(`rows[${i}].assumedMasterState must be an object`);
      assumed = withoutLocal(row.assumedMasterState);
      if (assumed.id !== id) throw badRequest(`rows[${i}].assumedMasterState.id must equal newDocumentState.id`);
    }
    return {
      newDocumentState: { ...plain, _deleted: deleted } as unknown as SyncDoc,
      ...(assumed ? { assumedMasterState: assumed as unknown as SyncDoc } : {}),
    };
  });
}

/** Stable id of a lost value: same document, field, values and user give the same record. */
function conflictId(collection: SyncedCollection, r: { documentId: string; field: string; keptValue: string; otherValue: string; otherBy?: string }): string {
  const digest = createHash('sha256').update(JSON.stringify([collection, r.documentId, r.field, r.keptValue, r.otherValue, r.otherBy ?? ''])).digest('base64url');
  return `cf-${digest.slice(0, 40)}`;
}

export interface PushContext {
  store: Store;
  actor: Actor;
  now: string;
  newId: () => string;
}

/**
 * One push, one transaction: per row the authorization check, the three-way merge with the
 * master state read under lock, server stamps, the write, its audit entry, and a `conflicts`
 * document for every value that lost a same-field conflict.
 */
export async function push(ctx: PushContext, collection: SyncedCollection, rows: PushRow[]): Promise<PushResponse> {
  const { store, actor, now, newId } = ctx;
  const serverOwned = SERVER_OWNED_FIELDS[collection];
  let refused: RefusedRow[] = [];
  let conflicts: SyncDoc[] = [];

  await store.write(collection, rows.map((r) => r.newDocumentState.id), async (current, tx) => {
    // The store may run the plan again (retry); start clean each time.
    refused = [];
    conflicts = [];
    const writes: DocWrite[] = [];
    const audit: AuditEntryInput[] = [];
    const lostValues: { documentId: string; territoryId: string | null; lost: LostValue[] }[] = [];
    for (const row of rows) {
      const incoming = row.newDocumentState;
      const id = incoming.id;
      const prior = current.get(id);
      const master = prior?.data;
      const denial = checkWrite(actor, collection, incoming, master);
      if (denial) {
        refused.push({ id, reason: denial.reason, message: denial.message });
        // The client takes the server's state back, so it does not keep a copy the server will never accept.
        if (master && canRead(actor, collection, master)) conflicts.push(master);
        continue;
      }
      const owned = protectedFields(collection, master, serverOwned);
      const { merged, lost, changed } = mergeForPush<SyncDoc>(row.assumedMasterState, incoming, master, owned);
      const assumedWasMaster = equalIgnoring(row.assumedMasterState, master, owned);
      if (!changed) {
        // Nothing to write: an idempotent resend, a client that already has the server's state,
        // or every change of the client lost to a newer value (kept below as conflicts).
        if (lost.length > 0) lostValues.push({ documentId: id, territoryId: territoryOf(collection, master), lost });
        // The client's copy differs (an erased customer's old personal data, say): send it the server's state.
        if (master && !equalIgnoring(incoming, master, serverOwned)) conflicts.push(master);
        continue;
      }
      const stamped = stampServerFields(collection, merged, master, actor, now);
      const { _deleted: _d, ...plain } = stamped as unknown as Record<string, unknown>;
      const errors = validateDocument(collection, plain);
      if (hasErrors(errors)) {
        refused.push({ id, reason: 'invalid', message: `The merged document is not valid: ${describeErrors(errors)}` });
        continue;
      }
      const territoryId = territoryOf(collection, stamped);
      writes.push({ collection, id, territoryId, data: stamped });
      audit.push({
        userId: actor.userId,
        deviceId: actor.deviceId,
        collection,
        documentId: id,
        action: !prior ? 'create' : stamped._deleted && !prior.data._deleted ? 'delete' : 'update',
        oldValue: prior?.data ?? null,
        newValue: stamped,
      });
      if (lost.length > 0) lostValues.push({ documentId: id, territoryId, lost });
      if (!assumedWasMaster) conflicts.push(stamped);
    }

    // Values that lost a same-field conflict, as `conflicts` documents in this transaction.
    // Their ids derive from what was lost, so a resent push does not record the same loss twice.
    const records: SyncDoc<'conflicts'>[] = [];
    for (const { documentId, territoryId, lost } of lostValues) {
      for (const record of conflictRecords({ collection, documentId, territoryId: territoryId ?? '', lost, actor, now, newId })) {
        records.push({ ...record, id: conflictId(collection, record), _deleted: false });
      }
    }
    const existing = records.length > 0 ? await tx.getDocs('conflicts', records.map((r) => r.id)) : new Map();
    for (const data of records) {
      if (existing.has(data.id)) continue;
      writes.push({ collection: 'conflicts', id: data.id, territoryId: territoryOf('conflicts', data), data });
      audit.push({ userId: actor.userId, deviceId: actor.deviceId, collection: 'conflicts', documentId: data.id, action: 'create', oldValue: null, newValue: data });
    }
    return { writes, audit };
  });

  return { conflicts, refused };
}
