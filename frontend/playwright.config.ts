import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser.
export default defineConfig({
  testDir: './e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // a shared CI machine can stall a page for seconds; one retry there, none locally so flakiness shows
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: '../test/artifacts/e2e-results',
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
})
