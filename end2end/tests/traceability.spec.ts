import { test, expect } from '@playwright/test';
import { db, gotoHydrated, signedInAs } from './helpers';

// The rush order's second unit's plumbing step: no other spec touches it.
const TASK = 'TB-2026-0110-01-2-090';
const BUILD = 'TB-2026-0110-01-2';
const PART = '221-0001'; // drain body: lot-controlled
const LOT = 'L-E2E-4471';

test('a received lot is issued to a build, is on the build record, and the lot names the build', async ({ browser }) => {
  const page = await signedInAs(browser, 'procurement@torvan.test');

  // Goods in: a lot-controlled part's receipt needs its lot (the server
  // refuses one without it too: server/tests/integration/lots.rs).
  await gotoHydrated(page, `/inventory/parts/${PART}`);
  await expect(page.getByLabel("Supplier's lot number")).toHaveAttribute('required', '');
  await page.getByLabel('Quantity received').fill('4');
  await page.getByLabel("Supplier's lot number").fill(LOT);
  await page.getByLabel('Lot expires (optional)').fill('2026-12-31');
  await page.getByRole('button', { name: 'Receive', exact: true }).click();
  const lots = page.getByTestId('part-lots');
  await expect(lots.getByRole('row', { name: new RegExp(LOT) })).toContainText('4');

  // The store issues one to the task: the first-expiring lot is suggested.
  await gotoHydrated(page, `/tasks/${TASK}`);
  const row = page.getByTestId('task-materials').locator(`tr[data-part="${PART}"]`);
  await expect(row.getByLabel('Lot')).toHaveValue('');
  await row.getByLabel(`Quantity of ${PART}`).fill('1');
  await row.getByRole('button', { name: 'Issue' }).click();
  await expect(row.getByTestId('taken-lots')).toHaveText(`Lot ${LOT} × 1`);

  // The build's production record lists the lot; the lot's page lists the build.
  await gotoHydrated(page, `/builds/${BUILD}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(BUILD);
  const materials = page.getByTestId('record-materials');
  await materials.getByRole('link', { name: LOT }).click();
  await expect(page).toHaveURL(/\/inventory\/lots\//);
  await expect(page.getByTestId('lot-on-hand')).toHaveText('3');
  await page.getByTestId('lot-uses').getByRole('link', { name: BUILD }).click();
  await expect(page).toHaveURL(new RegExp(`/builds/${BUILD}$`));
  await expect(page.getByTestId('record-audit')).toContainText('match the hashes');

  // The PDF made on the server: a PDF, with the build number in its text.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`production-record-${BUILD}.pdf`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks).toString('latin1');
  expect(pdf.startsWith('%PDF-')).toBeTruthy();
  expect(pdf).toContain(`(Production record ${BUILD})`);
  expect(pdf).toContain(LOT);
});

// The first delivered order's second unit: shipped, so frozen by the server.
const SHIPPED = 'TB-2026-0101-01-2';

test('a shipped build is frozen as revision 1, and a correction is a new revision with a reason and a signature', async ({ browser }) => {
  const page = await signedInAs(browser, 'qc@torvan.test');
  const revisions = page.getByTestId('record-revisions');
  const standing = page.getByTestId('record-standing');
  // The server freezes shipped builds on a timer that runs as it starts.
  await expect(async () => {
    await gotoHydrated(page, `/builds/${SHIPPED}`);
    await expect(standing).toContainText('reads exactly as revision 1', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(revisions.getByRole('row', { name: /Frozen when the order shipped/ })).toBeVisible();
  await expect(revisions.getByRole('button', { name: 'Issue a corrected revision' })).toHaveCount(0);

  // A change after shipment: a task's title corrected in the database.
  const client = db();
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.system_actor', 'seed-demo', true)");
    await client.query(
      `UPDATE workflow.tasks t SET title = t.title || ' (corrected)'
       FROM orders.sink_builds b WHERE b.id = t.build_id AND b.build_number = $1`,
      [SHIPPED],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  await gotoHydrated(page, `/builds/${SHIPPED}`);
  await expect(standing).toContainText('changed since revision 1');

  // Without a reason the signature is refused at the reason.
  await revisions.getByRole('button', { name: 'Issue a corrected revision' }).click();
  await page.getByLabel('Your password').fill('torvan-demo-2026');
  await page.getByRole('button', { name: 'Sign: issue a corrected revision' }).click();
  await expect(page.locator('.field-error[data-field="reason"]')).toContainText('Say what was corrected');
  await page.getByLabel('What was corrected, and why').fill('Task titles corrected after shipment');
  await page.getByLabel('Your password').fill('torvan-demo-2026');
  await page.getByRole('button', { name: 'Sign: issue a corrected revision' }).click();
  await expect(standing).toContainText('reads exactly as revision 2');
  const second = revisions.getByRole('row', { name: /Task titles corrected after shipment/ });
  await expect(second).toContainText('Approved by');

  // Revision 1 stays as it was frozen.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    revisions.getByRole('row', { name: /Frozen when the order shipped/ }).getByRole('link', { name: 'PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`production-record-${SHIPPED}-revision-1.pdf`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks).toString('latin1');
  expect(pdf).toContain('revision 1, frozen at shipment');
  expect(pdf).not.toContain('(corrected)');
});
