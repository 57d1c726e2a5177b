import { test, expect } from '@playwright/test';
import { db, gotoHydrated, sign, signedInAs } from './helpers';

const BOM = '/orders/ORD-2026-0106/sinks/TB-2026-0106-01/bom';

test('a draft BOM says what is short at the top and on its groups, and opens to the line with its substitute', async ({ page }) => {
  // The order is in final QC: its first version was approved and issued.
  await gotoHydrated(page, BOM);
  await expect(page.getByRole('heading', { level: 2, name: 'Version 1 · Approved' })).toBeVisible();
  await expect(page.getByTestId('bom-shortages')).toHaveCount(0);
  await page.getByLabel('Why a new version').fill('Drain supplier changed');
  await page.getByRole('button', { name: 'Generate BOM' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Version 2 · Draft' })).toBeVisible();
  await expect(page.getByTestId('bom-totals')).toContainText('Parts');
  await expect(page.getByTestId('bom-shortages')).toContainText('321-0002');
  const lines = page.getByRole('table', { name: 'BOM lines' });
  await expect(lines.locator('tr[data-line="230"]')).toHaveCount(0);

  const basins = page.getByRole('button', { name: 'Basins and drains' });
  await expect(basins).toHaveAttribute('aria-expanded', 'false');
  await expect(lines.locator('tr[data-kind="assembly"]', { has: basins })).toContainText(/\d+ lines? short/);
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

test('a new version is generated, submitted, approved with its shortages listed, issued and compared', async ({ page: admin, browser }) => {
  // Two people, two signatures and a stock issue: past 30 s on two busy cores.
  test.setTimeout(90_000);
  const client = db();
  await client.connect();
  // The test's own change acts as the demo seed: the audit trigger refuses one that names nobody.
  await client.query(`SELECT set_config('app.system_actor', 'seed-demo', false)`);
  await client.query(
    `UPDATE products.bom_template_items SET base_quantity = 6
     WHERE template_id = md5('torvan-demo:bom-template:ESR')::uuid AND line_number = 160`,
  );
  await client.end();
  let page = admin;
  await gotoHydrated(page, BOM);
  await page.getByRole('button', { name: 'Generate BOM' }).click();
  await expect(page.locator('.field-error[data-field="reason"]')).toContainText('Say why a new version is needed');
  await page.getByLabel('Why a new version').fill('More fasteners per drain');
  await page.getByRole('button', { name: 'Generate BOM' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Version 3 · Draft' })).toBeVisible();
  await expect(page.locator('tr[data-version]')).toHaveCount(3);

  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Version 3 · Pending approval' })).toBeVisible();
  // The administrator generated it: the coordinator approves it.
  await expect(page.getByTestId('approval-refused')).toContainText('another person must approve it');
  page = await signedInAs(browser, 'coordinator@torvan.test');
  await gotoHydrated(page, BOM);
  await sign(page, 'Approve and allocate stock');
  await expect(page.locator('.form-error')).toContainText('Not enough stock, nothing was approved or allocated');
  await expect(page.locator('.form-error')).toContainText('321-0002 needs 3, 0 available');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await sign(page, 'Approve, allocating what is available');
  await expect(page.getByRole('heading', { level: 2, name: 'Version 3 · Approved' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'short' })).toContainText('321-0002 needs 3, 0 available');
  await expect(page.getByTestId('bom-shortages')).toContainText('Still to issue');
  const movements = page.getByRole('table', { name: 'Stock movements for this version' });
  await expect(movements.locator('tr[data-movement="ALLOCATE"]').first()).toContainText('Allocated');
  await page.getByRole('button', { name: 'Issue stock to the build' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Confirm: Issue stock to the build' })).toContainText('leave the shelf');
  await expect(movements.locator('tr[data-movement="ISSUE"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Yes, issue stock to the build' }).click();
  await expect(movements.locator('tr[data-movement="ISSUE"]').first()).toContainText('Issued to a build');

  await page.getByLabel('Compare version 3 with').selectOption('2');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Changes from version 2 to version 3' })).toBeVisible();
  const changed = page.getByRole('table', { name: 'Changes' }).locator('tr[data-change="Changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText('112-0004');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^torvan-bom-TB-2026-0106-01-v3-.*\.csv$/);

  await page.getByRole('link', { name: 'Print view' }).click();
  await expect(page).toHaveURL(/\/bom\/print\?version=3$/);
  await expect(page.getByRole('table', { name: 'BOM lines' }).locator('tr[data-line="230"]')).toContainText('321-0002');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
});

test('a delivered order\'s BOM is the as-built record: nothing on it can change', async ({ page }) => {
  await gotoHydrated(page, '/orders/ORD-2026-0101/sinks/TB-2026-0101-01/bom');
  await expect(page.getByTestId('bom-frozen')).toContainText('as-built record');
  await expect(page.getByRole('heading', { level: 2, name: 'Version 1 · Approved' })).toBeVisible();
  for (const action of ['Withdraw approval', 'Issue stock to the build', 'Generate BOM']) {
    await expect(page.getByRole('button', { name: action })).toHaveCount(0);
  }
});

test('the print view of a version that does not exist is the not-found page with status 404', async ({ page }) => {
  const response = await page.goto(`${BOM}/print?version=99`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
