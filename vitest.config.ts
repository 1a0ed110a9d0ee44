import { defineConfig } from 'vitest/config';

/**
 * CI is a busy 2-core machine: no assertion may hang on vitest's default 1 s poll. expect.poll
 * waits up to these unless a call says otherwise; tests wait for events, never for a fixed time.
 */
const POLL_UNIT = { timeout: 15_000, interval: 25 };
const POLL_BROWSER = { timeout: 30_000, interval: 100 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/{core,local,sync,relay,app}/**/*.test.ts'],
          testTimeout: 30_000,
          expect: { poll: POLL_UNIT },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: POLL_BROWSER },
          // Each file starts its own relay and Chromium; two cores do not run several at once well.
          fileParallelism: false,
        },
      },
    ],
  },
});
