import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

test('a service order takes catalogue parts with quantities, prices and discounts', async ({ page }) => {
  await gotoHydrated(page, '/orders/new');
  await page.getByLabel('Customer', { exact: true }).selectOption('C-10002');
  await page.getByLabel('Order type').selectOption('SERVICE');
  await page.getByRole('button', { name: 'Create order' }).click();
  await expect(page).toHaveURL(/\/orders\/ORD-\d{4}-\d{4}$/);
  await expect(page.getByText('No line items yet.')).toBeVisible();
  const type = page.locator('dl div').filter({ has: page.locator('dt', { hasText: /^Type$/ }) }).locator('dd');
  await expect(type).toHaveText('Service');
  await expect(page.getByLabel('Part number')).toHaveAttribute('maxlength', '100');
  await expect(page.locator('.line-form .field-limit')).toHaveText('Up to 100 characters.');

  await page.getByLabel('Part number').fill('311-0003');
  await page.getByLabel('Quantity').fill('0');
  await page.getByLabel('Unit price').fill('940');
  await page.getByLabel('Discount %').fill('12.5');
  await page.getByRole('button', { name: 'Add line' }).click();
  await expect(page.locator('.field-error[data-field="quantity"]')).toHaveText(
    'Quantity is a whole number from 1 to 10000.',
  );
  await page.getByLabel('Quantity').fill('3');
  await page.getByRole('button', { name: 'Add line' }).click();
  await expect(page.getByTestId('line-items')).toContainText('Infrared sensor faucet, deck mount, 6 V');
  await expect(page.getByTestId('line-items-total')).toHaveText('$2,467.50');

  await page.getByRole('button', { name: 'Remove line 1' }).click();
  await expect(page.getByText('No line items yet.')).toBeVisible();
});
