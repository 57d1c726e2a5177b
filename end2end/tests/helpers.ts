import { expect, type Browser, type Page, type Response } from '@playwright/test';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../global-setup';

/** The eight order statuses, in workflow order. */
export const ORDER_STATUSES = [
  'PENDING',
  'IN_PRODUCTION',
  'PRE_QC',
  'PRODUCTION_COMPLETE',
  'FINAL_QC',
  'QC_COMPLETE',
  'SHIPPED',
  'DELIVERED',
] as const;

/**
 * Navigates to `path` and waits until the WASM client has hydrated the page
 * (`<body data-hydrated="true">`). Returns the navigation response.
 */
export async function gotoHydrated(page: Page, path: string): Promise<Response | null> {
  const response = await page.goto(path);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  return response;
}

/**
 * A (not yet connected) PostgreSQL client for the app's database, from env
 * `DATABASE_URL`. Connect it in `test.beforeAll` and end it in `test.afterAll`
 * (one connection per test file per worker).
 */
export function db(): Client {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL must be set for the end-to-end tests');
  }
  return new Client({ connectionString });
}

/** Runs a query that returns a single `count(*)` and gives it as a number. */
export async function queryCount(client: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await client.query<{ n: string }>(sql, params);
  if (rows.length !== 1) {
    throw new Error(`expected one row from count query, got ${rows.length}: ${sql}`);
  }
  return Number(rows[0].n);
}

/** A regular expression matching `n` as a whole number within a text. */
export function wholeNumber(n: number): RegExp {
  return new RegExp(`(^|[^0-9])${n}([^0-9]|$)`);
}

/**
 * A page in a browser context of its own, signed in through the sign-in
 * page as the demo user `email`: a second person, for what one person may
 * not do alone (approving what they generated or validated).
 */
export async function signedInAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await gotoHydrated(page, '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  return page;
}

/**
 * Signs the action whose button reads `label`: opens its signing dialog
 * (unless a refused attempt left it open), types `password` and signs.
 */
export async function sign(page: Page, label: string, password: string = DEMO_PASSWORD): Promise<void> {
  const dialog = page.getByRole('dialog', { name: `Sign: ${label}` });
  // Tapped again if the page redrew its record (a reload just after it
  // hydrated) and closed the dialog the first tap opened.
  await expect(async () => {
    if (!(await dialog.isVisible())) {
      await page.getByRole('button', { name: label, exact: true }).click();
    }
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await dialog.getByLabel('Your password').fill(password);
  await dialog.getByRole('button', { name: `Sign: ${label.toLowerCase()}` }).click();
}
