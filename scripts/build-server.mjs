// Bundles the sync server and its CLI for production (npm run build:server): out/server/main.mjs
// and out/server/cli.mjs, run with plain `node` (no tsx, no TypeScript at run time). Packages stay
// external (all but rxdb): `npm ci --omit=dev` installs them (better-sqlite3 is native), see server/deploy/Dockerfile.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** @param {{ root?: string, outDir?: string }} [options] */
export async function buildServer({ root = projectRoot, outDir = path.join(root, 'out', 'server') } = {}) {
  const { dependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  // rxdb is bundled in: the shared schemas only use its tiny typing helper, and the whole client
  // database library should not load in the server.
  const external = Object.keys(dependencies).filter((name) => name !== 'rxdb').flatMap((name) => [name, `${name}/*`]);
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'server/main.ts', cli: 'server/cli.ts' },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildServer();
  console.log('Built out/server/main.mjs and out/server/cli.mjs');
}
