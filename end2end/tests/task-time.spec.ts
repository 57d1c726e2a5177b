import { test, expect } from '@playwright/test';
import type { Client } from 'pg';
import { db, gotoHydrated, queryCount, signedInAs } from './helpers';

/**
 * Time on a task, as the assembler at the bench records it: a timer runs
 * and its minutes are recorded; a manual entry that ends before it starts
 * is refused at its end. The task is one no other spec touches, at the
 * demo assembler's station.
 */

const TASK = 'TB-2026-0111-01-1-080';

let client: Client;

test.beforeAll(async () => {
  client = db();
  await client.connect();
  await client.query(`SELECT set_config('app.system_actor', 'seed-demo', false)`);
});

test.afterAll(async () => {
  await client?.end();
});

/** `minutes` ago as a `datetime-local` input reads it, in UTC. */
function ago(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 16);
}

test('a timer runs and its minutes are recorded', async ({ browser }) => {
  const page = await signedInAs(browser, 'assembler@torvan.test');
  await gotoHydrated(page, `/tasks/${TASK}`);
  const timer = page.getByTestId('timer');

  await timer.getByRole('button', { name: 'Start work' }).click();
  const clock = page.getByTestId('timer-clock');
  await expect(clock).toBeVisible();
  const shown = await clock.textContent();
  await expect(clock).not.toHaveText(shown ?? '', { timeout: 5_000 });

  // Three minutes of work without waiting for them.
  await client.query(
    `UPDATE workflow.task_time_entries e SET start_time = start_time - interval '3 minutes'
     FROM workflow.tasks t
     WHERE t.id = e.task_id AND t.task_number = $1 AND e.end_time IS NULL`,
    [TASK],
  );
  await timer.getByRole('button', { name: 'Stop' }).click();

  const entry = page.getByTestId('time-entries').locator('tbody tr');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Work');
  await expect(entry.locator('td.number')).toHaveText('3');
  await expect(entry).toContainText('Timer');
  await expect(page.getByTestId('time-totals')).toHaveText(/^3 min of 40 estimated: 37 min under/);
  await expect(timer.getByRole('button', { name: 'Start work' })).toBeVisible();
  await page.context().close();
});

test('a manual entry ending before its start is refused at its end', async ({ browser }) => {
  const page = await signedInAs(browser, 'assembler@torvan.test');
  await gotoHydrated(page, `/tasks/${TASK}`);

  await page.getByText('Record time worked without the timer').click();
  await page.getByLabel('Start (UTC)').fill(ago(60));
  await page.getByLabel('End (UTC)').fill(ago(90));
  await page.getByRole('button', { name: 'Record time' }).click();

  await expect(page.locator('.field-error[data-field="end"]')).toHaveText('The end must be after the start.');
  expect(
    await queryCount(
      client,
      `SELECT count(*) AS n FROM workflow.task_time_entries e JOIN workflow.tasks t ON t.id = e.task_id
       WHERE t.task_number = $1 AND e.is_manual`,
      [TASK],
    ),
  ).toBe(0);
  await page.context().close();
});
