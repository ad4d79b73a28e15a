/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_APP_VERSION?: string;
  /** '1' in end-to-end test builds only: exposes window.fieldbookTest. */
  readonly VITE_TEST_HOOKS?: string;
  /** Default sync server address shown on the sign-in screen (set at build time). */
  readonly VITE_SERVER_URL?: string;
  /** 'off' turns local encryption off, honoured only with VITE_TEST_HOOKS=1 (bench:encryption). */
  readonly VITE_LOCAL_ENCRYPTION?: string;
}
