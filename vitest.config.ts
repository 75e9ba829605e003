import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // Limits that only catch a hung test: a busy 2-core machine running Chromium beside the Node tests makes the
    // heavier IndexedDB tests take several times their quiet duration. Speed is measured in the benches instead.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Some tests run the bundled CLI, as a user would; build it once before any test file starts.
    // The sync tests share one pouchdb-server, started here (tests/sync/server.setup.ts).
    // The PDF tests read PDFs Chromium prints from pages the tests write (tests/pdf/fixtures.setup.ts, cached).
    globalSetup: ['tests/build.setup.ts', 'tests/sync/server.setup.ts', 'tests/pdf/fixtures.setup.ts'],
  },
});
