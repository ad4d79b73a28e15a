/** localStorage key of this installation's device id. Not a secret: refresh tokens are bound to it. */
export const DEVICE_ID_KEY = 'fieldbook.deviceId';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This installation's id: created once at random and kept. */
export function getDeviceId(storage: KeyValueStorage = localStorage): string {
  const existing = storage.getItem(DEVICE_ID_KEY);
  if (existing && /^[A-Za-z0-9-]{8,128}$/.test(existing)) return existing;
  const id = randomId();
  storage.setItem(DEVICE_ID_KEY, id);
  return id;
}

/** A readable name for the server's device list, e.g. "Fieldbook desktop (Windows)". */
export function deviceName(runtime: 'electron' | 'browser', userAgent: string): string {
  const os = /Windows/i.test(userAgent)
    ? 'Windows'
    : /Mac OS X|Macintosh/i.test(userAgent)
      ? 'macOS'
      : /Android/i.test(userAgent)
        ? 'Android'
        : /Linux/i.test(userAgent)
          ? 'Linux'
          : 'unknown system';
  return `Fieldbook ${runtime === 'electron' ? 'desktop' : 'browser'} (${os})`;
}
