import { test, expect } from '@playwright/test';
import { db, gotoHydrated, signedInAs } from './helpers';

// In final QC; no other spec touches it.
const ORDER = 'ORD-2026-0105';

test("an order numbered by serial plates gets each unit's plate on its record and its label", async ({ browser }) => {
  const client = db();
  await client.connect();
  const { rows } = await client.query(
    `SELECT b.build_number FROM orders.sink_builds b
     JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
     JOIN orders.orders o ON o.id = c.order_id
     WHERE o.order_number = $1 ORDER BY b.build_number LIMIT 1`,
    [ORDER],
  );
  await client.end();
  const unit: string = rows[0].build_number;

  // The order desk says how the order's units are numbered.
  const coordinator = await signedInAs(browser, 'coordinator@torvan.test');
  await gotoHydrated(coordinator, `/orders/${ORDER}`);
  await expect(coordinator.getByTestId('unit-serials')).toHaveText("The unit's build number");
  await coordinator.getByText('Edit order details').click();
  await coordinator.getByLabel('Serial numbers').selectOption('SERIAL_PLATE');
  await coordinator.getByRole('button', { name: 'Save order details' }).click();
  await expect(coordinator.getByTestId('unit-serials')).toHaveText('A serial plate number, recorded per unit');

  // QC records the plate at final inspection; a badly typed one is refused at the field.
  const qc = await signedInAs(browser, 'qc@torvan.test');
  await gotoHydrated(qc, `/builds/${unit}`);
  await expect(qc.getByTestId('record-serial')).toHaveText('Serial plate not recorded yet');
  await qc.getByLabel('Serial plate number').fill('SN 42');
  await qc.getByRole('button', { name: 'Record plate' }).click();
  await expect(qc.locator('.field-error[data-field="serial_plate"]')).toContainText('letters, digits');
  await qc.getByLabel('Serial plate number').fill('sn-e2e-0042');
  await qc.getByRole('button', { name: 'Record plate' }).click();
  await expect(qc.getByTestId('record-serial')).toHaveText('SN-E2E-0042');

  // The unit's label carries it.
  await qc.getByRole('link', { name: 'Unit label' }).click();
  await expect(qc.getByTestId('label-serial')).toHaveText('SN-E2E-0042');
  await expect(qc.getByTestId('unit-label')).toContainText(ORDER);

  // An assembler reads the number but is offered no plate form.
  const assembler = await signedInAs(browser, 'assembler@torvan.test');
  await gotoHydrated(assembler, `/builds/${unit}`);
  await expect(assembler.getByTestId('record-serial')).toHaveText('SN-E2E-0042');
  await expect(assembler.getByTestId('plate-form')).toHaveCount(0);
});
