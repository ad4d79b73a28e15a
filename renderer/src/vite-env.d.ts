/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_APP_VERSION?: string;
  /** '1' in end-to-end test builds only: exposes window.fieldbookTest. */
  readonly VITE_TEST_HOOKS?: string;
}
