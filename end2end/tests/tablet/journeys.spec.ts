import { test, expect, type Page } from '@playwright/test';
import { gotoHydrated, signedInAs } from '../helpers';

/**
 * The shop floor's journeys on a touch tablet, run held both ways
 * (the tablet-landscape and tablet-portrait projects, one after the
 * other): the assembler finds their station's board, opens a task and
 * times it; the inspector scans a unit's label, opens its checklist and
 * records a measurement. No page is wider than the tablet.
 *
 * Fixtures: a To do task at the assembler's station and the last
 * measurement of the ESR order's second unit, which no other spec uses;
 * recording either again is allowed, so both runs do the same.
 */

const TASK = 'TB-2026-0110-01-1-080';
const UNIT = 'TB-2026-0108-01-2';

/** Nothing sideways to scroll: the page fits the tablet's width. */
async function fitsTheWidth(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(0);
}

test('the assembler opens their station’s board, a task on it, and times it', async ({ browser }) => {
  const page = await signedInAs(browser, 'assembler@torvan.test');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Boards' }).tap();
  await page.getByTestId('own-board').tap();
  await expect(page).toHaveURL(/\/boards\/ASSEMBLY$/);
  await expect(page.locator('[data-column="PENDING"]')).toBeVisible();
  await fitsTheWidth(page);

  await page.locator(`[data-task="${TASK}"] .card-number`).tap();
  await expect(page).toHaveURL(new RegExp(`/tasks/${TASK}$`));
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await fitsTheWidth(page);
  const timer = page.getByTestId('timer');
  await timer.getByRole('button', { name: 'Start work' }).tap();
  await expect(page.getByTestId('timer-clock')).toBeVisible();
  await timer.getByRole('button', { name: 'Stop' }).tap();
  await expect(timer.getByRole('button', { name: 'Start work' })).toBeVisible();
  await expect(page.getByTestId('time-entries').locator('tbody tr').first()).toContainText('Timer');
  await page.context().close();
});

test('the inspector scans a unit’s label, opens its checklist and records a measurement', async ({ browser }) => {
  const page = await signedInAs(browser, 'qc@torvan.test');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Scan' }).tap();
  const field = page.getByLabel('Label or number');
  await field.pressSequentially(`TORVAN:BUILD:${UNIT}`);
  await field.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/builds/${UNIT}$`));
  await fitsTheWidth(page);

  await gotoHydrated(page, `/qc/${UNIT}/pre-qc`);
  await fitsTheWidth(page);
  await page.getByRole('button', { name: 'Whole list' }).tap();
  const squareness = page.locator('[data-testid="qc-item"][data-item="8"]');
  await squareness.getByLabel('Measured value').fill('1.2');
  await expect(squareness.getByTestId('judgement')).toContainText('PASS');
  await squareness.getByRole('button', { name: 'Save value' }).tap();
  await expect(squareness.getByTestId('saved')).toBeVisible();
  await expect(squareness.getByTestId('item-result')).toHaveText('Pass');
  await page.context().close();
});
