import { defineProject } from 'vitest/config';

/** The benchmarks' own pure helpers (metrics), run with the unit tests. */
export default defineProject({ test: { name: 'bench', include: ['**/*.test.ts'], exclude: ['**/node_modules/**'] } });
