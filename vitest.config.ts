import { defineConfig } from 'vitest/config';

const shared = {
  // chDB allows one data folder per process: every test file runs in its own forked process.
  pool: 'forks' as const,
  globalSetup: ['tests/support/global-services.ts'],
  testTimeout: 60_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    // CI prints every test by name, so its log shows the PostgreSQL and Kafka tests ran rather than skipped.
    reporters: process.env.CI === 'true' ? ['verbose'] : ['default'],
    projects: [
      {
        test: {
          ...shared,
          name: 'main',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', '.data/**', '.cache/**', 'tests/chaos/**'],
        },
      },
      {
        // Chaos restarts the shared Kafka broker: it runs alone, after every other file has finished.
        test: {
          ...shared,
          name: 'chaos',
          include: ['tests/chaos/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
