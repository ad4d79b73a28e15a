/**
 * Packs the desktop app the way `npm run package:linux -- dir tar.gz` does (scripts/package.mjs,
 * electron-builder.yml) and checks what an admin would ship: only built files in the ASAR, no
 * dependencies, the fuses flipped in the packed binary, the server-URL config resource, a size
 * budget. Against FIELDBOOK_ELECTRON_DIST (a real unpacked Electron folder) when set; otherwise
 * against a STAND-IN Electron folder built here (see standInElectron.ts) — no Electron runtime can
 * be downloaded on CI. The tar.gz target needs 7-Zip (`7zz`, Debian package 7zip; .ci/run installs it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, resolve } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidServerUrl } from '../../shared/ipc/contract';
import { makeTempDir } from '../support/tempDir';
import { DEFAULT_FUSE_WIRE, makeStandInElectron } from './standInElectron';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER_URL = 'https://crm.example.com/fieldbook';
/** app.asar today is about 3.5 MB (the renderer bundle); over this, look at what grew before raising it. */
const ASAR_BUDGET_BYTES = 8 * 1024 * 1024;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

const ENABLE = '1'.charCodeAt(0);
const DISABLE = '0'.charCodeAt(0);

const temp = makeTempDir('fieldbook-package-');
const out = join(temp.path, 'installers');
const unpacked = join(out, 'linux-unpacked');
let log = '';

function run(command: string, args: string[], env: Record<string, string>): Promise<number | null> {
  return new Promise((res, rej) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...(process.env as Record<string, string>), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (t: string) => (log += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (log += t));
    child.on('error', rej);
    child.on('exit', (code) => res(code));
  });
}

beforeAll(async () => {
  const electronDist = process.env.FIELDBOOK_ELECTRON_DIST || makeStandInElectron(join(temp.path, 'electron-stand-in'), electronVersion);
  const code = await run(process.execPath, ['scripts/package.mjs', '--linux', '--x64', 'dir', 'tar.gz'], {
    FIELDBOOK_SERVER_URL: `${SERVER_URL}/`,
    FIELDBOOK_ELECTRON_DIST: electronDist,
    FIELDBOOK_PACKAGE_OUT: out,
    FIELDBOOK_PACKAGE_WORK: join(temp.path, 'work'),
  });
  if (code !== 0) throw new Error(`npm run package failed (exit ${code}):\n${log.slice(-4000)}`);
}, 170_000);

afterAll(() => temp.remove());

describe('npm run package (linux: dir and tar.gz)', () => {
  it('puts only the built app into app.asar: no sources, maps, tests or node_modules', () => {
    const asar = join(unpacked, 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false })
      .filter((f) => !('files' in statFile(asar, f.slice(1))))
      .map((f) => f.replaceAll('\\', '/'));
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/electron/main.cjs', '/electron/preload.cjs', '/renderer/index.html', '/renderer/sw.js']));
    const unexpected = files.filter((f) => !/^\/(package\.json|electron\/(main|preload)\.cjs|renderer\/(index\.html|sw\.js|favicon\.svg|assets\/[\w.-]+\.(js|css|woff2?|svg|png)))$/.test(f));
    expect(unexpected).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|map)$|node_modules|\/test\//.test(f))).toEqual([]);
  });

  it('ships a package.json without dependencies, and a main bundle that needs none', () => {
    const asar = join(unpacked, 'resources', 'app.asar');
    const appPackage = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(appPackage).toMatchObject({ name: 'fieldbook', productName: 'Fieldbook', version: pkg.version, main: 'electron/main.cjs' });
    expect(appPackage).not.toHaveProperty('dependencies');
    expect(appPackage).not.toHaveProperty('devDependencies');
    // Everything the main process requires at run time is Electron or built into Node.
    const main = extractFile(asar, 'electron/main.cjs').toString('utf8');
    const required = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    const notBuiltIn = [...required].filter((name) => name !== 'electron' && !isBuiltin(name));
    expect(notBuiltIn).toEqual([]);
    // electron-updater is bundled in, and no development dependency is.
    expect(main).toContain('GenericProvider');
    for (const dev of ['vitest', 'electron-builder', '@playwright/test', 'typescript']) expect(main.includes(`node_modules/${dev}/`), dev).toBe(false);
  });

  it('flips the fuses in the packed executable', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'fieldbook'));
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      nodeCliInspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      fileProtocolPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({ runAsNode: DISABLE, cookieEncryption: ENABLE, nodeOptions: DISABLE, nodeCliInspect: DISABLE, asarIntegrity: ENABLE, onlyLoadFromAsar: ENABLE, fileProtocolPrivileges: DISABLE });
    if (!process.env.FIELDBOOK_ELECTRON_DIST) expect(DEFAULT_FUSE_WIRE[FuseV1Options.RunAsNode]).toBe('1'); // the stand-in really started with them on
  });

  it('writes the organisation server URL and the update feed into the resources', () => {
    const config = JSON.parse(readFileSync(join(unpacked, 'resources', 'fieldbook-config.json'), 'utf8')) as { serverUrl: unknown };
    expect(config).toEqual({ serverUrl: SERVER_URL });
    expect(isValidServerUrl(config.serverUrl)).toBe(true);
    expect(readFileSync(join(unpacked, 'resources', 'app-update.yml'), 'utf8')).toMatch(/provider: generic\s+url: https:\/\/crm\.example\.com\/fieldbook\/updates\//);
  });

  it('keeps app.asar within its size budget', () => {
    expect(statSync(join(unpacked, 'resources', 'app.asar')).size).toBeLessThan(ASAR_BUDGET_BYTES);
  });

  it('builds a tar.gz holding the same app, with the fuses flipped', async () => {
    const archive = readdirSync(out).find((f) => f.endsWith('.tar.gz'));
    expect(archive).toBe(`Fieldbook-${pkg.version}-linux-x64.tar.gz`);
    const listing = spawnSync('tar', ['-tzf', join(out, archive!)], { encoding: 'utf8' }).stdout.split('\n');
    const top = `Fieldbook-${pkg.version}-linux-x64`;
    expect(listing).toEqual(expect.arrayContaining([`${top}/fieldbook`, `${top}/resources/app.asar`, `${top}/resources/fieldbook-config.json`]));
    const extracted = join(temp.path, 'extracted');
    spawnSync('mkdir', ['-p', extracted]);
    expect(spawnSync('tar', ['-xzf', join(out, archive!), '-C', extracted]).status).toBe(0);
    expect((await getCurrentFuseWire(join(extracted, top, 'fieldbook')))[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(readFileSync(join(extracted, top, 'resources', 'app.asar')).equals(readFileSync(join(unpacked, 'resources', 'app.asar')))).toBe(true);
  });

  it('renders every icon from the one source image', () => {
    for (const file of ['build/icon.png', 'build/icon.ico', 'build/icon.icns', 'build/icons/256x256.png', 'build/icons/16x16.png']) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
    }
    expect(readFileSync(join(ROOT, 'build/icon.png')).readUInt32BE(16)).toBe(1024); // PNG IHDR width
  });
});
