import { describe, expect, it } from 'vitest';
import { defaultServerUrl, normalizeServerUrl } from './serverUrl';

describe('defaultServerUrl', () => {
  it('prefers the build setting', () => {
    expect(defaultServerUrl('https://sync.example.com/', { protocol: 'http:', hostname: 'localhost' })).toBe('https://sync.example.com');
  });

  it('ignores an empty or broken build setting', () => {
    expect(defaultServerUrl('', { protocol: 'http:', hostname: '10.0.0.5' })).toBe('http://10.0.0.5:8787');
    expect(defaultServerUrl('   ', { protocol: 'http:', hostname: '10.0.0.5' })).toBe('http://10.0.0.5:8787');
    expect(defaultServerUrl('ftp://x', { protocol: 'http:', hostname: '10.0.0.5' })).toBe('http://10.0.0.5:8787');
    expect(defaultServerUrl(undefined, { protocol: 'http:', hostname: '10.0.0.5' })).toBe('http://10.0.0.5:8787');
  });

  it('uses the same host on port 8787 when served over http(s)', () => {
    expect(defaultServerUrl(undefined, { protocol: 'http:', hostname: '127.0.0.1' })).toBe('http://127.0.0.1:8787');
    expect(defaultServerUrl(undefined, { protocol: 'https:', hostname: 'crm.example.com' })).toBe('https://crm.example.com:8787');
    expect(defaultServerUrl(undefined, { protocol: 'http:', hostname: '[::1]' })).toBe('http://[::1]:8787');
  });

  it('falls back to the local server in the desktop shell', () => {
    expect(defaultServerUrl(undefined, { protocol: 'app:', hostname: 'fieldbook' })).toBe('http://127.0.0.1:8787');
    expect(defaultServerUrl(undefined, { protocol: 'file:', hostname: '' })).toBe('http://127.0.0.1:8787');
    expect(defaultServerUrl(undefined, undefined)).toBe('http://127.0.0.1:8787');
  });
});

describe('normalizeServerUrl', () => {
  it('adds a scheme and drops trailing slashes', () => {
    expect(normalizeServerUrl('127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(normalizeServerUrl(' https://sync.example.com/ ')).toBe('https://sync.example.com');
    expect(normalizeServerUrl('https://example.com/fieldbook//?x=1#y')).toBe('https://example.com/fieldbook');
  });

  it('keeps default ports out and other ports in', () => {
    expect(normalizeServerUrl('http://example.com:80')).toBe('http://example.com');
    expect(normalizeServerUrl('HTTP://Example.COM:8787')).toBe('http://example.com:8787');
  });

  it('refuses what is not an http(s) address', () => {
    for (const bad of ['', '   ', 'ftp://example.com', 'javascript:alert(1)', 'http://', 'http://user:pw@example.com', 'exa mple.com']) {
      expect(normalizeServerUrl(bad), bad).toBeNull();
    }
  });
});
