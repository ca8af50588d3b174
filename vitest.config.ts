import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Test files share their worker's loaded modules (the server's module graph, PGlite's
    // compiled WebAssembly) instead of loading them again per file: a third less time. Safe
    // because no test mocks modules or changes the environment; each file opens its own
    // database and server.
    isolate: false,
    env: { TZ: 'UTC' },
  },
});
