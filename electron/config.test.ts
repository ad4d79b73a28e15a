import { describe, expect, it } from 'vitest';
import { resolveShellConfig } from './config';
import { APP_ORIGIN, APP_START_URL, isAllowedOrigin, originOf } from './origin';

describe('originOf', () => {
  it('builds scheme://host for custom and web schemes', () => {
    expect(originOf('app://fieldbook/index.html')).toBe('app://fieldbook');
    expect(originOf('app://FieldBook/x')).toBe('app://fieldbook');
    expect(originOf('http://127.0.0.1:5173/a?b')).toBe('http://127.0.0.1:5173');
    expect(originOf('app://fieldbook@evil.example/')).toBeNull();
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });

  it('does not confuse look-alike hosts', () => {
    expect(isAllowedOrigin('app://fieldbook.evil.example/', [APP_ORIGIN])).toBe(false);
    expect(isAllowedOrigin('https://fieldbook/', [APP_ORIGIN])).toBe(false);
  });
});

describe('resolveShellConfig', () => {
  it('loads app://fieldbook by default', () => {
    expect(resolveShellConfig({}, false)).toEqual({ startUrl: APP_START_URL, allowedOrigins: [APP_ORIGIN], devMode: false });
  });

  it('loads and allows a loopback dev server when FIELDBOOK_DEV_URL is set', () => {
    expect(resolveShellConfig({ FIELDBOOK_DEV_URL: 'http://127.0.0.1:5173/' }, false)).toEqual({
      startUrl: 'http://127.0.0.1:5173/',
      allowedOrigins: [APP_ORIGIN, 'http://127.0.0.1:5173'],
      devMode: true,
    });
  });

  it('ignores FIELDBOOK_DEV_URL in a packaged app', () => {
    expect(resolveShellConfig({ FIELDBOOK_DEV_URL: 'http://127.0.0.1:5173/' }, true).devMode).toBe(false);
  });

  it('refuses a dev URL that is not plain http on loopback', () => {
    for (const url of ['https://evil.example/', 'http://192.168.1.5:5173/', 'http://user:pw@127.0.0.1:5173/', 'nonsense']) {
      expect(() => resolveShellConfig({ FIELDBOOK_DEV_URL: url }, false), url).toThrow(/FIELDBOOK_DEV_URL/);
    }
  });
});
