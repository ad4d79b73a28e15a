import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenWebContents } from './navigation';
import { APP_ORIGIN } from './origin';
import { FakeWebContents, fake, shell } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

function hardened(allowedOrigins: readonly string[] = [APP_ORIGIN]): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, allowedOrigins);
  return contents;
}

function emitNavigation(contents: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const details = { url, preventDefault: vi.fn() };
  contents.emit(event, details, url);
  return details.preventDefault.mock.calls.length > 0;
}

describe('hardenWebContents', () => {
  beforeEach(() => fake.reset());

  it('prevents navigation to a foreign origin and allows the app origin', () => {
    const contents = hardened();
    expect(emitNavigation(contents, 'will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(emitNavigation(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(emitNavigation(contents, 'will-navigate', 'app://fieldbook.evil.example/')).toBe(true);
    expect(emitNavigation(contents, 'will-navigate', 'app://fieldbook/customers')).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens an allow-listed https link externally instead of navigating to it', () => {
    const contents = hardened();
    expect(emitNavigation(contents, 'will-navigate', 'https://fieldbook.app/help')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://fieldbook.app/help');
  });

  it('allows the dev server origin only when it is in the allowed list', () => {
    expect(emitNavigation(hardened(), 'will-navigate', 'http://127.0.0.1:5173/')).toBe(true);
    expect(emitNavigation(hardened([APP_ORIGIN, 'http://127.0.0.1:5173']), 'will-navigate', 'http://127.0.0.1:5173/x')).toBe(false);
  });

  it('prevents redirects to a foreign origin', () => {
    const contents = hardened();
    expect(emitNavigation(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(emitNavigation(contents, 'will-redirect', 'app://fieldbook/index.html')).toBe(false);
  });

  it('denies every window.open and sends only allow-listed https URLs to shell.openExternal', () => {
    const contents = hardened();
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    for (const url of ['https://evil.example/', 'http://fieldbook.app/', 'javascript:alert(1)', 'app://fieldbook/index.html', 'https://user:pw@fieldbook.app/']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(open('https://support.fieldbook.app/ticket/1')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://support.fieldbook.app/ticket/1');
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
