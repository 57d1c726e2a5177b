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
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
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
      },
    },
  ],
});
