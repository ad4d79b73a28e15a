// Where the app's own pages live. Every trust decision in main (navigation, IPC sender, CSP)
// compares origins computed by `originOf`, so there is one definition of "our origin".

/** Privileged custom scheme that serves out/renderer (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]`, lower-cased, or null when the URL does not parse, has no host or carries
 * credentials. Node's URL reports an opaque origin ("null") for custom schemes, so we build it
 * ourselves instead of using `URL.origin`.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

export function isAllowedOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}
