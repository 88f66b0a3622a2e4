import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // chDB allows one data folder per process: every test file runs in its own forked process.
    pool: 'forks',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.data/**', '.cache/**'],
    globalSetup: ['tests/support/global-services.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // CI prints every test by name, so its log shows the PostgreSQL and Kafka tests ran rather than skipped.
    reporters: process.env.CI === 'true' ? ['verbose'] : ['default'],
  },
});
