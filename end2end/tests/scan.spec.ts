import { test, expect } from '@playwright/test';
import { db, gotoHydrated, signedInAs } from './helpers';

/**
 * Scanning on a 768×1024 touch tablet: the header's Scan opens one field;
 * a handheld scanner types a label's code and presses Enter, and the record
 * the code names opens. A unit's label carries that code as a QR code.
 */

const TABLET = { width: 768, height: 1024 };
const UNIT = 'TB-2026-0101-01-1';

test('a scanned label opens its record, a typed order number its order, and anything else is said at the field', async ({ browser }) => {
  const assembler = await signedInAs(browser, 'assembler@torvan.test');
  await assembler.setViewportSize(TABLET);
  await gotoHydrated(assembler, '/');
  await assembler.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Scan' }).click();
  await expect(assembler).toHaveURL(/\/scan$/);

  // A handheld scanner types like a keyboard, Enter included.
  const field = assembler.getByLabel('Label or number');
  await expect(field).toBeFocused();
  await field.pressSequentially(`TORVAN:BUILD:${UNIT}`);
  await field.press('Enter');
  await expect(assembler).toHaveURL(new RegExp(`/builds/${UNIT}$`));
  await expect(assembler.getByRole('heading', { level: 1 })).toContainText(UNIT);

  // A supplier's EAN is not a TORVAN label: said at the field, the text kept.
  await gotoHydrated(assembler, '/scan');
  await assembler.getByLabel('Label or number').fill('4006381333931');
  await assembler.getByRole('button', { name: 'Open' }).click();
  await expect(assembler.locator('.field-error[data-field="code"]')).toContainText('is not a TORVAN label');
  await expect(assembler.getByLabel('Label or number')).toHaveValue('4006381333931');

  // An order number read off paperwork, typed in lower case.
  await assembler.getByLabel('Label or number').fill('ord-2026-0105');
  await assembler.getByRole('button', { name: 'Open' }).click();
  await expect(assembler).toHaveURL(/\/orders\/ORD-2026-0105$/);
});

test("a unit's label carries its QR code", async ({ browser }) => {
  const qc = await signedInAs(browser, 'qc@torvan.test');
  await gotoHydrated(qc, `/builds/${UNIT}/label`);
  await expect(qc.getByTestId('label-serial')).toHaveText(UNIT);
  const qr = qc.getByTestId('label-qr').locator('svg');
  await expect(qr).toHaveCount(1);
  // Inside the 4 × 2 in label, beside the text.
  const label = await qc.getByTestId('unit-label').boundingBox();
  const code = await qr.boundingBox();
  expect(code!.x + code!.width).toBeLessThanOrEqual(label!.x + label!.width);
  expect(code!.height).toBeGreaterThan(96);
});

test("a part's bin label and a lot's label carry the code that, scanned, opens the part and the lot", async ({ browser }) => {
  const client = db();
  await client.connect();
  const { rows } = await client.query(
    `SELECT l.id, l.lot_number, p.part_number FROM inventory.stock_lots l
     JOIN inventory.parts p ON p.id = l.part_id ORDER BY l.lot_number LIMIT 1`,
  );
  await client.end();
  const lot: { id: string; lot_number: string; part_number: string } = rows[0];

  const procurement = await signedInAs(browser, 'procurement@torvan.test');
  await procurement.setViewportSize(TABLET);
  await gotoHydrated(procurement, `/inventory/parts/${lot.part_number}`);
  await procurement.getByRole('link', { name: 'Print bin label' }).click();
  await expect(procurement.getByTestId('label-number')).toHaveText(lot.part_number);
  await expect(procurement.getByTestId('label-qr').locator('svg')).toHaveCount(1);
  const partCode = await procurement.locator('.print-label-code').innerText();
  expect(partCode).toBe(`TORVAN:PART:${lot.part_number}`);

  await gotoHydrated(procurement, `/inventory/lots/${lot.id}`);
  await procurement.getByRole('link', { name: 'Print lot label' }).click();
  await expect(procurement.getByTestId('label-number')).toHaveText(`Lot ${lot.lot_number}`);
  const lotCode = await procurement.locator('.print-label-code').innerText();

  // Scanned (typed by the handheld scanner), each code opens its record.
  for (const [code, opens] of [
    [partCode, `/inventory/parts/${lot.part_number}`],
    [lotCode, `/inventory/lots/${lot.id}`],
  ]) {
    await gotoHydrated(procurement, '/scan');
    await procurement.getByLabel('Label or number').pressSequentially(code);
    await procurement.getByLabel('Label or number').press('Enter');
    await expect(procurement).toHaveURL(new RegExp(`${opens}$`));
  }
  await expect(procurement.getByRole('heading', { level: 1 })).toContainText(`Lot ${lot.lot_number}`);
});
