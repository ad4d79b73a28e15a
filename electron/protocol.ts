// Serves the built renderer (out/renderer) from app://fieldbook/ instead of file://.
// A privileged standard+secure scheme gives IndexedDB, fetch and CSP 'self' a stable origin that
// does not depend on the install path, and lets us refuse anything outside the renderer folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Must run before `app` is ready: Chromium reads scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Installs the app:// handler on the default session (after `app` is ready). */
export function serveRenderer(rendererDir: string, contentSecurityPolicy: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, contentSecurityPolicy));
}

export function createAppRequestHandler(rendererDir: string, contentSecurityPolicy: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  const securityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  const reply = (status: number, body: BodyInit | null, contentType = 'text/plain; charset=utf-8'): Response =>
    new Response(body, { status, headers: { ...securityHeaders, 'Content-Type': contentType } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return reply(404, 'Not found');

    const relative = safeRelativePath(url.pathname);
    if (relative === null) return reply(403, 'Forbidden');
    const file = path.resolve(root, relative === '' ? 'index.html' : relative);
    // Second line of defence: whatever the decoding did, the file must sit inside the renderer folder.
    if (!file.startsWith(root + path.sep)) return reply(403, 'Forbidden');

    // Client-side routes (no file extension) fall back to index.html; missing assets are 404.
    const candidates = path.extname(file) === '' ? [file, path.join(root, 'index.html')] : [file];
    for (const candidate of candidates) {
      try {
        const body = await readFile(candidate);
        const type = MIME_TYPES[path.extname(candidate).toLowerCase()] ?? 'application/octet-stream';
        return reply(200, request.method === 'HEAD' ? null : body, type);
      } catch {
        // try the next candidate
      }
    }
    return reply(404, 'Not found');
  };
}

/** Decoded path without the leading slash, or null if it tries to leave the folder or is malformed. */
function safeRelativePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  return segments.join('/');
}
