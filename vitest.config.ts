import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'certificates/**/__tests__/**/*.test.ts',
      'src/**/__tests__/**/*.test.ts',
      'src/**/__tests__/**/*.test.tsx',
      'emulator/**/__tests__/**/*.test.ts',
      'eslint-rules/__tests__/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['emulator/test-support/global-setup.ts'],
  },
});
