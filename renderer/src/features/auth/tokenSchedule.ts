/**
 * When to refresh an access token: a little before it expires, so requests and the event
 * stream never carry an expired one. The lead is a quarter of the token's lifetime, at most a
 * minute and at least two seconds (a 15-minute token is refreshed at 14 min; a 30 s one at 22.5 s).
 */
export const MAX_LEAD_MS = 60_000;
export const MIN_LEAD_MS = 2_000;
/** Never schedule closer than this: a clock far off must not make the app refresh in a loop. */
export const MIN_DELAY_MS = 1_000;

export function refreshLeadMs(issuedAtMs: number, expiresAtMs: number): number {
  const lifetime = Math.max(0, expiresAtMs - issuedAtMs);
  return Math.min(MAX_LEAD_MS, Math.max(MIN_LEAD_MS, lifetime / 4));
}

/** Milliseconds from `nowMs` until the refresh should run (0: now). NaN dates refresh now. */
export function refreshDelayMs(issuedAtMs: number, expiresAtMs: number, nowMs: number): number {
  if (!Number.isFinite(expiresAtMs) || !Number.isFinite(issuedAtMs)) return 0;
  const at = expiresAtMs - refreshLeadMs(issuedAtMs, expiresAtMs);
  const delay = at - nowMs;
  return delay <= 0 ? 0 : Math.max(MIN_DELAY_MS, delay);
}

/** Whether a token is too close to its expiry to use for a new request. */
export function needsRefresh(issuedAtMs: number, expiresAtMs: number, nowMs: number): boolean {
  return refreshDelayMs(issuedAtMs, expiresAtMs, nowMs) === 0;
}

/**
 * The expiry in this computer's clock. The server states an absolute instant; when the local
 * clock is off, what counts is the lifetime the server gave, measured from when we received it.
 */
export function localExpiry(serverExpiresAt: string, serverNowMs: number | null, receivedAtMs: number): number {
  const expires = Date.parse(serverExpiresAt);
  if (!Number.isFinite(expires)) return receivedAtMs;
  if (serverNowMs === null || !Number.isFinite(serverNowMs)) return expires;
  return receivedAtMs + (expires - serverNowMs);
}
