import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests create a database and run every migration per file.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
