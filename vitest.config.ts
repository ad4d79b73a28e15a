import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code. Cross-cutting suites (e2e, sync, bench) live in test/ and have their own runners.
export default defineConfig({
  test: {
    include: ['{shared,renderer,electron,server,scripts}/**/*.test.{ts,tsx}', 'test/{lint,server,package}/**/*.test.ts', 'test/sync/**/*.test.ts'],
    environment: 'node',
    setupFiles: [],
    testTimeout: 20_000,
  },
});
