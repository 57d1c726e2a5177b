import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests for TORVAN.
 *
 * The application server is started by the test script (not by Playwright), so
 * there is no `webServer` block. Environment:
 *   TORVAN_BASE_URL  base URL of the running app (default http://127.0.0.1:3000)
 *   DATABASE_URL     PostgreSQL URL of the app's database (tests compare the UI with it)
 *   CHROMIUM_PATH    Chromium executable (default Debian's /usr/bin/chromium);
 *                    Playwright's own browser download is never used.
 */
const baseURL = process.env.TORVAN_BASE_URL ?? 'http://127.0.0.1:3000';

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    // Signed in as the demo admin unless a test says otherwise.
    storageState: '.auth/admin.json',
    // The service worker precaches the whole client: only the specs about
    // it (PWA, offline) let it run, so the others test the app, not a cache.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /tablet\//,
      use: chromium,
    },
    // The shop floor's tablets, held either way: touch, a mobile browser.
    // The journeys run on both; the offline test (which changes its
    // fixtures for good) on the portrait one. They run after the others,
    // one project after the other: the demo has one assembler and one
    // inspector, whose timers and captures the other specs use too.
    {
      name: 'tablet-landscape',
      dependencies: ['chromium'],
      testMatch: /tablet\/journeys\.spec\.ts/,
      use: { ...chromium, viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true },
    },
    {
      name: 'tablet-portrait',
      dependencies: ['tablet-landscape'],
      testMatch: /tablet\/.*\.spec\.ts/,
      use: { ...chromium, viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true },
    },
  ],
});
