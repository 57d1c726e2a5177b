import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

const BOM = '/orders/ORD-2026-0106/sinks/TB-2026-0106-01/bom';

test('a BOM opens at its groups, shows a short line with its substitute and where it came from', async ({ page }) => {
  await gotoHydrated(page, BOM);
  await expect(page.getByRole('heading', { level: 2, name: 'Version 1 · Draft' })).toBeVisible();
  await expect(page.getByTestId('bom-totals')).toContainText('Parts');
  const lines = page.getByRole('table', { name: 'BOM lines' });
  await expect(lines.locator('tr[data-line="230"]')).toHaveCount(0);

  const basins = page.getByRole('button', { name: 'Basins and drains' });
  await expect(basins).toHaveAttribute('aria-expanded', 'false');
  await basins.click();
  await expect(basins).toHaveAttribute('aria-expanded', 'true');
  const drain = lines.locator('tr[data-line="230"]');
  await expect(drain).toContainText('321-0002');
  await expect(drain).toContainText('Short by 3');
  await expect(drain).toContainText('Substitute 321-0001');
  await expect(drain).toContainText('{drain.part}');
  await expect(drain).toContainText('basin_count = 3');

  await basins.click();
  await expect(lines.locator('tr[data-line="230"]')).toHaveCount(0);
});

test('a new version is generated, submitted and approved with its shortages listed', async ({ page }) => {
  await gotoHydrated(page, BOM);
  await page.getByRole('button', { name: 'Generate BOM' }).click();
  await expect(page.locator('.field-error[data-field="reason"]')).toContainText('Say why a new version is needed');
  await page.getByLabel('Why a new version').fill('Drain supplier changed');
  await page.getByRole('button', { name: 'Generate BOM' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Version 2 · Draft' })).toBeVisible();
  await expect(page.locator('tr[data-version]')).toHaveCount(2);

  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Version 2 · Pending approval' })).toBeVisible();
  await page.getByRole('button', { name: 'Approve and allocate stock', exact: true }).click();
  await expect(page.locator('.form-error')).toContainText('Not enough stock, nothing was approved or allocated');
  await expect(page.locator('.form-error')).toContainText('321-0002 needs 3, 0 available');
  await page.getByRole('button', { name: 'Approve, allocating what is available' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Version 2 · Approved' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('321-0002 needs 3, 0 available');
});
