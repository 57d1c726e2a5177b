import { test, expect, type Page } from '@playwright/test';
import { gotoHydrated } from './helpers';

/**
 * The client is split by route (lazy pages in `app/src/shell/lazy.rs`, one
 * split point per feature area, cut into chunks by the build's wasm-split
 * step): a page that is not lazy loads the main WASM alone, a lazy page loads
 * its area's chunk with it, and a client-side navigation into another area
 * fetches that area's chunk.
 */

const ORDER = '/orders/ORD-2026-0106';
const BOM = `${ORDER}/sinks/TB-2026-0106-01/bom`;

/** The WASM files the page fetches from `/pkg`, in order, from now on. */
function wasmFetches(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/pkg/') && path.endsWith('.wasm')) files.push(path.slice('/pkg/'.length));
  });
  return files;
}

test('the dashboard loads the main WASM and no page chunk', async ({ page }) => {
  const files = wasmFetches(page);
  await gotoHydrated(page, '/');
  await page.waitForLoadState('networkidle');
  expect(files).toEqual(['torvan_bg.wasm']);
});

test('a first visit to a lazy page loads its chunk and the page works', async ({ page }) => {
  const files = wasmFetches(page);
  await gotoHydrated(page, BOM);
  await expect(page.getByRole('heading', { level: 2, name: /^Version \d+ · / })).toBeVisible();
  expect(files).toContain('torvan_bg.wasm');
  expect(files.length).toBeGreaterThan(1);
  const basins = page.getByRole('button', { name: 'Basins and drains' });
  await basins.click();
  await expect(basins).toHaveAttribute('aria-expanded', 'true');
});

test('a navigation to a lazy page fetches its chunk, then the page works', async ({ page }) => {
  const files = wasmFetches(page);
  await gotoHydrated(page, '/');
  await page.waitForLoadState('networkidle');
  expect(files).toEqual(['torvan_bg.wasm']);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Orders', exact: true }).click();
  await expect(page).toHaveURL('/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders', exact: true })).toBeVisible();
  expect(files.some((file) => file.startsWith('split_orders_'))).toBeTruthy();
});

test('a navigation from one area to another fetches the second area\'s chunk, then the page works', async ({ page }) => {
  const files = wasmFetches(page);
  await gotoHydrated(page, ORDER);
  await page.waitForLoadState('networkidle');
  expect(files.some((file) => file.startsWith('split_orders_'))).toBeTruthy();
  expect(files.some((file) => file.startsWith('split_boms_'))).toBeFalsy();
  await page.locator(`main a[href="${BOM}"]`).first().click();
  await expect(page).toHaveURL(BOM);
  await expect(page.getByRole('heading', { level: 2, name: /^Version \d+ · / })).toBeVisible();
  expect(files.some((file) => file.startsWith('split_boms_'))).toBeTruthy();
  const basins = page.getByRole('button', { name: 'Basins and drains' });
  await basins.click();
  await expect(basins).toHaveAttribute('aria-expanded', 'true');
});
