import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // On the 2-core CI machine the whole suite runs in one worker for about 20 minutes, and
    // vitest's own worker-to-main RPC has twice timed out there ("[vitest-worker]: Timeout
    // calling onTaskUpdate", vitest issues 6479 and 8164) with every test passing. Such errors
    // are still printed; they do not fail the run. Remove once the cause is found.
    dangerouslyIgnoreUnhandledErrors: true,
  },
});
