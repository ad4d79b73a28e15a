import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from './permissions';
import { FakeSession } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

describe('denyAllPermissions', () => {
  it('answers false to every permission request, check and device request', () => {
    const session = new FakeSession();
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.permissionCheckHandler?.(null, permission, 'app://fieldbook', {})).toBe(false);
    }
    expect(session.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://fieldbook' })).toBe(false);
  });
});
