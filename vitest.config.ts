import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Our packages export their TypeScript sources under the "@joined-up/source" condition and their
// compiled JavaScript otherwise: tests, like `npm start`, run the sources.
// Vite's own server default adds "module", which would hand Node the extensionless ESM builds some
// packages (@opentelemetry/api) ship for bundlers only.
const conditions = ['@joined-up/source', 'node', 'development|production'];

export default defineConfig({
  ssr: { resolve: { conditions, externalConditions: ['@joined-up/source'] } },
  resolve: {
    conditions,
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so Apollo Server, loads
    // the CommonJS one; Vite would hand our sources the ESM one, and then two GraphQLError classes
    // exist and Apollo stops recognising our errors. Pin everyone to the build Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            '{core,gateway,schema,dev,test,bench,app}/src/**/*.test.ts',
            'subgraphs/*/src/**/*.test.ts',
            'app/web/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', '**/*.e2e.test.ts', '**/node_modules/**', 'dev/templates/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['**/src/**/*.integration.test.ts'],
          // The new-agency templates hold placeholders: their test runs in each agency it makes.
          exclude: ['**/node_modules/**', 'dev/templates/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
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
