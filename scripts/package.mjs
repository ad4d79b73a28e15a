// Builds the desktop installers: npm run package (this computer's platform), package:linux,
// package:win, package:mac. Extra arguments pick targets and architectures, e.g.
// `npm run package:linux -- dir tar.gz` or `npm run package:mac -- --arm64 --x64` (default: this machine's).
//
//   FIELDBOOK_SERVER_URL     the organisation's sync server, e.g. https://crm.example.com. Written
//                            into the installer (resources/fieldbook-config.json) as the default
//                            server address and the auto-update feed (<url>/updates/).
//   FIELDBOOK_ELECTRON_DIST  a local, unpacked Electron folder (offline machines: no download).
//   FIELDBOOK_PACKAGE_OUT    where the installers go (default dist/installers).
//   FIELDBOOK_PACKAGE_WORK   scratch folder for the build and the staged app (default out/; the
//                            packaging test uses a temp folder).
//
// Steps: render the icons from build/icon.svg, build the app (renderer + Electron bundles), stage
// only the built files with a dependency-free package.json, then run electron-builder with
// electron-builder.yml. Nothing else from the repository reaches the package.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import builder from 'electron-builder';
import { buildElectron } from './build-electron.mjs';
import { generateIcons } from './icons.mjs';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const PLATFORMS = { linux: builder.Platform.LINUX, win: builder.Platform.WINDOWS, mac: builder.Platform.MAC };
const CURRENT = { linux: 'linux', win32: 'win', darwin: 'mac' }[process.platform];

/** The packaged server address: http(s), no credentials, query or fragment, no trailing slash. */
export function parseServerUrl(value) {
  const text = (value ?? '').trim();
  if (text === '') return null;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`FIELDBOOK_SERVER_URL is not a URL: ${text}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new Error(`FIELDBOOK_SERVER_URL must be an http(s) address without user, query or fragment: ${text}`);
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** Builds the renderer and the Electron bundles into builtDir (renderer/, electron/). */
export function buildApp({ root = projectRoot, builtDir }) {
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', 'renderer/vite.config.ts', '--outDir', path.join(builtDir, 'renderer'), '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The renderer build failed.');
  return buildElectron({ root, outDir: builtDir });
}

/**
 * Copies what the installed app runs, and nothing else, into <workDir>/app; writes the server
 * config into <workDir>/resources. Source maps stay behind: they hold the sources.
 */
export function stageApp({ root = projectRoot, builtDir, workDir, serverUrl }) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const appDir = path.join(workDir, 'app');
  const resourcesDir = path.join(workDir, 'resources');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(path.join(appDir, 'electron'), { recursive: true });
  mkdirSync(resourcesDir, { recursive: true });
  for (const file of ['main.cjs', 'preload.cjs']) {
    const from = path.join(builtDir, 'electron', file);
    if (!existsSync(from)) throw new Error(`${from} is missing: build the app first (npm run build).`);
    cpSync(from, path.join(appDir, 'electron', file));
  }
  if (!existsSync(path.join(builtDir, 'renderer', 'index.html'))) throw new Error(`${builtDir}/renderer is not built: run npm run build.`);
  cpSync(path.join(builtDir, 'renderer'), path.join(appDir, 'renderer'), { recursive: true, filter: (from) => !from.endsWith('.map') });
  // The main process is one bundle (electron-updater included): the app needs no node_modules.
  const appPackage = {
    name: pkg.name,
    productName: pkg.productName,
    version: pkg.version,
    description: pkg.description,
    author: { name: 'Fieldbook', email: 'it@fieldbook.app' },
    homepage: 'https://fieldbook.app',
    main: 'electron/main.cjs',
  };
  writeFileSync(path.join(appDir, 'package.json'), `${JSON.stringify(appPackage, null, 2)}\n`);
  writeFileSync(path.join(resourcesDir, 'fieldbook-config.json'), `${JSON.stringify({ serverUrl }, null, 2)}\n`);
  return { appDir, configFile: path.join(resourcesDir, 'fieldbook-config.json') };
}

/**
 * The whole packaging run. platform: 'linux' | 'win' | 'mac'; targets: electron-builder target
 * names (default: the ones in electron-builder.yml). Returns the artifact paths.
 */
export async function packageApp({
  root = projectRoot,
  platform = CURRENT,
  targets = [],
  archs = [process.arch],
  serverUrl = parseServerUrl(process.env.FIELDBOOK_SERVER_URL),
  electronDist = process.env.FIELDBOOK_ELECTRON_DIST || undefined,
  outputDir = path.resolve(root, process.env.FIELDBOOK_PACKAGE_OUT || 'dist/installers'),
  builtDir = process.env.FIELDBOOK_PACKAGE_WORK ? path.resolve(process.env.FIELDBOOK_PACKAGE_WORK, 'built') : path.join(root, 'out'),
  workDir = process.env.FIELDBOOK_PACKAGE_WORK ? path.resolve(process.env.FIELDBOOK_PACKAGE_WORK, 'package') : path.join(root, 'out', 'package'),
  build = true,
} = {}) {
  if (!PLATFORMS[platform]) throw new Error(`Unknown platform "${platform}": use linux, win or mac.`);
  if (serverUrl === null) {
    console.warn('FIELDBOOK_SERVER_URL is not set: the installer has no default server and no update feed (users type the address at sign-in).');
  } else if (serverUrl.startsWith('http://') && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(`${serverUrl}/`)) {
    console.warn(`FIELDBOOK_SERVER_URL is plain http (${serverUrl}): tokens and updates would travel unencrypted. Use https (see README, TLS).`);
  }
  // Offline machines: electron-builder would download 7-Zip from GitHub; Debian's 7zz does the same job.
  if (!process.env.ELECTRON_BUILDER_7ZIP_PATH && existsSync('/usr/bin/7zz')) process.env.ELECTRON_BUILDER_7ZIP_PATH = '/usr/bin/7zz';

  generateIcons({ root });
  if (build) await buildApp({ root, builtDir });
  const { appDir, configFile } = stageApp({ root, builtDir, workDir, serverUrl });

  const config = {
    directories: { app: appDir, output: outputDir },
    extraResources: [{ from: configFile, to: 'fieldbook-config.json' }],
    // Without a server there is no feed; the placeholder keeps electron-builder's update files well-formed.
    publish: { provider: 'generic', url: serverUrl === null ? 'https://fieldbook.invalid/updates/' : `${serverUrl}/updates/` },
    ...(electronDist ? { electronDist: path.resolve(root, electronDist) } : {}),
  };
  return builder.build({
    projectDir: root,
    targets: PLATFORMS[platform].createTarget(targets.length > 0 ? targets : null, ...archs.map((a) => builder.archFromString(a))),
    config,
    publish: 'never',
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const platformFlag = args.find((a) => /^--(linux|win|mac)$/.test(a));
  try {
    const artifacts = await packageApp({
      platform: platformFlag ? platformFlag.slice(2) : CURRENT,
      targets: args.filter((a) => !a.startsWith('--')),
      ...(args.some((a) => /^--(x64|arm64|universal)$/.test(a)) ? { archs: args.filter((a) => /^--(x64|arm64|universal)$/.test(a)).map((a) => a.slice(2)) } : {}),
      build: !args.includes('--skip-build'),
    });
    console.log(`Installers:\n${artifacts.map((a) => `  ${path.relative(projectRoot, a)}`).join('\n')}`);
  } catch (error) {
    console.error(`Packaging failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
