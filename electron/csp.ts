// The Content-Security-Policy main sends with every page it serves (protocol.ts). The renderer's
// index.html carries its own <meta> CSP too; a browser enforces both, so the stricter one wins.

export interface CspOptions {
  /** Allow plain http/ws to loopback: a local sync server in development and tests (unpackaged app only). */
  readonly allowLoopbackConnect: boolean;
}

export function buildContentSecurityPolicy({ allowLoopbackConnect }: CspOptions): string {
  // The sync server's address is configured at run time, so connections may go to any https host;
  // unencrypted http is allowed only to loopback and only in development.
  const connect = ["'self'", 'https:', 'wss:'];
  if (allowLoopbackConnect) connect.push('http://127.0.0.1:*', 'http://localhost:*', 'ws://127.0.0.1:*', 'ws://localhost:*');
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"], // no 'unsafe-eval', no 'unsafe-inline'
    'style-src': ["'self'", "'unsafe-inline'"], // Emotion (MUI) injects <style> elements at run time
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': connect,
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
