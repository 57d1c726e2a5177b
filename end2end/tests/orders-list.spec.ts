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

test('the order list filters by status and customer', async ({ page }) => {
  const delivered = await queryCount(client, "SELECT count(*)::text AS n FROM orders.orders WHERE status = 'DELIVERED'");
  await gotoHydrated(page, '/orders');
  await page.getByLabel('Status').selectOption('DELIVERED');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=DELIVERED/);
  await expect(page.getByTestId('order-count')).toHaveAttribute('data-total', String(delivered));
  await expect(page.locator('tr[data-order]')).toHaveCount(delivered);

  await gotoHydrated(page, '/orders?customer=northwind');
  const rows = page.locator('tr[data-order]');
  await expect(rows.first()).toContainText('Northwind Clinical Laboratories');
  for (const text of await rows.allTextContents()) expect(text).toContain('Northwind');
});
