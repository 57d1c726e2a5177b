import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

test('a template line is checked as it is typed, previewed and saved as a new version', async ({ page }) => {
  await gotoHydrated(page, '/admin/bom-templates');
  await page.getByRole('link', { name: 'Standard Laboratory Sink' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Standard Laboratory Sink');
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);

  const formula = page.getByLabel('Line 220 quantity formula');
  await expect(formula).toHaveValue('basin_count');
  await formula.fill('basin_cout * 2');
  const message = page.locator('.field-error[data-field="220:quantity_formula"]');
  await expect(message).toHaveText('unknown variable “basin_cout” at 1:1');
  await expect(page.getByRole('status')).toContainText('1 field to correct before saving.');
  await formula.fill('basin_count * 2');
  await expect(message).toHaveCount(0);

  await page.getByLabel('Configuration to preview').selectOption({ label: 'TB-2026-0103-01 (order ORD-2026-0103)' });
  await page.getByRole('button', { name: 'Preview BOM' }).click();
  await expect(page.getByTestId('preview-totals')).toContainText('Parts');
  const basins = page.getByRole('button', { name: 'Basins and drains' });
  await basins.click();
  await expect(page.locator('tr[data-line="220"]')).toContainText('basin_count * 2 with basin_count = 2 → 4');

  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved as version 1.1.');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('version 1.1');
});

test('a new template starts empty and inactive in the editor', async ({ page }) => {
  await gotoHydrated(page, '/admin/bom-templates');
  await page.getByLabel('Family').selectOption('SCRUB');
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.locator('.field-error[data-field="name"]')).toBeVisible();
  await page.getByLabel('Template name').fill('Scrub sink, wall-hung only');
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page).toHaveURL(/\/admin\/bom-templates\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Scrub sink, wall-hung only');
  await expect(page.getByLabel('Active')).not.toBeChecked();
  await expect(page.getByRole('table', { name: 'Template lines' }).locator('tbody tr')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add line' }).click();
  await expect(page.getByLabel('Line 10 part number')).toBeVisible();
});
