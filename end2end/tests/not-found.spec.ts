import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

test('an unknown URL responds 404 with a "Page not found" page linking to the dashboard', async ({ page }) => {
  const response = await gotoHydrated(page, '/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found', exact: true })).toBeVisible();

  const back = page.getByRole('link', { name: 'Back to the dashboard', exact: true });
  await expect(back).toBeVisible();
  await back.click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard', exact: true })).toBeVisible();
});
