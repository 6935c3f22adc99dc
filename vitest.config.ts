import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/schemas', 'packages/sync', 'packages/db', 'apps/api', 'apps/web', 'bench'],
  },
});
