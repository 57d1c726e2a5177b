import { test, expect, type Page } from '@playwright/test';
import type { Client } from 'pg';
import { db, gotoHydrated, ORDER_STATUSES, queryCount, wholeNumber } from './helpers';

let client: Client;

test.beforeAll(async () => {
  client = db();
  await client.connect();
});

test.afterAll(async () => {
  await client?.end();
});

function sectionHeaded(page: Page, heading: string) {
  return page
    .locator('section')
    .filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });
}

test('the dashboard is server-rendered, hydrated and headed "Dashboard"', async ({ page }) => {
  const response = await gotoHydrated(page, '/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard', exact: true })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
});

test('"Orders by status" has one row per status with the count from the database', async ({ page }) => {
  const { rows } = await client.query<{ status: string; n: string }>(
    'SELECT status::text AS status, count(*)::text AS n FROM orders.order_summary GROUP BY status',
  );
  const counts = new Map(rows.map((r) => [r.status, Number(r.n)]));

  await gotoHydrated(page, '/');
  const section = sectionHeaded(page, 'Orders by status');
  await expect(section).toHaveCount(1);

  const statusRows = section.locator('table tr[data-status]');
  await expect(statusRows).toHaveCount(ORDER_STATUSES.length);
  const shown = await statusRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
  expect([...shown].sort()).toEqual([...ORDER_STATUSES].sort());

  for (const status of ORDER_STATUSES) {
    const row = section.locator(`table tr[data-status="${status}"]`);
    await expect(row).toHaveCount(1);
    await expect(row.locator('td').last(), `count of ${status} orders`).toHaveText(
      String(counts.get(status) ?? 0),
    );
  }
});

test('"Stock alerts" shows the number of low/out-of-stock parts and lists them in order', async ({ page }) => {
  const alertCount = await queryCount(
    client,
    `SELECT count(*)::text AS n FROM inventory.parts_availability
      WHERE stock_status::text IN ('OUT_OF_STOCK', 'LOW_STOCK')`,
  );
  const { rows } = await client.query<{ part_number: string }>(
    `SELECT part_number::text AS part_number FROM inventory.parts_availability
      WHERE stock_status::text IN ('OUT_OF_STOCK', 'LOW_STOCK')
      ORDER BY CASE stock_status::text WHEN 'OUT_OF_STOCK' THEN 0 ELSE 1 END, part_number
      LIMIT 20`,
  );
  const expectedParts = rows.map((r) => r.part_number);
  expect(expectedParts.length).toBe(Math.min(20, alertCount));

  await gotoHydrated(page, '/');
  const section = sectionHeaded(page, 'Stock alerts');
  await expect(section).toHaveCount(1);

  await expect(section.locator('[data-testid="stock-alert-count"]')).toHaveText(wholeNumber(alertCount));

  const partRows = section.locator('table tr[data-part-number]');
  await expect(partRows).toHaveCount(expectedParts.length);
  const shownParts = await partRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-part-number')));
  expect(shownParts).toEqual(expectedParts);
});

test('a status count opens the order list at that status, and a stock alert opens its part', async ({ page }) => {
  await gotoHydrated(page, '/');
  const section = sectionHeaded(page, 'Orders by status');
  await section.locator('tr[data-status="FINAL_QC"] th a').click();
  await expect(page).toHaveURL(/\/orders\?status=FINAL_QC$/);
  await expect(page.getByLabel('Status')).toHaveValue('FINAL_QC');

  await gotoHydrated(page, '/');
  const alert = sectionHeaded(page, 'Stock alerts').locator('tr[data-part-number]').first();
  const number = await alert.getAttribute('data-part-number');
  await alert.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(number ?? '');
});
