import { test, expect, type Page } from '@playwright/test';
import { gotoHydrated } from './helpers';

/**
 * The QC template editor: a tolerance typed wrong is named at its field as
 * it is typed, the checklist as typed is planned for a unit, and the save
 * is the template's next version. The value ends as it began, so the
 * checklists other specs generate from the new version are the same.
 */

/** An ESR unit with an approved BOM: three basins, electric legs. */
const UNIT = 'TB-2026-0106-01-1';

/** The card of one item, by the number in its legend. */
function item(page: Page, number: number) {
  return page.locator('fieldset.qc-template-item').filter({
    has: page.locator('legend', { hasText: new RegExp(`^Item ${number}$`) }),
  });
}

test('a tolerance is checked as it is typed, the checklist is planned for a unit and saved as its next version', async ({ page }) => {
  await gotoHydrated(page, '/admin/qc-templates');
  await page.getByRole('link', { name: 'Edit the Endoscope Reprocessing Sink Final QC checklist' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Endoscope Reprocessing Sink Final QC checklist');
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(page.getByTestId('qc-template-version')).toHaveText('version 1');

  const leak = item(page, 1);
  await expect(leak.getByLabel('Tolerance')).toHaveValue('MINIMUM');
  const least = leak.getByLabel('At least', { exact: true });
  await expect(least).toHaveValue('15');
  await least.fill('15 min');
  const message = page.locator('.field-error[data-field="0:tolerance_minus"]');
  await expect(message).toBeVisible();
  await expect(page.getByRole('status')).toContainText('1 field to correct before saving.');
  await least.fill('15');
  await expect(message).toHaveCount(0);

  await page.getByLabel('Unit to plan').selectOption(UNIT);
  await page.getByRole('button', { name: 'Plan checklist' }).click();
  const planned = page.getByRole('table', { name: 'Planned checklist' });
  await expect(planned.locator('tbody tr')).toHaveCount(11);
  const third = planned.getByRole('row').filter({ hasText: 'Basin 3 water-fill hold without drips' });
  await expect(third).toContainText('≥ 15 min');
  await expect(third.getByRole('cell').first()).toHaveText('3');

  await page.getByRole('button', { name: 'Save checklist' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved as version 2.');
  await expect(page.getByTestId('qc-template-version')).toHaveText('version 2');

  await gotoHydrated(page, '/admin/qc-templates');
  const row = page.getByRole('row').filter({ hasText: 'Endoscope Reprocessing Sink' }).filter({ hasText: 'Final QC' });
  await expect(row.getByRole('cell').nth(2)).toHaveText('2');
});
