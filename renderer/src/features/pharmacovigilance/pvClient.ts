import { PV_API, type PvAcknowledgeResponse, type PvListFilter, type PvListResponse } from '../../../../shared/pharmacovigilance/api';
import { ApiRequestError } from '../auth/apiError';
import { readJson } from '../auth/http';
import { getActiveSyncEngine } from '../sync/activeEngine';

/** The queue lives on the server: these calls need the network and a live session (the sync engine's tokens). */
function engine() {
  const active = getActiveSyncEngine();
  if (!active) throw new ApiRequestError('signed_out', 'Not signed in to a server');
  return active;
}

export async function fetchPvQueue(filter: PvListFilter): Promise<PvListResponse> {
  return readJson<PvListResponse>(await engine().apiFetch(`${PV_API.list}?status=${filter}`));
}

export async function acknowledgePvReport(id: string): Promise<PvAcknowledgeResponse> {
  return readJson<PvAcknowledgeResponse>(
    await engine().apiFetch(PV_API.acknowledge(id), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
  );
}
