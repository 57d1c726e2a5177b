import { test, expect, type BrowserContext, type Page, type Route } from '@playwright/test';
import { db, gotoHydrated, queryCount, signedInAs } from '../helpers';

/**
 * The shop floor without a network (#18), on a portrait touch tablet: an
 * inspector opens the QC board and a checklist, loses the connection,
 * moves a card, records three values and a photo, reloads the page while
 * still offline (the app opens, with what was kept), and when the
 * connection returns everything reaches the server in order and shows on
 * a second browser's board.
 *
 * Fixtures of its own: the ESR order's second unit (TB-2026-0108-01-2),
 * its pre-QC checklist and its packaging task, and one assembly task of
 * the rush order; no other spec uses them.
 */

test.use({ serviceWorkers: 'allow' });

const UNIT = 'TB-2026-0108-01-2';
const CHECKLIST = `/qc/${UNIT}/pre-qc`;
// The rush order's second unit's sink fitting, To do at assembly.
const BOARD = '/boards/ASSEMBLY';
const TASK = 'TB-2026-0110-01-2-070';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4kWIERww4OQBHKhBpqqu7qgAAAABJRU5ErkJggg==',
  'base64',
);

/** This test's results: the journeys record item 8 of the same checklist. */
const results = (client: ReturnType<typeof db>) =>
  queryCount(
    client,
    `SELECT count(*) AS n FROM quality.qc_results r
     JOIN quality.qc_checklist_items i ON i.id = r.item_id
     JOIN quality.qc_checklists c ON c.id = i.checklist_id
     JOIN orders.sink_builds b ON b.id = c.build_id
     WHERE b.build_number = $1 AND i.item_number BETWEEN 1 AND 7`,
    [UNIT],
  );
const photos = (client: ReturnType<typeof db>) =>
  queryCount(
    client,
    `SELECT count(*) AS n FROM quality.qc_photos p
     JOIN quality.qc_checklists c ON c.id = p.checklist_id
     JOIN orders.sink_builds b ON b.id = c.build_id WHERE b.build_number = $1`,
    [UNIT],
  );
const card = (page: Page, number: string) => page.locator(`[data-task="${number}"]`);
const item = (page: Page, number: number) => page.locator(`[data-testid="qc-item"][data-item="${number}"]`);

/** The service worker's own requests obey `setOffline` only when aborted here too. */
function workerOffline(route: Route) {
  return route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue();
}

async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await context.route('**', workerOffline);
}

async function goOnline(context: BrowserContext) {
  await context.unroute('**', workerOffline);
  await context.setOffline(false);
}

test('writes made offline are kept, survive a reload, and reach the server when the connection returns', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const client = db();
  await client.connect();
  try {
    // Two tablets on the floor: the assembler's board, the inspector's checklist.
    const assembler = await signedInAs(browser, 'assembler@torvan.test');
    const qc = await signedInAs(browser, 'qc@torvan.test');
    for (const page of [assembler, qc]) {
      // Online first: the worker takes charge and keeps the pages opened.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    }
    await gotoHydrated(assembler, BOARD);
    await expect(card(assembler, TASK)).toBeVisible();
    const [resultsBefore, photosBefore] = [await results(client), await photos(client)];
    await gotoHydrated(qc, CHECKLIST);
    await expect(item(qc, 1)).toBeVisible();

    await goOffline(assembler.context());
    await goOffline(qc.context());
    await gotoHydrated(assembler, BOARD);
    await expect(assembler.getByTestId('offline-banner')).toContainText(/Offline — showing data from \d\d:\d\d/);
    assembler.once('dialog', (dialog) => dialog.accept('Waiting for the drain kit'));
    await card(assembler, TASK).getByRole('button', { name: 'Move to…' }).click();
    await card(assembler, TASK).getByRole('menuitem', { name: 'On hold' }).click();
    await expect(assembler.locator(`[data-column="ON_HOLD"] [data-task="${TASK}"]`)).toHaveCount(1);
    await expect(card(assembler, TASK).getByTestId('card-kept')).toHaveText('Waiting to send');
    await expect(assembler.getByTestId('outbox')).toContainText('Waiting to send (1)');

    await qc.reload();
    await expect(qc.locator('body[data-hydrated="true"]')).toHaveCount(1);
    await qc.getByRole('button', { name: 'Whole list' }).click();
    for (const [number, value] of [[2, '0.4'], [3, '-0.2'], [4, '1.1']] as const) {
      await item(qc, number).getByLabel('Measured value').fill(value);
      await item(qc, number).getByRole('button', { name: 'Save value' }).click();
      await expect(item(qc, number).getByTestId('kept')).toBeVisible();
    }
    const chooser = qc.waitForEvent('filechooser');
    await item(qc, 1).getByText('Take or choose a photo').click();
    await (await chooser).setFiles({ name: 'weld.png', mimeType: 'image/png', buffer: PNG });
    await expect(item(qc, 1).getByTestId('photo-kept')).toBeVisible();
    await expect(qc.getByTestId('outbox')).toContainText('Waiting to send (4)');

    // Still offline: both pages open again, with what they keep.
    await qc.reload();
    await expect(qc.locator('body[data-hydrated="true"]')).toHaveCount(1);
    await expect(qc.getByTestId('outbox')).toContainText('Waiting to send (4)');
    await qc.getByRole('button', { name: 'Whole list' }).click();
    await expect(item(qc, 3).getByLabel('Measured value')).toHaveValue('-0.2');
    await expect(item(qc, 3).getByTestId('kept')).toBeVisible();
    await assembler.reload();
    await expect(assembler.locator(`[data-column="ON_HOLD"] [data-task="${TASK}"]`)).toHaveCount(1);
    expect(await results(client)).toBe(resultsBefore);

    await goOnline(qc.context());
    await goOnline(assembler.context());
    await expect(qc.getByTestId('outbox')).toHaveCount(0, { timeout: 20_000 });
    await expect(assembler.getByTestId('outbox')).toHaveCount(0, { timeout: 20_000 });
    await expect(item(qc, 3).getByTestId('saved')).toBeVisible();
    expect(await results(client)).toBe(resultsBefore + 3);
    expect(await photos(client)).toBe(photosBefore + 1);
    expect(await queryCount(client, `SELECT count(*) AS n FROM workflow.tasks
      WHERE task_number = $1 AND status = 'ON_HOLD' AND hold_reason = 'Waiting for the drain kit'`, [TASK])).toBe(1);

    // Another browser's board shows the move.
    const other = await signedInAs(browser, 'coordinator@torvan.test');
    await gotoHydrated(other, BOARD);
    await expect(other.locator(`[data-column="ON_HOLD"] [data-task="${TASK}"]`)).toHaveCount(1);
  } finally {
    await client.end();
  }
});

test('a kept move the server refuses meanwhile is shown with its reason, not dropped', async ({ browser }) => {
  test.setTimeout(90_000);
  // The unit's packaging step, To do: the coordinator moves it offline to
  // In progress while the administrator puts it on hold.
  const task = `${UNIT}-130`;
  const coordinator = await signedInAs(browser, 'coordinator@torvan.test');
  const context = coordinator.context();
  await coordinator.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await gotoHydrated(coordinator, '/boards/SHIPPING');
  await expect(card(coordinator, task)).toBeVisible();

  await goOffline(context);
  await card(coordinator, task).getByRole('button', { name: 'Move to…' }).click();
  await card(coordinator, task).getByRole('menuitem', { name: 'In progress' }).click();
  await expect(coordinator.getByTestId('outbox')).toContainText('Waiting to send (1)');

  const other = await signedInAs(browser, 'admin@torvan.test');
  await gotoHydrated(other, '/boards/SHIPPING');
  other.once('dialog', (dialog) => dialog.accept('Crate not delivered'));
  await card(other, task).getByRole('button', { name: 'Move to…' }).click();
  await card(other, task).getByRole('menuitem', { name: 'On hold' }).click();
  await expect(other.locator(`[data-column="ON_HOLD"] [data-task="${task}"]`)).toHaveCount(1);

  await goOnline(context);
  const refused = coordinator.getByTestId('outbox-refused');
  await expect(refused).toContainText(`Move ${task} to In progress`, { timeout: 20_000 });
  await expect(refused).toContainText('it is now On hold');
  await expect(coordinator.getByTestId('outbox')).toContainText('Waiting to send (0) · not accepted (1)');
  await refused.getByRole('button', { name: 'Dismiss' }).click();
  await expect(coordinator.getByTestId('outbox')).toHaveCount(0);

  // Signing out forgets the pages this device kept for the person.
  const kept = () => coordinator.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('torvan-pages-')));
  const pages = async () => {
    const names = await kept();
    return names.length === 0 ? 0 : (await coordinator.evaluate(async (name) => (await (await caches.open(name)).keys()).length, names[0]));
  };
  expect(await pages()).toBeGreaterThan(0);
  await coordinator.getByRole('button', { name: 'Sign out' }).click();
  await expect(coordinator).toHaveURL(/\/login$/);
  await expect.poll(pages).toBe(0);
});
