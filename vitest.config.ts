import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{gateway,schema,dev}/src/**/*.test.ts', 'subgraphs/*/src/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/src/**/*.integration.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/src/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // The end-to-end suites each start a whole federation; running them one at a time
          // keeps a two-core machine responsive.
          fileParallelism: false,
        },
      },
    ],
  },
});
