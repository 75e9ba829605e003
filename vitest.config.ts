import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // Some tests run the bundled CLI, as a user would; build it once before any test file starts.
    globalSetup: ['tests/build.setup.ts'],
  },
});
