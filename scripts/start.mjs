// What `npm start` runs: build everything, then open the desktop shell; where the Electron runtime
// is not installed (CI, these dev machines), serve the built renderer for a browser instead.
// FIELDBOOK_NO_BUILD=1 skips the build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { buildElectron } from './build-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const viteConfig = path.join(root, 'renderer', 'vite.config.ts');
const rendererOut = path.join(root, 'out', 'renderer');

/** The Electron binary's path, or null: the npm package's index.js throws when the binary was never downloaded. */
function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (process.env.FIELDBOOK_NO_BUILD !== '1') {
  await build({ configFile: viteConfig, logLevel: 'warn' });
  await buildElectron();
}

const binary = electronBinary();
if (binary !== null) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
} else {
  if (!existsSync(path.join(rendererOut, 'index.html'))) {
    console.error(`No built renderer in ${rendererOut}; run without FIELDBOOK_NO_BUILD=1 first.`);
    process.exit(1);
  }
  const port = Number(process.env.PORT) || 5173;
  const server = await preview({
    configFile: viteConfig,
    logLevel: 'warn',
    build: { outDir: rendererOut },
    preview: { host: '127.0.0.1', port, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`Electron runtime not installed here; serving Fieldbook for a browser at ${url}`);
}
