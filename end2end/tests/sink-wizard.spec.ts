import { test, expect, type Page } from '@playwright/test';
import { gotoHydrated, sign, signedInAs } from './helpers';

const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();
const stepTitle = (page: Page, name: string) =>
  expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
const fieldError = (page: Page, field: string) => page.locator(`.field-error[data-field="${field}"]`);

async function addSink(page: Page, orderUrl: string, family: string): Promise<void> {
  await gotoHydrated(page, orderUrl);
  await page.getByLabel('Sink family').selectOption(family);
  await page.getByRole('button', { name: 'Add sink' }).click();
  await expect(page).toHaveURL(/\/sinks\/TB-\d{4}-\d{4}-\d{2}\?step=family$/);
  await stepTitle(page, 'Family');
}

/** Validates the configuration on `page`; `approver`, another person,
 * approves it with their signature (separation of duties). */
async function validateAndApprove(page: Page, approver: Page): Promise<void> {
  await page.getByRole('button', { name: 'Validate configuration' }).click();
  await expect(page.getByTestId('configuration-status')).toHaveText('Validated');
  await expect(page.getByTestId('approval-refused')).toContainText('You validated this configuration');
  await gotoHydrated(approver, page.url());
  await sign(approver, 'Approve configuration');
  await expect(approver.getByTestId('configuration-status')).toHaveText('Approved');
  await expect(approver.getByTestId('signatures')).toContainText('Approved by Marcus Reyes (production coordinator)');
  await page.reload();
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(page.getByTestId('configuration-status')).toHaveText('Approved');
}

test('an order is configured with two sinks, approved and put into production', async ({ page, browser }) => {
  // The whole office journey, from a new customer to production, with two
  // signed approvals: longer than the default 30 s on two busy cores.
  test.setTimeout(90_000);
  const coordinator = await signedInAs(browser, 'coordinator@torvan.test');
  await gotoHydrated(page, '/customers/new');
  await page.getByLabel('Company name').fill('Harbor View Surgical Center');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page).toHaveURL(/\/customers\/C-\d{5}$/);
  const customer = new URL(page.url()).pathname.split('/').pop()!;

  await gotoHydrated(page, '/orders/new');
  await page.getByLabel('Customer', { exact: true }).selectOption(customer);
  await page.getByRole('button', { name: 'Create order' }).click();
  await expect(page).toHaveURL(/\/orders\/ORD-\d{4}-\d{4}$/);
  const orderUrl = new URL(page.url()).pathname;

  // An endoscope reprocessing sink, with a pegboard first made too wide.
  await addSink(page, orderUrl, 'ESR');
  await page.getByLabel('Number of identical sinks').fill('2');
  await next(page);
  await stepTitle(page, 'Body');
  await page.getByRole('combobox', { name: 'Material', exact: true }).selectOption('316L');
  await next(page);
  await stepTitle(page, 'Basins');
  await page.getByLabel('Number of basins').selectOption('3');
  await page.getByLabel('Basin 2 width').fill('24');
  await next(page);
  await stepTitle(page, 'Pegboard');
  await page.getByRole('combobox', { name: 'Pegboard', exact: true }).selectOption('CUSTOM');
  await page.getByLabel('Custom pegboard width').fill('80');
  await page.getByLabel('Custom pegboard height').fill('36');
  await expect(fieldError(page, 'pegboard_width')).toHaveText(
    'A custom pegboard can be at most as wide as the body (72 in).',
  );
  await next(page);
  await expect(page.locator('.notice')).toHaveText('Fix the marked fields to go on.');
  await stepTitle(page, 'Pegboard');
  await page.getByLabel('Custom pegboard width').fill('70');
  await expect(fieldError(page, 'pegboard_width')).toHaveCount(0);
  await next(page);
  await stepTitle(page, 'Legs');
  await expect(page.locator('.notice')).toHaveText('Draft saved.');

  // Reloading, then the browser's back and forward, find the saved choices.
  await page.reload();
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await page.goBack();
  await stepTitle(page, 'Pegboard');
  await expect(page.getByLabel('Custom pegboard width')).toHaveValue('70');
  await page.goForward();
  await stepTitle(page, 'Legs');
  await page.getByRole('button', { name: 'Back' }).click();
  await stepTitle(page, 'Pegboard');
  await next(page);
  await stepTitle(page, 'Legs');

  await page.getByRole('combobox', { name: 'Support', exact: true }).selectOption('ELECTRIC');
  await page.getByLabel('Lowest working height').fill('32');
  await page.getByLabel('Highest working height').fill('42');
  await next(page);
  await stepTitle(page, 'Faucets, drains and accessories');
  await page.getByRole('combobox', { name: 'Faucet', exact: true }).selectOption('INFRARED_SENSOR');
  await page.getByRole('button', { name: 'Add accessory' }).click();
  await expect(page.getByLabel('Accessory 1', { exact: true })).toHaveValue('DOSING_PUMP');
  await next(page);
  await stepTitle(page, 'Review');
  await expect(page.getByTestId('unit-price')).toHaveText('$20,805.00');
  await expect(page.getByTestId('total-price')).toHaveText('$41,610.00');
  await validateAndApprove(page, coordinator);
  await expect(page.getByTestId('build-numbers')).toHaveText(/TB-\d{4}-\d{4}-01-1, TB-\d{4}-\d{4}-01-2/);

  // A laboratory sink as the family comes.
  await addSink(page, orderUrl, 'LAB');
  for (const step of ['Body', 'Basins', 'Pegboard', 'Legs', 'Faucets, drains and accessories', 'Review']) {
    await next(page);
    await stepTitle(page, step);
  }
  await validateAndApprove(page, coordinator);

  await gotoHydrated(page, orderUrl);
  await expect(page.getByTestId('order-sinks')).toContainText('Endoscope Reprocessing Sink');
  await expect(page.getByTestId('order-sinks')).toContainText('Laboratory Sink');
  // Production waits for each sink's BOM, which approval generated as a draft.
  await page.getByRole('button', { name: 'Move to In production' }).click();
  await expect(fieldError(page, 'to')).toContainText("Every sink's BOM must be approved before production starts");
  await expect(page.getByTestId('order-status')).toHaveText('Pending');

  for (const build of ['01', '02']) {
    const sink = page.getByTestId('order-sinks').getByRole('link', { name: new RegExp(`^Bill of materials of TB-\\d{4}-\\d{4}-${build}$`) });
    await sink.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Version 1 · Draft' })).toBeVisible();
    if (build === '01') {
      await expect(page.getByText('Generated from Standard Endoscope Reprocessing Sink')).toBeVisible();
      await page.getByRole('button', { name: 'Support' }).click();
      await expect(page.getByRole('table', { name: 'BOM lines' }).locator('tr[data-line="310"]')).toContainText('122-0001');
    }
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    // The coordinator's approval generated it: the administrator approves it.
    await sign(page, 'Approve, allocating what is available');
    await expect(page.getByRole('heading', { level: 2, name: 'Version 1 · Approved' })).toBeVisible();
    await gotoHydrated(page, orderUrl);
  }

  // Whatever the shelf could not cover is listed before production starts.
  await page.getByRole('button', { name: 'Move to In production' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Confirm: Move to In production' });
  if (await confirm.isVisible()) {
    await expect(confirm).toContainText('short by');
    await confirm.getByRole('button', { name: 'Yes, move to in production' }).click();
  }
  await expect(page.getByTestId('order-status')).toHaveText('In production');
  await expect(page.getByTestId('timeline')).toContainText('Pending → In production');
});
