import { test, expect } from '@playwright/test';
import type { Client as PgClient } from 'pg';
import { db, gotoHydrated } from './helpers';

let client: PgClient;

test.beforeAll(async () => {
  client = db();
  await client.connect();
});

test.afterAll(async () => {
  await client?.end();
});

test('a refused form opens with a summary whose links take the user to each field', async ({ page }) => {
  await gotoHydrated(page, '/inventory/parts/new');
  await page.getByLabel('Part number', { exact: true }).fill('121-E2E-SUMMARY');
  await page.getByLabel('Standard cost ($)').fill('-5');
  await page.getByRole('button', { name: 'Create part' }).click();

  const summary = page.locator('form.part-form > .form-summary:first-child');
  await expect(summary).toContainText('Not saved: 2 fields to correct.');
  await summary.getByRole('link', { name: 'Cannot be negative.' }).click();
  await expect(page.getByLabel('Standard cost ($)')).toBeFocused();
});

test('the part page shows codes as words and costs as money', async ({ page }) => {
  const { rows } = await client.query(
    `SELECT part_number FROM inventory.parts
     WHERE status = 'ACTIVE' AND unit_of_measure = 'EACH' AND make_or_buy = 'B' AND standard_cost >= 100
     ORDER BY part_number LIMIT 1`,
  );
  await gotoHydrated(page, `/inventory/parts/${rows[0].part_number}`);
  const property = (name: string) => page.locator('.properties div').filter({ has: page.locator('dt', { hasText: name }) }).locator('dd');
  await expect(page.getByTestId('part-status')).toHaveText('Active');
  await expect(property('Unit')).toHaveText('Each');
  await expect(property('Make or buy')).toHaveText('Bought in');
  await expect(property('Standard cost')).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
});

test('a count cannot take away more than is on hand', async ({ page }) => {
  const { rows } = await client.query(
    `SELECT part_number, quantity_on_hand FROM inventory.parts
     WHERE status = 'ACTIVE' AND coalesce(quantity_allocated, 0) = 0 AND quantity_on_hand > 0
     ORDER BY part_number LIMIT 1`,
  );
  const part = rows[0];
  await gotoHydrated(page, `/inventory/parts/${part.part_number}`);
  await page.getByLabel('Change (+ found, − missing)').fill(String(-(part.quantity_on_hand + 5)));
  await page.getByLabel('Reason').fill('Cycle count');
  await page.getByRole('button', { name: 'Adjust', exact: true }).click();
  await expect(page.locator('.field-error[data-field="change"]')).toHaveText(
    `Only ${part.quantity_on_hand} on hand: a count cannot take away ${part.quantity_on_hand + 5}.`,
  );
});

test('an order filter whose end date is before its start says so at the end date', async ({ page }) => {
  await gotoHydrated(page, '/orders?from=2026-11-20&to=2026-11-01');
  await expect(page.locator('.field-error[data-field="to"]')).toHaveText(
    'The end date, 2026-11-01, is before the start date, 2026-11-20: swap them or change one.',
  );
  await expect(page.getByTestId('order-count')).toHaveCount(0);
});
