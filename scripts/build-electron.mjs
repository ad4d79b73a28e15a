// Bundles the Electron main process and preload into CommonJS files under out/electron/.
// Plain Node + esbuild only: it must work where no Electron binary is installed.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** @param {{ root?: string, outDir?: string }} [options] outDir: where electron/*.cjs go (default <root>/out). */
export async function buildElectron({ root = projectRoot, outDir = path.join(root, 'out') } = {}) {
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  };
  const [, preload] = await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outDir, 'electron', 'main.cjs') }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outDir, 'electron', 'preload.cjs') }),
  ]);
  // A sandboxed preload can require nothing but 'electron': fail the build if anything else slipped in.
  const preloadImports = Object.values(preload.metafile.outputs).flatMap((output) => output.imports.map((entry) => entry.path));
  const forbidden = preloadImports.filter((name) => name !== 'electron');
  if (forbidden.length > 0) throw new Error(`preload.cjs may only require 'electron', found: ${forbidden.join(', ')}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildElectron();
  console.log('Built out/electron/main.cjs and out/electron/preload.cjs');
}
