// The organisation's sync server address. The packaging script writes it into
// <resources>/fieldbook-config.json (outside the ASAR, so IT can also edit it after installing);
// an admin can save another one in Settings, kept in <userData>/server-settings.json.
// Anything unreadable or invalid counts as "not set": the sign-in form still lets users type one.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isValidServerUrl, type ServerSettings } from '../shared/ipc/contract';

/** Name of the extra resource the packaging script writes (see electron-builder.yml). */
export const PACKAGED_CONFIG_FILE = 'fieldbook-config.json';

export interface ServerSettingsStore {
  get(): Promise<ServerSettings>;
  /** url must already be valid (checked at the IPC boundary); null removes the override. */
  setOverride(url: string | null): Promise<ServerSettings>;
}

async function readServerUrl(filePath: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch {
    return null;
  }
  try {
    const value: unknown = (JSON.parse(text) as { serverUrl?: unknown } | null)?.serverUrl;
    if (value === undefined || value === null) return null;
    if (isValidServerUrl(value)) return value;
  } catch {
    // fall through
  }
  console.warn(`Fieldbook: ${filePath} holds no valid serverUrl; ignoring it.`);
  return null;
}

export function createServerSettingsStore(options: { packagedFile: string; overrideFile: string }): ServerSettingsStore {
  // The packaged file cannot change while the app runs: read it once.
  let packaged: Promise<string | null> | null = null;
  const read = async (): Promise<ServerSettings> => {
    packaged ??= readServerUrl(options.packagedFile);
    return { packaged: await packaged, override: await readServerUrl(options.overrideFile) };
  };
  return {
    get: read,
    setOverride: async (url) => {
      await mkdir(path.dirname(options.overrideFile), { recursive: true });
      const temp = `${options.overrideFile}.tmp`;
      await writeFile(temp, `${JSON.stringify({ serverUrl: url }, null, 2)}\n`, { mode: 0o600 });
      await rename(temp, options.overrideFile); // never a half-written file
      return read();
    },
  };
}
