/** The sync server's port when the app is served from the same host (npm run server's default). */
export const DEFAULT_SERVER_PORT = 8787;

/** Where the app itself was loaded from: only the parts the default depends on. */
export interface PageLocation {
  protocol: string;
  hostname: string;
}

/**
 * The server address the sign-in form starts with: the build's VITE_SERVER_URL when set;
 * else, for an app served over http(s), the same host on port 8787; else (Electron's app:// or
 * file://) the local server.
 */
export function defaultServerUrl(envUrl: unknown, location: PageLocation | undefined): string {
  if (typeof envUrl === 'string' && envUrl.trim() !== '') {
    const fromEnv = normalizeServerUrl(envUrl);
    if (fromEnv) return fromEnv;
  }
  if (location && (location.protocol === 'http:' || location.protocol === 'https:') && location.hostname) {
    const host = location.hostname.includes(':') && !location.hostname.startsWith('[') ? `[${location.hostname}]` : location.hostname;
    return `${location.protocol}//${host}:${DEFAULT_SERVER_PORT}`;
  }
  return `http://127.0.0.1:${DEFAULT_SERVER_PORT}`;
}

/**
 * Cleans what a user typed as the server address: adds http:// when no scheme was given,
 * accepts only http and https, drops a trailing slash, query and fragment.
 * Returns null when it is not an address.
 */
export function normalizeServerUrl(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
