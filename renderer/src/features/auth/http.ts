import { ApiRequestError, errorFromResponse } from './apiError';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** fetch, with "no answer at all" turned into ApiRequestError('unreachable'). Aborts pass through. */
export async function fetchOrUnreachable(fetchFn: FetchLike, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError('unreachable', error instanceof Error ? error.message : String(error));
  }
}

/** Reads a JSON answer; a non-2xx answer becomes an ApiRequestError with the server's code. */
export async function readJson<T>(response: Response): Promise<T> {
  let body: unknown = null;
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      if (response.ok) throw new ApiRequestError('bad_response', 'The server answered something that is not JSON', response.status);
    }
  }
  if (!response.ok) throw errorFromResponse(response.status, body);
  return body as T;
}

/** POST a JSON body, read a JSON answer. */
export async function postJson<T>(fetchFn: FetchLike, url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetchOrUnreachable(fetchFn, url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    cache: 'no-store',
  });
  return readJson<T>(response);
}
