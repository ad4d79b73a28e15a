import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { useUiStore } from './app/uiStore';
import { i18n, initI18n, pickLanguage } from './i18n';
import { platform } from './platform/api';
import { registerOfflineShell } from './app/offlineShell';
import { finishPendingWipes } from './db/localData';
import { getDatabase } from './db/database';
import { useSessionStore } from './app/sessionStore';

/** Language: the user's saved choice, else the operating system's. */
async function startupLanguage() {
  const saved = useUiStore.getState().language;
  if (saved) return saved;
  const system = await platform.getSystemLanguage();
  return pickLanguage(system.ok ? system.value : navigator.language);
}

async function start() {
  await initI18n(await startupLanguage());
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}

registerOfflineShell(platform);
// A sign-out or a revoked device reloads the page to close every database connection; the wipe it
// recorded runs now, before anything opens a database (and whether or not anyone signs in).
const wiped = finishPendingWipes();
wiped.catch((error: unknown) => console.error('Fieldbook: wiping the local data failed', error));
// The signed-in user's database opens while the language loads and the first render runs (the
// DatabaseProvider gets the same promise, and shows any error).
const userId = useSessionStore.getState().session?.user.id;
if (userId) void wiped.then(() => getDatabase(userId)).catch(() => undefined);
if (import.meta.env.VITE_TEST_HOOKS === '1') void import('./testing/testHooks').then((m) => m.installTestHooks());
void start();
