import { test, expect, type Page } from '@playwright/test';
import { gotoHydrated } from './helpers';

/** The card of one step, by the code in its legend. */
function step(page: Page, code: string) {
  return page.locator('fieldset.route-step').filter({ has: page.locator('legend', { hasText: `Step ${code}` }) });
}

test('a route is checked as it is typed, gains a step and is saved as its next version', async ({ page }) => {
  await gotoHydrated(page, '/admin/routes');
  await page.getByRole('link', { name: 'Edit the Laboratory Sink route' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Laboratory Sink route');
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(page.getByTestId('route-version')).toHaveText('version 1');

  const pegboard = step(page, '080');
  const condition = pegboard.getByLabel('Needed when (empty: every build)');
  await expect(condition).toHaveValue('pegboard.present = true');
  await condition.fill('pegboard.present =');
  const message = page.locator('.field-error[data-field="7:condition"]');
  await expect(message).toBeVisible();
  await expect(page.getByRole('status')).toContainText('1 field to correct before saving.');
  await condition.fill('pegboard.present = true');
  await expect(message).toHaveCount(0);

  await page.getByRole('button', { name: 'Add step' }).click();
  const added = step(page, '150');
  await added.getByLabel('Title').fill('Photograph for the record');
  await added.getByLabel('Task type').selectOption('DOCUMENTATION');
  await added.getByLabel('Work center').selectOption('SHIPPING');
  await added.getByLabel('Estimated minutes (a formula)').fill('5');
  await added.getByRole('button', { name: 'Add predecessor' }).click();
  await added.getByLabel('Step 150 waits for step').fill('130');

  await page.getByRole('button', { name: 'Save route' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved as version 2.');
  await expect(page.getByTestId('route-version')).toHaveText('version 2');

  await gotoHydrated(page, '/admin/routes');
  const row = page.getByRole('row').filter({ hasText: 'Laboratory Sink' });
  await expect(row.getByRole('cell').nth(1)).toHaveText('2');
  await expect(row.getByRole('cell').nth(2)).toHaveText('15');
});
