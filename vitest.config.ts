import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: socket and browser suites contend for CPU; keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
