import { test, expect, type Page } from '@playwright/test';
import type { Client } from 'pg';
import { db, gotoHydrated, queryCount } from './helpers';

let client: Client;

test.beforeAll(async () => {
  client = db();
  await client.connect();
});

test.afterAll(async () => {
  await client?.end();
});

const PAGES = [
  { link: 'Dashboard', path: '/' },
  { link: 'Orders', path: '/orders' },
  { link: 'Inventory', path: '/inventory' },
] as const;

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

/** Asserts that `current` is the page shown: URL, h1 and aria-current. */
async function expectOnPage(page: Page, current: (typeof PAGES)[number]) {
  await expect(page).toHaveURL((url) => url.pathname === current.path);
  await expect(page.getByRole('heading', { level: 1, name: current.link, exact: true })).toBeVisible();
  const nav = mainNav(page);
  for (const p of PAGES) {
    const link = nav.getByRole('link', { name: p.link, exact: true });
    await expect(link).toHaveCount(1);
    if (p === current) {
      await expect(link, `${p.link} link is current`).toHaveAttribute('aria-current', 'page');
    } else {
      await expect(link, `${p.link} link is not current`).not.toHaveAttribute('aria-current', 'page');
    }
  }
}

/** Data rows of the page's (first) table: rows with at least one <td>. */
function dataRows(page: Page) {
  return page.locator('table').first().locator('tr:has(td)');
}

test('the main navigation links lead to Orders, Inventory and back to the Dashboard', async ({ page }) => {
  await gotoHydrated(page, '/');
  await expectOnPage(page, PAGES[0]);

  for (const target of [PAGES[1], PAGES[2], PAGES[0]]) {
    await mainNav(page).getByRole('link', { name: target.link, exact: true }).click();
    await expectOnPage(page, target);
  }
});

test('the Orders page lists at most 50 orders', async ({ page }) => {
  const orders = await queryCount(client, 'SELECT count(*)::text AS n FROM orders.order_summary');
  await gotoHydrated(page, '/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders', exact: true })).toBeVisible();
  if (orders > 0) {
    await expect(page.locator('table').first()).toBeVisible();
  }
  await expect(dataRows(page)).toHaveCount(Math.min(50, orders));
});

test('the Inventory page lists at most 50 parts', async ({ page }) => {
  const parts = await queryCount(client, 'SELECT count(*)::text AS n FROM inventory.parts_availability');
  await gotoHydrated(page, '/inventory');
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory', exact: true })).toBeVisible();
  if (parts > 0) {
    await expect(page.locator('table').first()).toBeVisible();
  }
  await expect(dataRows(page)).toHaveCount(Math.min(50, parts));
});

test('header navigation touch targets are at least 44 px high on a 1280x800 tablet', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await gotoHydrated(page, '/');
  const targets = page.locator('header nav').locator('a, button');
  const n = await targets.count();
  expect(n, 'links and buttons in the header navigation').toBeGreaterThanOrEqual(PAGES.length);
  for (let i = 0; i < n; i++) {
    const target = targets.nth(i);
    const label = ((await target.textContent()) ?? '').trim() || `target #${i}`;
    const box = await target.boundingBox();
    expect(box, `${label} is rendered`).not.toBeNull();
    expect(box!.height, `${label} height`).toBeGreaterThanOrEqual(44);
  }
});
