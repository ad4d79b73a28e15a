import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IMPORT_API, type ImportRefusal, type ImportRequest } from '../../shared/import/api';
import { isImportKind, MAX_IMPORT_ROWS, type ColumnMapping, type Table } from '../../shared/import/types';
import { isAdmin } from '../../shared/sync/actor';
import { actorOf } from '../auth/authenticate';
import { ImportRefused, runImport } from '../import/runImport';
import type { ServerDeps } from './context';
import { badRequest, forbidden, isPlainObject, notFound } from './errors';

/**
 * POST /api/admin/import/:kind, admins only: `{mode: 'preview'|'commit', table, mapping, validOnly?}`.
 * Preview writes nothing; a commit with invalid rows (and no validOnly) answers 422 with the row
 * errors and writes nothing. Passwords in the table are never logged (only counts are).
 */
function readTable(value: unknown): Table {
  if (!isPlainObject(value)) throw badRequest('"table" must be {headers: string[], rows: [{line, cells: string[]}]}');
  const { headers, rows } = value;
  if (!Array.isArray(headers) || headers.length > 200 || !headers.every((h) => typeof h === 'string' && h.length <= 500)) {
    throw badRequest('"table.headers" must be at most 200 strings');
  }
  if (!Array.isArray(rows) || rows.length > MAX_IMPORT_ROWS) throw badRequest(`"table.rows" must be an array of at most ${MAX_IMPORT_ROWS} rows`);
  for (const row of rows) {
    if (!isPlainObject(row) || !Number.isSafeInteger(row.line) || (row.line as number) < 1
      || !Array.isArray(row.cells) || row.cells.length > 200 || !row.cells.every((c) => typeof c === 'string' && c.length <= 100_000)) {
      throw badRequest('Each row of "table.rows" must be {line: positive integer, cells: string[]}');
    }
  }
  return { headers: headers as string[], rows: rows as Table['rows'] };
}

function readMapping(value: unknown): ColumnMapping {
  if (!isPlainObject(value)) throw badRequest('"mapping" must be an object {field: column index}');
  for (const column of Object.values(value)) if (!Number.isSafeInteger(column)) throw badRequest('"mapping" values must be column indexes');
  return value as ColumnMapping;
}

export function registerImportRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const adminOnly = {
    preHandler: [app.authenticate, async (request: FastifyRequest) => {
      if (!isAdmin(actorOf(request))) throw forbidden('Administrators only');
    }],
  };

  app.post(IMPORT_API.route, adminOnly, async (request, reply) => {
    const kind = (request.params as { kind?: string }).kind;
    if (!isImportKind(kind)) throw notFound(`No import of "${String(kind).slice(0, 40)}": customers, products, articles, users or territories`);
    const body = request.body;
    if (!isPlainObject(body)) throw badRequest('Body must be a JSON object {mode, table, mapping, validOnly?}');
    if (body.mode !== 'preview' && body.mode !== 'commit') throw badRequest('"mode" must be "preview" or "commit"');
    if (body.validOnly !== undefined && typeof body.validOnly !== 'boolean') throw badRequest('"validOnly" must be true or false');
    const run: ImportRequest = { mode: body.mode, table: readTable(body.table), mapping: readMapping(body.mapping), validOnly: body.validOnly === true };
    const actor = actorOf(request);
    try {
      const result = await runImport(deps.store, { kind, ...run }, { actor, now: deps.now, newId: deps.newId });
      if (run.mode === 'commit') {
        request.log.info({ by: actor.userId, kind, created: result.created, updated: result.updated, unchanged: result.unchanged, skipped: result.skipped }, 'master data imported');
      }
      return result;
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      if (!error.result) throw badRequest(error.message);
      const refusal: ImportRefusal = { code: 'bad_request', message: error.message, errors: error.result.errors };
      return reply.code(422).send(refusal);
    }
  });
}
