import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AdverseEvent } from '../../shared/schemas';
import { PV_API, PV_LIST_FILTERS, canWorkPvQueue, type PvAcknowledgeResponse, type PvListFilter, type PvListResponse, type PvQueueItem } from '../../shared/pharmacovigilance/api';
import { territoryOf } from '../../shared/sync/access';
import type { Actor } from '../../shared/sync/actor';
import type { SyncDoc } from '../../shared/sync/protocol';
import { hasErrors, validateDocument } from '../../shared/validation/validateDocument';
import { actorOf } from '../auth/authenticate';
import type { StoredDoc, Store } from '../store/types';
import type { ServerDeps } from './context';
import { badRequest, forbidden, isPlainObject, notFound } from './errors';

/**
 * The pharmacovigilance queue: every adverse-event report the server has received, for admins
 * and medical affairs, and their acknowledgement. An acknowledgement is a server write like a
 * push (one transaction, audit entry, change event), so the reporting rep's device learns of it
 * through normal sync.
 */

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const PAGE = 1000;

function requirePvRole(request: FastifyRequest): Actor {
  const actor = actorOf(request);
  if (!canWorkPvQueue(actor.roles)) throw forbidden('Pharmacovigilance (admins and medical affairs) only');
  return actor;
}

const plain = (doc: SyncDoc<'adverseevents'>): AdverseEvent => {
  const { _deleted: _d, ...rest } = doc;
  return rest;
};

/** Every stored adverse-event report (they are rare: a full read is fine). */
async function allReports(store: Store): Promise<AdverseEvent[]> {
  const out: AdverseEvent[] = [];
  for (let seq = 0; ;) {
    const page = (await store.pull('adverseevents', seq, PAGE, { all: true })) as StoredDoc<'adverseevents'>[];
    for (const row of page) if (!row.deleted) out.push(plain(row.data));
    if (page.length < PAGE) return out;
    seq = page[page.length - 1]!.seq;
  }
}

/** The queue rows: reports with the rep's, customer's and acknowledger's names. */
async function withNames(store: Store, reports: readonly AdverseEvent[]): Promise<PvQueueItem[]> {
  const users = new Map((await store.listUsers()).map((u) => [u.id, u.displayName]));
  const customerIds = [...new Set(reports.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
  const customers = customerIds.length > 0 ? await store.getDocs('customers', customerIds) : new Map<string, StoredDoc>();
  return reports.map((report) => {
    const customer = report.customerId ? customers.get(report.customerId)?.data : undefined;
    return {
      report,
      repName: users.get(report.repId) ?? null,
      customerName: customer && 'name' in customer && typeof customer.name === 'string' ? customer.name : null,
      acknowledgedByName: report.pvAcknowledgedBy ? (users.get(report.pvAcknowledgedBy) ?? null) : null,
    };
  });
}

function parseFilter(value: unknown): PvListFilter {
  if (value === undefined || value === '') return 'received';
  if (typeof value === 'string' && (PV_LIST_FILTERS as readonly string[]).includes(value)) return value as PvListFilter;
  throw badRequest(`"status" must be one of ${PV_LIST_FILTERS.join(', ')}`);
}

/** Open reports oldest first (each has a 24-hour clock), the others newest first. */
export function queueOrder(filter: PvListFilter, reports: AdverseEvent[]): AdverseEvent[] {
  const received = (r: AdverseEvent) => r.receivedAt ?? r.capturedAt;
  const open = reports.filter((r) => r.pvStatus !== 'acknowledged');
  const done = reports.filter((r) => r.pvStatus === 'acknowledged');
  const asc = (a: AdverseEvent, b: AdverseEvent) => received(a).localeCompare(received(b)) || a.id.localeCompare(b.id);
  const desc = (a: AdverseEvent, b: AdverseEvent) => -asc(a, b);
  if (filter === 'received') return open.sort(asc);
  if (filter === 'acknowledged') return done.sort(desc);
  return [...open.sort(asc), ...done.sort(desc)];
}

export type AcknowledgeOutcome = { found: false } | { found: true; report: AdverseEvent; changed: boolean };

/**
 * Marks one report acknowledged by `actor`, in one store transaction with its audit entry; the
 * store's change event carries it to every device that may read it. Already acknowledged:
 * nothing is written (the first acknowledgement stays on record).
 */
export async function acknowledgeAdverseEvent(store: Store, id: string, actor: Actor, now: string): Promise<AcknowledgeOutcome> {
  let outcome: AcknowledgeOutcome = { found: false };
  await store.write('adverseevents', [id], (current) => {
    const prior = current.get(id) as StoredDoc<'adverseevents'> | undefined;
    if (!prior || prior.deleted) {
      outcome = { found: false };
      return { writes: [], audit: [] };
    }
    if (prior.data.pvStatus === 'acknowledged') {
      outcome = { found: true, report: plain(prior.data), changed: false };
      return { writes: [], audit: [] };
    }
    const next: SyncDoc<'adverseevents'> = {
      ...prior.data,
      // A report is only ever acknowledged after the server received it; a seeded or imported one may lack the stamp.
      receivedAt: prior.data.receivedAt ?? now,
      pvStatus: 'acknowledged',
      pvAcknowledgedBy: actor.userId,
      pvAcknowledgedAt: now,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    const errors = validateDocument('adverseevents', plain(next));
    if (hasErrors(errors)) throw new Error(`acknowledged report ${id} is not valid: ${JSON.stringify(errors)}`);
    outcome = { found: true, report: plain(next), changed: true };
    return {
      writes: [{ collection: 'adverseevents', id, territoryId: territoryOf('adverseevents', next), data: next }],
      audit: [{ userId: actor.userId, deviceId: actor.deviceId, collection: 'adverseevents', documentId: id, action: 'update', oldValue: prior.data, newValue: next }],
    };
  });
  return outcome;
}

export function registerPharmacovigilanceRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const auth = { preHandler: [app.authenticate, async (request: FastifyRequest) => void requirePvRole(request)] };

  app.get(PV_API.list, auth, async (request): Promise<PvListResponse> => {
    const filter = parseFilter(((request.query ?? {}) as Record<string, unknown>).status);
    const reports = queueOrder(filter, await allReports(deps.store));
    return { items: await withNames(deps.store, reports) };
  });

  app.post(PV_API.acknowledgeRoute, auth, async (request): Promise<PvAcknowledgeResponse> => {
    const actor = requirePvRole(request);
    const { id } = request.params as { id: string };
    if (!ID_PATTERN.test(id)) throw badRequest('"id" must be a report id of 1 to 64 letters, digits, ".", "_", ":" or "-"');
    if (request.body !== undefined && request.body !== null && !isPlainObject(request.body)) throw badRequest('Body must be a JSON object (or empty)');
    const outcome = await acknowledgeAdverseEvent(deps.store, id, actor, deps.now());
    if (!outcome.found) throw notFound(`No adverse event report ${id}`);
    if (outcome.changed) request.log.info({ by: actor.userId, reportId: id }, 'adverse event acknowledged');
    const [item] = await withNames(deps.store, [outcome.report]);
    return { item: item!, changed: outcome.changed };
  });
}
