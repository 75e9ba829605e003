import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // Some tests run the bundled CLI, as a user would; build it once before any test file starts.
    // The sync tests share one pouchdb-server, started here (tests/sync/server.setup.ts).
    globalSetup: ['tests/build.setup.ts', 'tests/sync/server.setup.ts'],
  },
});
