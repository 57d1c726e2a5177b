import { test, expect } from '@playwright/test';
import { gotoHydrated, sign } from './helpers';

test('an order moves forward and its timeline says who moved it', async ({ page }) => {
  await gotoHydrated(page, '/orders');
  await page.getByRole('link', { name: 'ORD-2026-0114' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Pending');

  await page.getByRole('button', { name: 'Move to In production' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('In production');
  await expect(page.getByTestId('timeline')).toContainText('Pending → In production');
  await expect(page.getByRole('button', { name: 'Move to Pre-QC' })).toBeVisible();
});

test('sending an order back for rework asks for the reason and records it', async ({ page }) => {
  await gotoHydrated(page, '/orders/ORD-2026-0106');
  await expect(page.getByTestId('order-status')).toHaveText('Final QC');
  await page.getByLabel('Reason for sending back to In production').fill('Leak at the drain weld of basin 1');
  await page.getByRole('button', { name: 'Send back to In production' }).click();

  await expect(page.getByTestId('order-status')).toHaveText('In production');
  await expect(page.getByTestId('timeline')).toContainText('Final QC → In production');
  await expect(page.getByTestId('timeline')).toContainText('Leak at the drain weld of basin 1');
});

test('an order waiting for sink approval cannot start production', async ({ page }) => {
  await gotoHydrated(page, '/orders/ORD-2026-0113');
  await page.getByRole('button', { name: 'Move to In production' }).click();
  await expect(page.locator('.field-error[data-field="to"]')).toHaveText(
    'Every sink on the order must be approved before production starts (not yet approved: TB-2026-0113-01).',
  );
  await expect(page.getByTestId('order-status')).toHaveText('Pending');
});

test('a new order is opened for a customer and starts pending', async ({ page }) => {
  await gotoHydrated(page, '/orders');
  await page.getByRole('link', { name: 'New order' }).click();
  // The list stays on screen until the new page's code has loaded.
  await expect(page.getByRole('heading', { level: 1, name: 'New order' })).toBeVisible();
  await page.getByLabel('Customer', { exact: true }).selectOption('C-10003');
  await page.getByLabel('Customer PO number').fill('PO-E2E-42');
  await page.getByLabel('Priority').selectOption('RUSH');
  await page.getByRole('button', { name: 'Create order' }).click();

  await expect(page).toHaveURL(/\/orders\/ORD-\d{4}-\d{4}$/);
  await expect(page.getByTestId('order-status')).toHaveText('Pending');
  await expect(page.getByText('PO-E2E-42')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('Pending');
});

test('shipping is signed, saying first that the build records freeze, and the page says who acts next', async ({ page }) => {
  await gotoHydrated(page, '/orders/ORD-2026-0104');
  await expect(page.getByTestId('waiting-for')).toHaveText(
    'Waiting for the production coordinator: issue every build\'s stock, then ship.',
  );
  // Shipping releases the product: it is signed with the password.
  await page.getByRole('button', { name: 'Move to Shipped' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sign: Move to Shipped' });
  await expect(confirm).toContainText('frozen as the as-built record');
  await expect(confirm.getByTestId('signing-meaning')).toHaveText('Approved');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('QC complete');

  await sign(page, 'Move to Shipped');
  await expect(page.getByTestId('order-status')).toHaveText('Shipped');
  await expect(page.getByTestId('signatures')).toContainText(/Approved by Dana Whitfield \(administrator\), \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(page.getByTestId('waiting-for')).toHaveText('Waiting for delivery to be confirmed.');
});

test('an order with nothing on it cannot start production, and says why', async ({ page }) => {
  await gotoHydrated(page, '/orders/new');
  await page.getByLabel('Customer', { exact: true }).selectOption('C-10002');
  await page.getByRole('button', { name: 'Create order' }).click();
  await expect(page).toHaveURL(/\/orders\/ORD-\d{4}-\d{4}$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Move to In production' }).click();
  await expect(page.locator('.field-error[data-field="to"]')).toContainText('nothing to produce');
  await expect(page.getByTestId('order-status')).toHaveText('Pending');
});
