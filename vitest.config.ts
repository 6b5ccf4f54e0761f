import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/build/**', 'node_modules/**', 'dist/**'],
          environment: 'node',
        },
      },
      {
        // The built extension in real Chromium: one browser at a time on a 2-core machine.
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts', 'test/build/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
