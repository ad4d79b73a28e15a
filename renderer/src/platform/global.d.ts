// window.fieldbook is set by the Electron preload (electron/preload.ts) and absent in a plain browser.
import type { FieldbookApi } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    fieldbook?: FieldbookApi;
  }
}

export {};
