import { test, expect, type Page } from '@playwright/test';
import { gotoHydrated, sign, signedInAs } from './helpers';

/**
 * Pre-QC on a 1024×768 touch tablet, from the first tap to the order moving
 * on: a measurement out of tolerance shows FAIL as it is typed and opens a
 * defect, a photo goes through the file chooser and comes back as a
 * thumbnail, a document is filed on the item that asks for one, the
 * order is refused at the gate, the unit is reworked, the
 * failed item alone is inspected again, and the signed sign-off lets the
 * order move on.
 */

// ORD-2026-0109 in pre-QC: one SCRUB unit, one basin, no pegboard: six
// checks. No other spec changes it.
const ORDER = 'ORD-2026-0109';
const UNIT = 'TB-2026-0109-01-1';
const CHECKLIST = `/qc/${UNIT}/pre-qc`;
const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true };

// A 4×3 PNG: the smallest photo the server decodes and makes a thumbnail of.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4kWIERww4OQBHKhBpqqu7qgAAAABJRU5ErkJggg==',
  'base64',
);

const PDF = Buffer.from('%PDF-1.7\n% passivation record\n%%EOF\n');

const item = (page: Page, number: number) => page.locator(`[data-testid="qc-item"][data-item="${number}"]`);

async function pass(page: Page, number: number) {
  await item(page, number).getByRole('button', { name: 'Pass', exact: true }).click();
  await expect(item(page, number).getByTestId('saved')).toBeVisible();
}

async function measure(page: Page, number: number, value: string, judged: 'PASS' | 'FAIL') {
  const card = item(page, number);
  await card.getByLabel('Measured value').fill(value);
  await expect(card.getByTestId('judgement')).toContainText(judged);
  await card.getByRole('button', { name: 'Save value' }).click();
  await expect(card.getByTestId('saved')).toBeVisible();
  await expect(card.getByTestId('item-result')).toHaveText(judged === 'PASS' ? 'Pass' : 'Fail');
}

test('a pre-QC checklist is failed, reworked, inspected again and signed, and the order moves on', async ({ browser }) => {
  test.setTimeout(120_000);
  const qc = await signedInAs(browser, 'qc@torvan.test');
  await qc.setViewportSize(TABLET.viewport);
  await gotoHydrated(qc, CHECKLIST);
  await expect(qc.getByTestId('checklist-status')).toHaveText('Not started');
  await expect(qc.getByTestId('qc-progress')).toContainText('0 of 6');

  // One at a time: the first check, then Next.
  await expect(qc.getByTestId('qc-one')).toContainText('Weld penetration and bead');
  await pass(qc, 1);
  await expect(qc.getByTestId('checklist-status')).toHaveText('In progress');
  await qc.getByRole('button', { name: 'Next' }).click();
  await expect(item(qc, 2).getByTestId('tolerance')).toHaveText(/± 1\.5/);
  // Out of tolerance: FAIL shows as it is typed, before anything is saved.
  await item(qc, 2).getByLabel('Measured value').fill('2.1');
  await expect(item(qc, 2).getByTestId('judgement')).toContainText('FAIL');
  await item(qc, 2).getByLabel('Measured value').fill('0.4');
  await expect(item(qc, 2).getByTestId('judgement')).toContainText('PASS');
  await measure(qc, 2, '2.1', 'FAIL');
  await expect(qc.getByTestId('defect')).toHaveCount(1);
  await expect(qc.getByTestId('defect-status')).toHaveText('Open');

  // The rest on the whole list.
  await qc.getByRole('button', { name: 'Whole list' }).click();
  await measure(qc, 3, '0.4', 'PASS');
  await measure(qc, 4, '1', 'PASS');
  const chooser = qc.waitForEvent('filechooser');
  await item(qc, 5).getByText('Take or choose a photo').click();
  await (await chooser).setFiles({ name: 'deck.png', mimeType: 'image/png', buffer: PNG });
  await expect(item(qc, 5).locator('.photo-thumbnails img')).toHaveCount(1);
  await expect(item(qc, 5).locator('.photo-thumbnails img')).toHaveJSProperty('complete', true);
  await pass(qc, 5);
  // The passivation check asks for its record: filed on the item itself.
  const documents = item(qc, 6).locator('.item-documents');
  await documents.getByText('Documents (one is required)').click();
  await documents.getByLabel('File').setInputFiles({ name: 'passivation.pdf', mimeType: 'application/pdf', buffer: PDF });
  await documents.getByLabel('Title').fill('Passivation record');
  await documents.getByRole('button', { name: 'Upload' }).click();
  await expect(documents.locator('.document[data-title="Passivation record"]')).toContainText('version 1');
  await pass(qc, 6);
  await expect(qc.getByTestId('qc-progress')).toContainText('6 of 6');

  await sign(qc, 'Sign off');
  await expect(qc.getByTestId('checklist-status')).toHaveText('Failed');

  // The gate names the unit and why.
  await gotoHydrated(qc, `/orders/${ORDER}`);
  await qc.getByRole('button', { name: 'Move to Production complete' }).click();
  await expect(qc.locator('.field-error[data-field="to"]')).toContainText(`${UNIT} (failed)`);
  await qc.getByLabel('Reason for sending back to In production').fill('Basin 1 too long: reweld the end');
  await qc.getByRole('button', { name: 'Send back to In production' }).click();
  await expect(qc.getByTestId('order-status')).toHaveText('In production');

  // The coordinator has the rework done on the order's board.
  const coordinator = await signedInAs(browser, 'coordinator@torvan.test');
  await gotoHydrated(coordinator, `/boards/orders/${ORDER}`);
  const rework = coordinator.locator(`[data-task="${UNIT}-911"]`);
  for (const column of ['In progress', 'Done']) {
    await rework.getByRole('button', { name: 'Move to…' }).click();
    await rework.getByRole('menuitem', { name: column }).click();
    await expect(coordinator.locator(`[data-column="${column === 'Done' ? 'COMPLETED' : 'IN_PROGRESS'}"] [data-task="${UNIT}-911"]`)).toHaveCount(1);
  }
  await gotoHydrated(coordinator, `/orders/${ORDER}`);
  await coordinator.getByRole('button', { name: 'Move to Pre-QC' }).click();
  await expect(coordinator.getByTestId('order-status')).toHaveText('Pre-QC');

  // Round 2: only the failed item is open.
  await gotoHydrated(qc, CHECKLIST);
  await expect(qc.getByText('Round 2')).toBeVisible();
  await qc.getByRole('button', { name: 'Whole list' }).click();
  await expect(item(qc, 1).getByRole('button', { name: 'Pass', exact: true })).toHaveCount(0);
  await qc.getByRole('button', { name: 'Start work' }).click();
  await expect(qc.getByTestId('defect-status')).toHaveText('In progress');
  await qc.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(qc.getByTestId('defect-status')).toHaveText('Resolved');
  await measure(qc, 2, '0.5', 'PASS');
  await qc.getByRole('button', { name: 'Close (verified)' }).click();
  await expect(qc.getByTestId('defect-status')).toHaveText('Closed');

  await sign(qc, 'Sign off');
  await expect(qc.getByTestId('checklist-status')).toHaveText('Passed');
  await expect(qc.getByTestId('signatures')).toContainText('Performed by Helen Kowalski');

  await gotoHydrated(qc, `/orders/${ORDER}`);
  await expect(qc.getByTestId('order-qc').locator(`tr[data-build="${UNIT}"][data-phase="PRE_QC"]`)).toContainText('Passed');
  await qc.getByRole('button', { name: 'Move to Production complete' }).click();
  await expect(qc.getByTestId('order-status')).toHaveText('Production complete');
});

test('a value that cannot be read is said at the field, and nothing is saved', async ({ browser }) => {
  const qc = await signedInAs(browser, 'qc@torvan.test');
  await qc.setViewportSize(TABLET.viewport);
  // The ESR order in pre-QC: its first unit's second check is a basin length.
  await gotoHydrated(qc, '/qc/TB-2026-0108-01-1/pre-qc');
  await qc.getByRole('button', { name: 'Whole list' }).click();
  const card = item(qc, 2);
  await card.getByLabel('Measured value').fill('twelve');
  await expect(card.locator('.field-error')).toHaveCount(1);
  await card.getByRole('button', { name: 'Save value' }).click();
  await expect(card.locator('.field-error')).toHaveCount(1);
  await expect(card.getByTestId('saved')).toHaveCount(0);
  await expect(card.getByTestId('item-result')).toHaveCount(0);
});
