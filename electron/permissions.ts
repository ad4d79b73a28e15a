// Fieldbook needs no browser permission (camera, notifications, geolocation, HID, ...): deny every
// request and every check, so a compromised page cannot gain one either.
import type { Session } from 'electron';

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
