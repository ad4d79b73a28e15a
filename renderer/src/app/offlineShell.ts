import type { FieldbookApi } from '../../../shared/ipc/contract';

/**
 * In a plain browser, register the service worker that lets the app reload with the network
 * cut. Electron loads from disk and needs none; the dev server must not be cached.
 */
export function registerOfflineShell(platform: FieldbookApi): void {
  if (platform.runtime !== 'browser' || import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  if (!location.protocol.startsWith('http')) return;
  void navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('Offline shell not registered', e));
}
