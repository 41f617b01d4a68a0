import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium: browsers cannot be downloaded here. CHROMIUM_PATH overrides it.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/support/global-setup.ts',
  projects: [
    // `npm start` rebuilds dist/, which the shared emulator serves: it runs alone, before the rest.
    { name: 'npm-start', testMatch: /npm-start\.spec\.ts/ },
    { name: 'chromium', testIgnore: /npm-start\.spec\.ts/, dependencies: ['npm-start'] },
  ],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env.CERTPORTAL_E2E_URL,
    ignoreHTTPSErrors: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
