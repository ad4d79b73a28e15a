import type { FastifyInstance } from 'fastify';

/**
 * The API inventory (OWASP API9): every route the server registers, with who may call it. A test
 * compares it with the routes Fastify actually registered (both ways) and with the README's API
 * table, and calls each route as an anonymous caller and as a rep to check the access class.
 */
export type Access = 'public' | 'signed_in' | 'admin' | 'pharmacovigilance';

export interface InventoryEntry {
  method: 'GET' | 'POST' | 'OPTIONS';
  url: string;
  access: Access;
}

export const API_INVENTORY: readonly InventoryEntry[] = [
  { method: 'GET', url: '/health', access: 'public' },
  { method: 'GET', url: '/ready', access: 'public' },
  { method: 'GET', url: '/updates/*', access: 'public' }, // only with FIELDBOOK_UPDATES_DIR: installers need no sign-in
  { method: 'OPTIONS', url: '*', access: 'public' },
  { method: 'POST', url: '/api/auth/login', access: 'public' },
  { method: 'POST', url: '/api/auth/refresh', access: 'public' },
  { method: 'POST', url: '/api/auth/logout', access: 'public' }, // needs the access or the refresh token
  { method: 'GET', url: '/api/sync/:collection/pull', access: 'signed_in' },
  { method: 'POST', url: '/api/sync/:collection/push', access: 'signed_in' },
  { method: 'GET', url: '/api/sync/:collection/versions', access: 'signed_in' },
  { method: 'POST', url: '/api/sync/:collection/fetch', access: 'signed_in' },
  { method: 'GET', url: '/api/sync/stream', access: 'signed_in' },
  { method: 'GET', url: '/api/admin/audit', access: 'admin' },
  { method: 'GET', url: '/api/admin/audit/verify', access: 'admin' },
  { method: 'POST', url: '/api/admin/devices/revoke', access: 'admin' },
  { method: 'GET', url: '/api/admin/sessions', access: 'admin' },
  { method: 'GET', url: '/api/admin/territories', access: 'admin' },
  { method: 'POST', url: '/api/admin/territories', access: 'admin' },
  { method: 'GET', url: '/api/admin/users', access: 'admin' },
  { method: 'POST', url: '/api/admin/users', access: 'admin' },
  { method: 'GET', url: '/api/admin/customers/:id/export', access: 'admin' },
  { method: 'POST', url: '/api/admin/customers/:id/erase', access: 'admin' },
  { method: 'POST', url: '/api/admin/import/:kind', access: 'admin' },
  { method: 'GET', url: '/api/pv/adverse-events', access: 'pharmacovigilance' },
  { method: 'POST', url: '/api/pv/adverse-events/:id/acknowledge', access: 'pharmacovigilance' },
];

const registered = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/** Records every route registered on `app` from now on (call before registering routes). */
export function trackRoutes(app: FastifyInstance): void {
  const routes: { method: string; url: string }[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
}

/** The routes registered on `app` (HEAD twins of GET routes, which Fastify adds itself, left out). */
export function registeredRoutes(app: FastifyInstance): { method: string; url: string }[] {
  return (registered.get(app) ?? []).filter((r) => r.method !== 'HEAD');
}
