import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

test.use({ serviceWorkers: 'allow' });

interface ManifestIcon {
  src: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}

interface WebManifest {
  name?: string;
  short_name?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  icons?: ManifestIcon[];
}

test('the web app manifest is served with name, start_url, display and PNG icons', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  const manifest = JSON.parse(await response.text()) as WebManifest;

  expect(manifest.name).toBe('TORVAN Production');
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');

  const icons = manifest.icons ?? [];
  for (const size of ['192x192', '512x512']) {
    const icon = icons.find((i) => (i.sizes ?? '').split(/\s+/).includes(size));
    expect(icon, `an icon of ${size}`).toBeDefined();
    const iconResponse = await request.get(icon!.src);
    expect(iconResponse.status(), `${icon!.src} status`).toBe(200);
    expect(iconResponse.headers()['content-type'] ?? '', `${icon!.src} content type`).toMatch(/^image\/png\b/);
  }
});

test('pages link the manifest', async ({ page }) => {
  await gotoHydrated(page, '/');
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
});

test('the service worker script is served as JavaScript', async ({ request }) => {
  const response = await request.get('/sw.js');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type'] ?? '').toMatch(/^(text|application)\/(x-)?javascript\b/);
});

test('the service worker activates and serves the offline page when the network is down', async ({
  page,
  context,
}) => {
  await gotoHydrated(page, '/');

  const registration = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return { active: reg.active !== null, state: reg.active?.state ?? null, scope: reg.scope };
  });
  expect(registration.active).toBe(true);
  expect(registration.scope).toBe(new URL('/', page.url()).href);
  expect(registration.scope.endsWith('/')).toBe(true);

  // clients.claim() makes the already-open page controlled too.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.goto('/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/');
});

test('Chromium finds the app installable: manifest, icons and a service worker in charge', async ({ page }) => {
  await gotoHydrated(page, '/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // A test browser's context is private ("in-incognito"), which no app can change.
  expect(installabilityErrors.filter((error) => error.errorId !== 'in-incognito')).toEqual([]);
});
