import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAdmin } from '../../shared/sync/actor';
import type { SyncDoc } from '../../shared/sync/protocol';
import { actorOf } from '../auth/authenticate';
import { verifyAuditChain } from '../audit/verify';
import { auditOf, collectCustomerData } from '../privacy/customerData';
import { eraseCustomer } from '../privacy/erase';
import { buildExport, markdownReport } from '../privacy/exportReport';
import type { ServerDeps } from './context';
import { badRequest, forbidden, isPlainObject, notFound } from './errors';

/**
 * Data-subject requests about one customer (PIPL art. 44–47, GDPR art. 15, 17, 20) and the audit
 * chain check, for administrators: the same operations as the CLI's customer:export,
 * customer:erase and audit:verify.
 */
export const DATA_RIGHTS_API = {
  exportRoute: '/api/admin/customers/:id/export',
  eraseRoute: '/api/admin/customers/:id/erase',
  auditVerify: '/api/admin/audit/verify',
  export: (id: string) => `/api/admin/customers/${encodeURIComponent(id)}/export`,
  erase: (id: string) => `/api/admin/customers/${encodeURIComponent(id)}/erase`,
} as const;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

function requireAdmin(request: FastifyRequest): void {
  if (!isAdmin(actorOf(request))) throw forbidden('Administrators only');
}

async function customerParam(deps: ServerDeps, request: FastifyRequest): Promise<SyncDoc<'customers'>> {
  const { id } = request.params as { id: string };
  if (!ID_PATTERN.test(id)) throw badRequest('"id" must be a customer id of 1 to 64 letters, digits, ".", "_", ":" or "-"');
  const found = (await deps.store.getDocs('customers', [id])).get(id);
  if (!found) throw notFound(`No customer ${id}`);
  return found.data as SyncDoc<'customers'>;
}

export function registerDataRightsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const adminOnly = { preHandler: [app.authenticate, async (request: FastifyRequest) => requireAdmin(request)] };

  app.get(DATA_RIGHTS_API.exportRoute, adminOnly, async (request, reply) => {
    const format = ((request.query ?? {}) as Record<string, unknown>).format ?? 'json';
    if (format !== 'json' && format !== 'markdown') throw badRequest('"format" must be json or markdown');
    const customer = await customerParam(deps, request);
    const data = await collectCustomerData(deps.store, customer);
    const exported = buildExport(data, await auditOf(deps.store, data), { at: deps.now(), by: actorOf(request).userId });
    request.log.warn({ by: actorOf(request).userId, customerId: customer.id, format }, 'customer data exported');
    if (format === 'markdown') return reply.type('text/markdown; charset=utf-8').send(markdownReport(exported));
    return exported;
  });

  app.post(DATA_RIGHTS_API.eraseRoute, adminOnly, async (request) => {
    const customer = await customerParam(deps, request);
    // The customer's code typed again: an erasure cannot be undone.
    if (!isPlainObject(request.body) || request.body.confirmCode !== customer.code) {
      throw badRequest('Body must be {"confirmCode": "<the customer\'s code>"}: an erasure cannot be undone');
    }
    const actor = actorOf(request);
    const result = await eraseCustomer(deps.store, customer, actor, deps.now());
    request.log.warn({ by: actor.userId, customerId: customer.id, changed: result.changed, retained: result.retainedAdverseEvents }, 'customer personal data erased');
    return result;
  });

  app.get(DATA_RIGHTS_API.auditVerify, adminOnly, async () => verifyAuditChain(deps.store));
}
