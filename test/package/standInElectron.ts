import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Electron's fuse sentinel: the fuse wire follows it (version byte, length byte, one byte per fuse). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults for the 8 V1 fuses: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, ASAR integrity off, only-ASAR off, V8 snapshot off, file:// privileges on. */
export const DEFAULT_FUSE_WIRE = '10110001';

/**
 * A STAND-IN for an unpacked Linux Electron folder, for machines where the real runtime cannot be
 * downloaded (CI). It is NOT Electron and cannot run the app: `electron` is a tiny shell script
 * carrying Electron's fuse sentinel and a fuse wire with Electron's defaults, so electron-builder
 * can rename it, @electron/fuses can flip the fuses, and the test can read them back. The rest is
 * what electron-builder touches in a real folder (resources/, LICENSE, version).
 * Set FIELDBOOK_ELECTRON_DIST to a real Electron folder to pack against the real binary instead.
 */
export function makeStandInElectron(dir: string, version: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "Stand-in for Electron (packaging test); it cannot run Fieldbook." >&2\nexit 1\n');
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, DEFAULT_FUSE_WIRE.length]), Buffer.from(DEFAULT_FUSE_WIRE, 'ascii')]);
  // The fuse wire sits after the script's `exit`, where the shell never reads.
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, Buffer.alloc(32), wire, Buffer.alloc(32)]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(join(dir, 'locales', 'zh-CN.pak'), '');
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in: the real folder carries Electron\'s MIT licence here.\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!-- stand-in -->\n');
  writeFileSync(join(dir, 'version'), `${version}\n`);
  return dir;
}
