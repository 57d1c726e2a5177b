import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

test('a new order shows the ship-to address and contact, and its details are edited in place', async ({ page }) => {
  await gotoHydrated(page, '/orders/new');
  await page.getByLabel('Customer', { exact: true }).selectOption('C-10001');
  await expect(page.getByLabel('Ship to')).toContainText("The customer's default shipping address");
  await expect(page.getByLabel('Contact')).toContainText("The customer's primary contact");
  await page.getByRole('button', { name: 'Create order' }).click();
  await expect(page).toHaveURL(/\/orders\/ORD-\d{4}-\d{4}$/);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(page.getByTestId('ship-to')).not.toHaveText('—');
  await expect(page.getByTestId('contact')).not.toHaveText('—');

  await page.getByText('Edit order details').click();
  await page.getByLabel('Customer PO number').fill('SMRMC-PO-90001');
  await page.getByLabel('Priority').selectOption('RUSH');
  await page.getByLabel('Promised ship date').fill('2020-01-01');
  await page.getByRole('button', { name: 'Save order details' }).click();
  await expect(page.locator('.field-error[data-field="promised_ship_date"]')).toContainText('Cannot be before the order date');
  await page.getByLabel('Promised ship date').fill('');
  await page.getByRole('button', { name: 'Save order details' }).click();
  await expect(page.getByText('SMRMC-PO-90001')).toBeVisible();
  await expect(page.locator('.badge.muted')).toHaveText('Rush');
});

test('the order list finds an order by its PO or a build number', async ({ page }) => {
  await gotoHydrated(page, '/orders');
  await page.getByLabel('Order, PO or build number').fill('TB-2026-0109-01');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/number=TB-2026-0109-01/);
  await expect(page.getByRole('link', { name: 'ORD-2026-0109' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'ORD-2026-0110' })).toHaveCount(0);
});
