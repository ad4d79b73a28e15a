import { IMPORT_API, type ImportRefusal, type ImportRequest, type ImportResult } from '../../../../shared/import/api';
import type { ImportKind } from '../../../../shared/import/types';
import { ApiRequestError } from '../auth/apiError';
import { fetchOrUnreachable, readJson } from '../auth/http';
import { getActiveSyncEngine } from '../sync/activeEngine';

export type ImportAnswer = { ok: true; result: ImportResult } | { ok: false; refusal: ImportRefusal };

/** Preview or commit on the server (needs the network and a live session: the sync engine's tokens). */
export async function postImport(kind: ImportKind, request: ImportRequest): Promise<ImportAnswer> {
  const engine = getActiveSyncEngine();
  if (!engine) throw new ApiRequestError('signed_out', 'Not signed in to a server');
  const response = await fetchOrUnreachable((url, init) => engine.apiFetch(url, init), IMPORT_API.path(kind), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  // 422: rows are invalid and nothing was written; the answer lists them.
  if (response.status === 422) return { ok: false, refusal: (await response.json()) as ImportRefusal };
  return { ok: true, result: await readJson<ImportResult>(response) };
}
