// Reads the environment once at start-up and turns it into the shell's trust settings.
// Dev mode (a local Vite server) is honoured only in an unpackaged app, so a shipped build
// can never be pointed at another origin through an environment variable.
import { APP_ORIGIN, APP_START_URL, originOf } from './origin';

export interface ShellConfig {
  /** First URL the main window loads. */
  readonly startUrl: string;
  /** Origins allowed to be navigated to and to call IPC. */
  readonly allowedOrigins: readonly string[];
  /** True when loading from FIELDBOOK_DEV_URL (enables DevTools in the menu). */
  readonly devMode: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Accepts only plain-http loopback URLs (a Vite dev server on this machine); throws otherwise. */
export function parseDevServerUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`FIELDBOOK_DEV_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.username !== '' || url.password !== '') {
    throw new Error(`FIELDBOOK_DEV_URL must be an http://127.0.0.1:PORT/ address, got ${value}`);
  }
  return url;
}

export function resolveShellConfig(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): ShellConfig {
  const devUrl = env['FIELDBOOK_DEV_URL'];
  if (isPackaged || devUrl === undefined || devUrl === '') {
    return { startUrl: APP_START_URL, allowedOrigins: [APP_ORIGIN], devMode: false };
  }
  const url = parseDevServerUrl(devUrl);
  const devOrigin = originOf(url.href);
  if (devOrigin === null) throw new Error(`FIELDBOOK_DEV_URL has no usable origin: ${devUrl}`);
  return { startUrl: url.href, allowedOrigins: [APP_ORIGIN, devOrigin], devMode: true };
}
