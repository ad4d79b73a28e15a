import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end in real Chromium (Debian's /usr/bin/chromium, never a downloaded browser),
 * against the production build of the renderer served on 127.0.0.1.
 */
// Port and build folder can be moved so that two suites can run side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 4317);
const OUT = process.env.E2E_OUT ?? 'out/renderer-e2e';
// The real sync server, with the demo organisation, on a fresh SQLite folder per run.
const SERVER_PORT = Number(process.env.E2E_SERVER_PORT ?? 4318);
const SERVER_DATA = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-server-'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 820 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: `npx vite preview --config renderer/vite.config.ts --outDir ../${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
      cwd: '../..',
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'node --import tsx server/main.ts --demo',
      cwd: '../..',
      url: `http://127.0.0.1:${SERVER_PORT}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(SERVER_PORT),
        DATA_DIR: SERVER_DATA,
        FIELDBOOK_SECRET: 'e2e-secret-not-for-production-0123456789abcdef',
        LOGIN_ATTEMPTS_PER_MINUTE: '10000',
        LOG_LEVEL: 'warn',
      },
    },
  ],
});
