import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

describe('readConfig: deployment settings', () => {
  it('trusts no proxy and serves no updates by default', () => {
    expect(readConfig({}, '/srv')).toMatchObject({ trustProxy: false, updatesDir: undefined, host: '127.0.0.1', port: 8787, dataDir: '/srv/.data' });
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of addresses', () => {
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
  });

  it('resolves FIELDBOOK_UPDATES_DIR against the working folder', () => {
    expect(readConfig({ FIELDBOOK_UPDATES_DIR: 'updates' }, '/srv/fieldbook').updatesDir).toBe('/srv/fieldbook/updates');
  });

  it('refuses a TRUST_PROXY it cannot read, naming it', () => {
    for (const value of ['yes', 'nginx.local', '11', '1.2.3.4/x']) {
      expect(() => readConfig({ TRUST_PROXY: value }), value).toThrow(ConfigError);
      expect(() => readConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY/);
    }
  });
});
