import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where the desktop app's auto-updater (electron-updater, generic provider) reads its feed. */
export const UPDATES_PREFIX = '/updates/';

/**
 * Serves the installers and electron-updater's latest*.yml / .blockmap files from one folder
 * (FIELDBOOK_UPDATES_DIR) under /updates/: files directly in that folder only, no listings, no
 * dot files, nothing outside it (@fastify/send refuses `..` and encoded traversal). Range requests
 * are answered, so an interrupted or differential download resumes. No token is needed: the
 * updater runs before anyone signs in; restrict it at the reverse proxy if the network is not trusted.
 */
export async function registerUpdateFiles(app: FastifyInstance, updatesDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: updatesDir,
    prefix: UPDATES_PREFIX,
    decorateReply: false,
    index: false,
    list: false,
    redirect: false,
    dotfiles: 'deny',
    serveDotFiles: false,
    // latest*.yml must be re-read on every check; installers are immutable per version name.
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', /\.ya?ml$/.test(filePath) ? 'no-cache' : 'public, max-age=3600');
    },
    // Only plain file names in the folder itself (no sub-folders).
    allowedPath: (pathName) => /^\/[A-Za-z0-9][A-Za-z0-9 ._+-]*$/.test(decodeURIComponent(pathName)),
  });
}
