// The one platform object the renderer uses: the Electron preload's API when present, else the
// browser implementation. Feature code imports `platform` and never checks which one it got.
import type { FieldbookApi } from '../../../shared/ipc/contract';
import { createBrowserApi } from './browserApi';
// The declaration of window.fieldbook, for every program that reaches this file (tests too).
import type {} from './global';

export const platform: FieldbookApi = window.fieldbook ?? createBrowserApi();
