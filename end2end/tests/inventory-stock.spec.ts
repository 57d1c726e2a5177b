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

test('receiving stock lifts a part out of low stock', async ({ page }) => {
  const { rows } = await client.query(
    `SELECT part_number, reorder_point, quantity_on_hand FROM inventory.parts_availability
     WHERE stock_status = 'LOW_STOCK'
       AND part_number IN (SELECT part_number FROM inventory.parts
                           WHERE NOT lot_control AND NOT serial_control)
     ORDER BY part_number DESC LIMIT 1`,
  );
  const part = rows[0];
  const quantity = part.reorder_point * 3 + 1;
  await gotoHydrated(page, `/inventory/parts/${part.part_number}`);
  await expect(page.getByTestId('stock-status')).toHaveText('Low stock');

  await page.getByLabel('Quantity received').fill(String(quantity));
  await page.getByLabel('Delivery note or PO').fill('PO-E2E-1');
  await page.getByRole('button', { name: 'Receive', exact: true }).click();

  await expect(page.getByTestId('stock-status')).toHaveText('In stock');
  await expect(page.getByTestId('on-hand')).toHaveText(String(part.quantity_on_hand + quantity));
  await expect(page.getByRole('cell', { name: 'Delivery note or PO PO-E2E-1', exact: true })).toBeVisible();
});

test('a substitute is added and offered where the part is short', async ({ page }) => {
  const short = await client.query(
    `SELECT part_number FROM inventory.parts_availability
     WHERE stock_status = 'OUT_OF_STOCK' ORDER BY part_number LIMIT 1`,
  );
  const spare = await client.query(
    `SELECT part_number FROM inventory.parts_availability
     WHERE stock_status = 'IN_STOCK' ORDER BY part_number LIMIT 1`,
  );
  const [primary, substitute] = [short.rows[0].part_number, spare.rows[0].part_number];
  await gotoHydrated(page, `/inventory/parts/${primary}`);

  await page.getByLabel('Substitute part number').fill(primary);
  await page.getByRole('button', { name: 'Add substitute' }).click();
  await expect(page.locator('.field-error[data-field="substitute"]')).toContainText('cannot substitute for itself');

  await page.getByLabel('Substitute part number').fill(substitute);
  await page.getByLabel('Substitute type').selectOption('PREFERRED');
  await page.getByRole('button', { name: 'Add substitute' }).click();
  await expect(page.locator(`tr[data-substitute="${substitute}"]`)).toContainText('Preferred');
  await expect(page.getByRole('complementary', { name: 'This part is short' })).toContainText(substitute);
});

test('a custom part gets the next 700-series number', async ({ page }) => {
  await gotoHydrated(page, '/inventory/parts/new-custom');
  await page.getByLabel('Series').selectOption('LEG_ASSEMBLY');
  await page.getByLabel('Name').fill('Leg set 38 in, seismic bracing');
  await page.getByLabel('Place in the catalogue').selectOption('CUSTOM > ASM-710 > SUB-712');
  await page.getByRole('button', { name: 'Create custom part' }).click();

  await expect(page).toHaveURL(/\/inventory\/parts\/720-\d{4}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Leg set 38 in');
  await expect(page.getByText('700-series custom part')).toBeVisible();
});

test('a duplicate part number is reported at its field', async ({ page }) => {
  await gotoHydrated(page, '/inventory/parts/new');
  await page.getByLabel('Part number', { exact: true }).fill('121-0001');
  await page.getByLabel('Name').fill('Duplicate');
  await page.getByLabel('Standard cost ($)').fill('-5');
  await page.getByRole('button', { name: 'Create part' }).click();
  await expect(page.locator('.field-error[data-field="standard_cost"]')).toHaveText('Cannot be negative.');

  await page.getByLabel('Standard cost ($)').fill('5');
  await page.getByRole('button', { name: 'Create part' }).click();
  await expect(page.locator('.field-error[data-field="part_number"]')).toContainText('already in use');
});

test('the catalogue opens one branch at a time', async ({ page }) => {
  await gotoHydrated(page, '/inventory/catalogue');
  await expect(page.locator('li[data-key="ASM-110"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Open Frames & Bodies' }).click();
  await expect(page.locator('li[data-key="ASM-110"]')).toBeVisible();
  await page.getByRole('link', { name: /ASM-110/ }).click();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Frames & Bodies');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Assembly ASM-110');
});
