import { test, expect } from '@playwright/test';
import { gotoHydrated, signedInAs } from './helpers';

// The second order in production's second unit: no other spec touches it.
const TASK = 'TB-2026-0111-02-1-070';
const PART = '511-0004'; // thirteen screws needed at this step, all held for the unit's BOM

test('the assembler issues part of a line and sees issued and still needed change', async ({ browser }) => {
  const page = await signedInAs(browser, 'assembler@torvan.test');
  await gotoHydrated(page, `/tasks/${TASK}`);
  const row = page.getByTestId('task-materials').locator(`tr[data-part="${PART}"]`);
  await expect(row.getByTestId('issued')).toHaveText('0');
  await expect(row.getByTestId('still-needed')).toHaveText('13');
  const quantity = row.getByLabel(`Quantity of ${PART}`);
  await expect(quantity).toHaveValue('13');

  await quantity.fill('20');
  await row.getByRole('button', { name: 'Issue' }).click();
  await expect(row.locator('.field-error[data-field="quantity"]')).toHaveText('The task needs only 13 more; 20 requested.');
  await expect(row.getByTestId('issued')).toHaveText('0');

  await quantity.fill('2');
  await row.getByRole('button', { name: 'Issue' }).click();
  await expect(row.getByTestId('issued')).toHaveText('2');
  await expect(row.getByTestId('still-needed')).toHaveText('11');
  await expect(row.getByLabel(`Quantity of ${PART}`)).toHaveValue('11');

  // The part's page lists the issue with the task that took it.
  await gotoHydrated(page, `/inventory/parts/${PART}`);
  await expect(page.getByRole('cell', { name: `Task ${TASK}`, exact: true }).first()).toBeVisible();
});
