import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

const HEADER = 'part_number,name,standard_cost,hierarchy_path\n';

async function choose(page: import('@playwright/test').Page, name: string, text: string) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('a file with one bad row is refused with the row and column', async ({ page }) => {
  await gotoHydrated(page, '/inventory/transfer');
  await choose(
    page,
    'bad.csv',
    HEADER + 'E2E-0001,Good row,1.00,FRAMES > ASM-120 > SUB-121\nE2E-0002,Bad row,-4,FRAMES > ASM-120 > SUB-121\n',
  );
  const problem = page.locator('tr[data-line="3"]');
  await expect(problem).toContainText('standard_cost');
  await expect(problem).toContainText('Cannot be negative.');
  await expect(page.getByTestId('import-summary')).toContainText('1 problems');
  await expect(page.getByRole('button', { name: 'Import parts' })).toBeDisabled();
});

test('a valid file is imported after its check', async ({ page }) => {
  await gotoHydrated(page, '/inventory/transfer');
  await choose(page, 'good.csv', HEADER + 'E2E-0101,Imported bracket,3.25,FRAMES > ASM-120 > SUB-121\n');
  await expect(page.getByTestId('import-summary')).toContainText('1 new parts');
  await page.getByRole('button', { name: 'Import parts' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('Imported: 1 created, 0 updated, 0 unchanged.');
  await gotoHydrated(page, '/inventory/parts/E2E-0101');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Imported bracket');
});
