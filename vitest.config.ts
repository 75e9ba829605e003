import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // Some tests run the bundled CLI, as a user would; build it once before any test file starts.
    // The sync tests share one pouchdb-server, started here (tests/sync/server.setup.ts).
    // The PDF tests read PDFs Chromium prints from pages the tests write (tests/pdf/fixtures.setup.ts, cached).
    globalSetup: ['tests/build.setup.ts', 'tests/sync/server.setup.ts', 'tests/pdf/fixtures.setup.ts'],
  },
});
