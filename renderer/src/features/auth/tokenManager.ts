import type { TokenResponse } from '../../../../shared/sync/protocol';
import { ApiRequestError, isSessionEnd, type SessionEndReason } from './apiError';
import { refresh as refreshRequest } from './authApi';
import { fetchOrUnreachable, readJson, type FetchLike } from './http';
import { localExpiry, needsRefresh, refreshDelayMs } from './tokenSchedule';

/** Key of the refresh token in the platform's secure storage. */
export const REFRESH_TOKEN_KEY = 'fieldbook.refresh';

/**
 * A request with no answer by then fails as "unreachable" and is retried: a half-open connection
 * (a laptop that changed networks, a captive portal) would otherwise hold a collection's push
 * queue for ever. The event stream passes its own signal and is not limited.
 */
export const REQUEST_TIMEOUT_MS = 60_000;

export interface SecureStore {
  secureGet(key: string): Promise<{ ok: true; value: string | null } | { ok: false; error: { message: string } }>;
  secureSet(key: string, value: string | null): Promise<{ ok: true; value: void } | { ok: false; error: { message: string } }>;
}

export interface TokenManagerOptions {
  serverUrl: string;
  deviceId: string;
  secure: SecureStore;
  fetch?: FetchLike;
  now?: () => number;
  /** New tokens arrived (the user info may have changed, e.g. a new territory). */
  onTokens?: (tokens: TokenResponse) => void;
  /** The server said the session is over: sign in again. */
  onSessionEnded?: (reason: SessionEndReason) => void;
  /** See REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
}

interface AccessToken {
  token: string;
  issuedAt: number;
  expiresAt: number;
}

/**
 * Owns the session's tokens: the access token only in memory, the rotating refresh token in
 * secure storage. Refreshes a little before expiry and after a 401, one refresh at a time (two
 * refreshes with the same token would look like a stolen token to the server and end the session).
 */
export class TokenManager {
  readonly serverUrl: string;
  private readonly options: TokenManagerOptions;
  private readonly fetchFn: FetchLike;
  private readonly now: () => number;
  private access: AccessToken | null = null;
  private refreshing: Promise<string> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(options: TokenManagerOptions) {
    this.options = options;
    this.serverUrl = options.serverUrl;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
  }

  /** Takes the tokens of a fresh sign-in (the refresh token is already stored). */
  accept(tokens: TokenResponse, serverNowMs: number | null = null): void {
    const received = this.now();
    this.access = { token: tokens.accessToken, issuedAt: received, expiresAt: localExpiry(tokens.accessExpiresAt, serverNowMs, received) };
    this.schedule();
  }

  /** A valid access token, refreshed first when missing or about to expire. */
  async getAccessToken(): Promise<string> {
    if (this.disposed) throw new ApiRequestError('signed_out', 'Signed out');
    const a = this.access;
    if (a && !needsRefresh(a.issuedAt, a.expiresAt, this.now())) return a.token;
    return this.refresh();
  }

  /** The server refused this token (401 unauthenticated): the next call refreshes. */
  invalidate(token: string): void {
    if (this.access?.token === token) this.access = null;
  }

  /** Refreshes now (one at a time). Rejects with ApiRequestError. */
  refresh(): Promise<string> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /**
   * fetch against the server with the access token; a 401 `unauthenticated` refreshes and
   * retries once. Answers other than 2xx become ApiRequestError (session ends are reported).
   */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.getAccessToken();
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      const signal = init.signal ?? AbortSignal.timeout(this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
      const response = await fetchOrUnreachable(this.fetchFn, this.serverUrl + path, { cache: 'no-store', ...init, headers, signal });
      if (response.ok) return response;
      try {
        await readJson(response);
        throw new ApiRequestError('bad_response', `HTTP ${response.status}`, response.status);
      } catch (error) {
        if (error instanceof ApiRequestError && error.code === 'unauthenticated' && attempt === 0) {
          this.invalidate(token);
          continue;
        }
        this.reportSessionEnd(error);
        throw error;
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.access = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The current access token, if any, without refreshing (for a best-effort sign-out). */
  peekAccessToken(): string | null {
    return this.access?.token ?? null;
  }

  private async doRefresh(): Promise<string> {
    const stored = await this.options.secure.secureGet(REFRESH_TOKEN_KEY);
    if (!stored.ok) throw new ApiRequestError('signed_out', `Secure storage unavailable: ${stored.error.message}`);
    if (!stored.value) throw new ApiRequestError('signed_out', 'No refresh token on this computer; sign in again to sync');
    if (this.disposed) throw new ApiRequestError('signed_out', 'Signed out');
    let tokens: TokenResponse;
    try {
      tokens = await refreshRequest(this.serverUrl, { refreshToken: stored.value, deviceId: this.options.deviceId }, this.fetchFn);
    } catch (error) {
      this.reportSessionEnd(error);
      throw error;
    }
    if (this.disposed) throw new ApiRequestError('signed_out', 'Signed out');
    // The old refresh token is spent: keep the new one before anything else.
    const saved = await this.options.secure.secureSet(REFRESH_TOKEN_KEY, tokens.refreshToken);
    if (!saved.ok) console.warn('Could not keep the new refresh token', saved.error.message);
    this.accept(tokens);
    this.options.onTokens?.(tokens);
    return tokens.accessToken;
  }

  private reportSessionEnd(error: unknown): void {
    if (isSessionEnd(error) && !this.disposed) this.options.onSessionEnded?.(error.code);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const a = this.access;
    if (!a || this.disposed) return;
    const delay = refreshDelayMs(a.issuedAt, a.expiresAt, this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      // Failure is fine here: the next request refreshes again (offline, server restarting).
      this.refresh().catch(() => undefined);
    }, Math.max(delay, 1_000));
  }
}
