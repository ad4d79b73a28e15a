import { describe, expect, it } from 'vitest';
import {
  DATABASE_KEY_NAME, IPC_PREFIX, IpcChannel, effectiveServerUrl, isAllowedExternalUrl, isValidDatabaseKey, isValidNotificationBody, isValidNotificationTitle, isValidSecureKey, isValidSecureValue, isValidServerUrl,
  NOTIFICATION_BODY_MAX, NOTIFICATION_TITLE_MAX, SECURE_VALUE_MAX,
} from './contract';
import { fail, ok } from './result';

describe('IpcChannel', () => {
  it('uses the fieldbook: prefix and unique names', () => {
    const channels = Object.values(IpcChannel);
    expect(channels.every((channel) => channel.startsWith(IPC_PREFIX))).toBe(true);
    expect(new Set(channels).size).toBe(channels.length);
  });
});

describe('isAllowedExternalUrl', () => {
  it('accepts https links to allow-listed hosts', () => {
    expect(isAllowedExternalUrl('https://fieldbook.app/')).toBe(true);
    expect(isAllowedExternalUrl('https://www.fieldbook.app/docs?x=1#y')).toBe(true);
    expect(isAllowedExternalUrl('https://support.fieldbook.app/ticket/1')).toBe(true);
  });

  it('rejects other schemes, hosts, credentials, look-alikes and non-strings', () => {
    for (const url of [
      'http://fieldbook.app/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://fieldbook/index.html',
      'https://evil.example/',
      'https://fieldbook.app.evil.example/',
      'https://evilfieldbook.app/',
      'https://user:pw@fieldbook.app/',
      'https://fieldbook.app@evil.example/',
      `https://fieldbook.app/${'a'.repeat(2100)}`,
      'not a url',
      '',
      42,
      null,
      undefined,
      { href: 'https://fieldbook.app/' },
    ]) {
      expect(isAllowedExternalUrl(url), String(url).slice(0, 60)).toBe(false);
    }
  });
});

describe('isValidSecureKey', () => {
  it('accepts short lower-case identifiers', () => {
    for (const key of ['refresh-token', 'a', 'db.key_v2', 'a'.repeat(64)]) expect(isValidSecureKey(key), key).toBe(true);
  });
  it('rejects anything path-like, empty, too long, upper-case or not a string', () => {
    for (const key of ['', '../x', 'a/b', 'A', '1abc', '-x', '__proto__', 'a'.repeat(65), 'key with space', 'é', 7, null, undefined]) {
      expect(isValidSecureKey(key), String(key)).toBe(false);
    }
  });
});

describe('isValidSecureValue', () => {
  it('accepts null and strings up to the limit', () => {
    expect(isValidSecureValue(null)).toBe(true);
    expect(isValidSecureValue('')).toBe(true);
    expect(isValidSecureValue('x'.repeat(SECURE_VALUE_MAX))).toBe(true);
  });
  it('rejects oversized strings and non-strings', () => {
    for (const value of ['x'.repeat(SECURE_VALUE_MAX + 1), undefined, 1, {}, ['x'], true]) {
      expect(isValidSecureValue(value)).toBe(false);
    }
  });
});

describe('notification arguments', () => {
  it('accept a non-blank title and a body of limited size', () => {
    expect(isValidNotificationTitle('3 reminders due')).toBe(true);
    expect(isValidNotificationTitle('x'.repeat(NOTIFICATION_TITLE_MAX))).toBe(true);
    expect(isValidNotificationBody('')).toBe(true);
    expect(isValidNotificationBody('跟进：带文献再访')).toBe(true);
    expect(isValidNotificationBody('x'.repeat(NOTIFICATION_BODY_MAX))).toBe(true);
  });
  it('reject blank, oversized and non-string values', () => {
    for (const title of ['', '   ', 'x'.repeat(NOTIFICATION_TITLE_MAX + 1), null, undefined, 1, { title: 'x' }]) {
      expect(isValidNotificationTitle(title), String(title).slice(0, 20)).toBe(false);
    }
    for (const body of ['x'.repeat(NOTIFICATION_BODY_MAX + 1), null, undefined, 1, ['x']]) {
      expect(isValidNotificationBody(body), String(body).slice(0, 20)).toBe(false);
    }
  });
});

describe('Result helpers', () => {
  it('build the two shapes', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(fail('code', 'message')).toEqual({ ok: false, error: { code: 'code', message: 'message' } });
  });
});

describe('isValidServerUrl', () => {
  it('accepts normalised http(s) addresses, with a path prefix too', () => {
    for (const url of ['https://crm.example.com', 'http://127.0.0.1:8787', 'https://example.com/fieldbook', 'https://[::1]:8443']) expect(isValidServerUrl(url), url).toBe(true);
  });

  it('rejects everything else', () => {
    for (const url of ['https://crm.example.com/', 'crm.example.com', 'ftp://crm.example.com', 'https://u:p@crm.example.com', 'https://crm.example.com?x=1', 'https://crm.example.com#a', 'https://crm .example.com', '', null, 42, `https://x.example/${'a'.repeat(2100)}`]) {
      expect(isValidServerUrl(url), String(url)).toBe(false);
    }
  });

  it('prefers an admin override to the packaged address', () => {
    expect(effectiveServerUrl({ packaged: 'https://a.example', override: null })).toBe('https://a.example');
    expect(effectiveServerUrl({ packaged: 'https://a.example', override: 'https://b.example' })).toBe('https://b.example');
    expect(effectiveServerUrl({ packaged: null, override: null })).toBeNull();
  });
});

describe('database key', () => {
  it('is reserved: the generic secure-storage calls refuse its name', () => {
    expect(isValidSecureKey(DATABASE_KEY_NAME)).toBe(false);
    expect(isValidSecureKey('fieldbook.refresh')).toBe(true);
  });

  it('accepts only 256-bit base64url keys', () => {
    expect(isValidDatabaseKey('A'.repeat(43))).toBe(true);
    expect(isValidDatabaseKey(Buffer.alloc(32, 7).toString('base64url'))).toBe(true);
    for (const key of ['', 'short', 'A'.repeat(44), `${'A'.repeat(42)}=`, `${'A'.repeat(42)}/`, null, 42]) expect(isValidDatabaseKey(key), String(key)).toBe(false);
  });
});
