import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

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
    'Every sink on the order must be approved before production starts.',
  );
  await expect(page.getByTestId('order-status')).toHaveText('Pending');
});

test('a new order is opened for a customer and starts pending', async ({ page }) => {
  await gotoHydrated(page, '/orders');
  await page.getByRole('link', { name: 'New order' }).click();
  await page.getByLabel('Customer', { exact: true }).selectOption('C-10003');
  await page.getByLabel('Customer PO number').fill('PO-E2E-42');
  await page.getByLabel('Priority').selectOption('RUSH');
  await page.getByRole('button', { name: 'Create order' }).click();

  await expect(page).toHaveURL(/\/orders\/ORD-\d{4}-\d{4}$/);
  await expect(page.getByTestId('order-status')).toHaveText('Pending');
  await expect(page.getByText('PO-E2E-42')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('Pending');
});
