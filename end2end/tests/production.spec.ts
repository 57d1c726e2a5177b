import { test, expect } from '@playwright/test';
import { gotoHydrated, signedInAs } from './helpers';

// The second order in production: its second unit has finished cutting,
// welding and finishing, five of its eight assembly tasks. No spec moves
// its tasks.
const ORDER = 'ORD-2026-0111';
const UNIT = 'TB-2026-0111-02-1';

test("the order page shows each unit's assembly progress and opens the order's board", async ({ browser }) => {
  const page = await signedInAs(browser, 'coordinator@torvan.test');
  await gotoHydrated(page, `/orders/${ORDER}`);
  const production = page.getByRole('region', { name: 'Production' });
  await expect(production.locator(`tr[data-build="${UNIT}"]`).getByTestId('unit-progress')).toHaveText('5 of 8');

  await production.getByRole('link', { name: `Board of ${ORDER}` }).click();
  await expect(page).toHaveURL(new RegExp(`/boards/orders/${ORDER}$`));
  await expect(page.locator(`[data-task^="${UNIT}-"]`).first()).toBeVisible();
});

// Other specs move orders back into production (with their work done),
// so the list is not known to be empty: the order with work open is left out.
test('the dashboard leaves out of Ready for QC an order whose units still have work open', async ({ browser }) => {
  const page = await signedInAs(browser, 'coordinator@torvan.test');
  await gotoHydrated(page, '/');
  const ready = page.getByRole('region', { name: 'Ready for QC' });
  await expect(ready.getByRole('heading', { name: 'Ready for QC' })).toBeVisible();
  await expect(ready.locator(`tr[data-order="${ORDER}"]`)).toHaveCount(0);
});
