import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServerSettingsStore } from './serverSettings';

let dir: string;
const files = () => ({ packagedFile: path.join(dir, 'fieldbook-config.json'), overrideFile: path.join(dir, 'userData', 'server-settings.json') });

describe('server settings', () => {
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fieldbook-server-settings-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('has no address when nothing was packaged or saved', async () => {
    expect(await createServerSettingsStore(files()).get()).toEqual({ packaged: null, override: null });
  });

  it('ignores a packaged file that is not JSON or holds an invalid address', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const text of ['not json', '{"serverUrl":"ftp://x"}', '{"serverUrl":42}', '[]']) {
      await writeFile(files().packagedFile, text);
      expect(await createServerSettingsStore(files()).get(), text).toEqual({ packaged: null, override: null });
    }
    expect(warn).toHaveBeenCalled();
  });

  it('keeps an admin override across restarts of the app', async () => {
    await writeFile(files().packagedFile, JSON.stringify({ serverUrl: 'https://crm.example.com' }));
    await createServerSettingsStore(files()).setOverride('https://new.example.com');
    expect(await createServerSettingsStore(files()).get()).toEqual({ packaged: 'https://crm.example.com', override: 'https://new.example.com' });
  });
});
