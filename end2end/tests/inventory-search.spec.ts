import { test, expect } from '@playwright/test';
import type { Client as PgClient } from 'pg';
import { db, gotoHydrated, queryCount } from './helpers';

let client: PgClient;

test.beforeAll(async () => {
  client = db();
  await client.connect();
});

test.afterAll(async () => {
  await client?.end();
});

test('a part is found by words of its name', async ({ page }) => {
  await gotoHydrated(page, '/inventory');
  await page.getByRole('searchbox', { name: 'Search parts' }).fill('pressure transducer');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=pressure/);
  const rows = page.locator('tr[data-part-number]');
  await expect(rows.first()).toContainText(/transducer/i);
  await expect(page.locator('tr[data-part-number="421-0004"]')).toHaveCount(1);
});

test('a part-number prefix lists only that series', async ({ page }) => {
  await gotoHydrated(page, '/inventory?q=7');
  const numbers = await page.locator('tr[data-part-number]').evaluateAll((rows) =>
    rows.map((row) => row.getAttribute('data-part-number') ?? ''),
  );
  expect(numbers.length).toBeGreaterThan(0);
  for (const number of numbers) expect(number.startsWith('7')).toBeTruthy();
});

test('the stock-status filter shows exactly the parts the database counts', async ({ page }) => {
  const outOfStock = await queryCount(
    client,
    "SELECT count(*)::text AS n FROM inventory.parts_availability WHERE stock_status = 'OUT_OF_STOCK'",
  );
  await gotoHydrated(page, '/inventory');
  await page.getByLabel('Stock status').selectOption('OUT_OF_STOCK');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-total', String(outOfStock));
  await expect(page.locator('tr[data-part-number]')).toHaveCount(Math.min(50, outOfStock));
});

test('results are paged on the server', async ({ page }) => {
  const active = await queryCount(client, 'SELECT count(*)::text AS n FROM inventory.parts_availability');
  await gotoHydrated(page, '/inventory');
  await expect(page.getByTestId('result-count')).toContainText(`of ${active}`);
  const firstPage = await page.locator('tr[data-part-number]').first().getAttribute('data-part-number');
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId('result-count')).toContainText('Parts 51–');
  const secondPage = await page.locator('tr[data-part-number]').first().getAttribute('data-part-number');
  expect(secondPage! > firstPage!).toBeTruthy();
});

test('the category filter keeps to one category', async ({ page }) => {
  const basins = await queryCount(
    client,
    "SELECT count(*)::text AS n FROM inventory.parts_availability WHERE category_name = 'Basins'",
  );
  await gotoHydrated(page, '/inventory');
  await page.getByLabel('Category').selectOption({ label: 'Basins' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/category=/);
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-total', String(basins));
});
