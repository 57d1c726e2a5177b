import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

/**
 * The audit viewer: a change made on a record's page is in its History with
 * who made it and the field's old → new value; a filter the server cannot
 * resolve is refused at its field; the filtered entries download as CSV.
 */

const CUSTOMER = 'C-10004';

test('a customer deactivated by the admin shows in its History from active to inactive', async ({ page }) => {
  await gotoHydrated(page, `/customers/${CUSTOMER}`);
  await page.getByRole('button', { name: 'Deactivate customer' }).click();
  await page.getByRole('button', { name: 'Yes, deactivate customer' }).click();
  await expect(page.getByTestId('customer-status')).toHaveText('Inactive');

  await page.getByTestId('history-link').click();
  await expect(page).toHaveURL(`/admin/audit?table=customers&record=${CUSTOMER}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  const newest = page.locator('tr[data-entry]').first();
  await expect(newest).toContainText('Changed · Customers');
  await expect(newest).toContainText('admin@torvan.test');
  await expect(newest).toContainText('Administrator');
  await expect(newest.locator('li[data-field="is_active"]')).toHaveText('is_active: true → false');

  // Put the demo customer back for the other specs.
  await gotoHydrated(page, `/customers/${CUSTOMER}`);
  // Reactivating only undoes the deactivation: it asks nothing.
  await page.getByRole('button', { name: 'Reactivate customer' }).click();
  await expect(page.getByTestId('customer-status')).toHaveText('Active');
});

test('a record number that names nothing and a backwards range are refused at their fields', async ({ page }) => {
  await gotoHydrated(page, '/admin/audit?table=orders&record=ORD-2026-9999');
  await expect(page.locator('.field-error[data-field="record"]')).toHaveText(
    'No record of Orders has the order number ORD-2026-9999.',
  );
  await expect(page.locator('tr[data-entry]')).toHaveCount(0);

  await gotoHydrated(page, '/admin/audit?from=2026-11-20&to=2026-11-01');
  await expect(page.locator('.field-error[data-field="to"]')).toContainText('is before the start date');
});

test('the filtered entries download as CSV', async ({ page }) => {
  await gotoHydrated(page, `/admin/audit?table=customers&record=${CUSTOMER}`);
  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(href).toBe(`/admin/audit.csv?table=customers&record=${CUSTOMER}`);
  const reply = await page.request.get(href!);
  expect(reply.status()).toBe(200);
  const csv = await reply.text();
  expect(csv.split('\r\n')[0]).toContain('when_utc,user_name,user_email');
  expect(csv).toContain(',customers,');
});
