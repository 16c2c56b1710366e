import { defineConfig } from 'vitest/config';

/*
 * Four projects, all run by `npm test` (test/run.ts): unit (pure core), integration (handlers and
 * jobs against DynamoDB Local and the local SES server), e2e (Chromium against the local portal),
 * infra (CDK template assertions and cdk-nag). Benchmarks live in test/bench and never run here.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/local-services.ts'],
          setupFiles: ['test/support/env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
