import { test, expect, type Locator, type Page } from '@playwright/test';
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

/** The field takes at most `limit` characters and says so under it. */
async function saysLimit(field: Locator, limit: number) {
  await expect(field).toHaveAttribute('maxlength', String(limit));
  const hint = field.locator('xpath=following-sibling::p[contains(@class, "field-limit")][1]');
  await expect(hint).toHaveText(`Up to ${limit.toLocaleString('en-US')} characters.`);
}

async function customerPage(page: Page) {
  const { rows } = await client.query(
    `SELECT customer_number FROM public.customers WHERE is_active ORDER BY customer_number LIMIT 1`,
  );
  await gotoHydrated(page, `/customers/${rows[0].customer_number}`);
}

test('the customer, address and contact forms say each text field\'s limit', async ({ page }) => {
  await customerPage(page);
  await saysLimit(page.locator('#company-company_name'), 255);
  await saysLimit(page.locator('#company-tax_id'), 50);
  await saysLimit(page.locator('#company-notes'), 2000);
  await expect(page.locator('#company-credit_limit')).not.toHaveAttribute('maxlength');
  await saysLimit(page.locator('#address-street_address_1'), 255);
  await saysLimit(page.locator('#address-postal_code'), 20);
  await saysLimit(page.locator('#contact-first_name'), 100);
  await saysLimit(page.locator('#contact-phone'), 50);
});

test('catalogue groups, stock notes and substitutes say their limits', async ({ page }) => {
  const { rows } = await client.query(`SELECT id FROM inventory.categories ORDER BY sort_order LIMIT 1`);
  await gotoHydrated(page, `/inventory/catalogue/category/${rows[0].id}`);
  await saysLimit(page.locator('#group-key'), 50);
  await saysLimit(page.locator('#group-name'), 255);
  await saysLimit(page.locator('#group-description'), 2000);
  await saysLimit(page.locator('#new-assembly-key'), 100);

  await gotoHydrated(page, '/inventory/parts/111-0001');
  await saysLimit(page.getByLabel('Delivery note or PO'), 100);
  await saysLimit(page.getByLabel('Reason'), 2000);
  await saysLimit(page.getByLabel('Substitute part number'), 100);
  await saysLimit(page.locator('#substitute-notes'), 2000);
});

test('the template editor and the new-user form say their limits', async ({ page }) => {
  const { rows } = await client.query(`SELECT md5('torvan-demo:bom-template:ESR')::uuid AS id`);
  await gotoHydrated(page, `/admin/bom-templates/${rows[0].id}`);
  await saysLimit(page.locator('#template-name'), 255);
  await saysLimit(page.locator('#template-description'), 2000);
  await expect(page.getByLabel('Line 210 quantity formula')).toHaveAttribute('maxlength', '255');
  await expect(page.getByLabel('Line 210 description')).toHaveAttribute('maxlength', '255');
  await expect(page.getByRole('columnheader', { name: 'Include when' })).toContainText('Up to 255 characters.');

  await gotoHydrated(page, '/admin/users');
  await saysLimit(page.locator('#new-email'), 255);
  await saysLimit(page.locator('#new-first-name'), 100);
});
