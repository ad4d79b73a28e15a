// Keeps every web contents on the app's own origin: in-place navigation elsewhere is refused,
// new windows are never created, <webview> is refused. Allow-listed https links (documentation,
// support) open in the system browser instead.
import { shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../shared/ipc/contract';
import { isAllowedOrigin } from './origin';

export function hardenWebContents(contents: WebContents, allowedOrigins: readonly string[]): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedOrigin(event.url, allowedOrigins)) return;
    event.preventDefault();
    openIfAllowListed(event.url);
  });
  // A server-side redirect of an allowed navigation must not land on a foreign origin either.
  contents.on('will-redirect', (event) => {
    if (!isAllowedOrigin(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowListed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function openIfAllowListed(url: string): void {
  if (!isAllowedExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => console.error('Fieldbook: openExternal failed:', error));
}
