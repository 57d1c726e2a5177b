import { test, expect, request as apiRequest, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../global-setup';

// These tests start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

const ROLES = [
  ['admin@torvan.test', 'Administrator'],
  ['coordinator@torvan.test', 'Production coordinator'],
  ['procurement@torvan.test', 'Procurement'],
  ['qc@torvan.test', 'QC inspector'],
  ['assembler@torvan.test', 'Assembler'],
  ['service@torvan.test', 'Service department'],
] as const;

const FAILED = /Sign-in failed: check your email and password/;

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function sessionCookie(page: Page) {
  return (await page.context().cookies()).find((cookie) => cookie.name === 'torvan_session');
}

for (const [email, role] of ROLES) {
  test(`${role} signs in and lands on the dashboard`, async ({ page }) => {
    await signIn(page, email, DEMO_PASSWORD);
    await expect(page).toHaveURL((url) => url.pathname === '/');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.locator('.user-menu')).toContainText(role);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(role === 'Administrator' ? 1 : 0);
  });
}

test('a signed-out visitor is sent to the sign-in page', async ({ page }) => {
  await page.goto('/orders');
  await expect(page).toHaveURL((url) => url.pathname === '/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a wrong password shows an error and sets no session', async ({ page }) => {
  await signIn(page, 'qc@torvan.test', 'not-the-right-password');
  await expect(page.getByRole('alert')).toHaveText(FAILED);
  await expect(page).toHaveURL((url) => url.pathname === '/login');
  expect(await sessionCookie(page)).toBeUndefined();
});

test('after five failures the account is locked, with the same message', async ({ page, baseURL }) => {
  const email = `locked.${Date.now()}@torvan.test`;
  const admin = await apiRequest.newContext({ baseURL, storageState: '.auth/admin.json', extraHTTPHeaders: { Origin: baseURL! } });
  const created = await admin.post('/api/admin/users/create', {
    form: { email, first_name: 'Lock', last_name: 'Test', role: 'ASSEMBLER', password: 'steel-basin-2026' },
  });
  expect(created.ok()).toBeTruthy();
  await admin.dispose();

  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, email, 'wrong-password-1');
    await expect(page.getByRole('alert')).toHaveText(FAILED);
  }
  await signIn(page, email, 'steel-basin-2026');
  await expect(page.getByRole('alert')).toHaveText(FAILED);
  await expect(page.getByRole('alert')).toContainText('locked for 15 minutes');
  expect(await sessionCookie(page)).toBeUndefined();
});

test('an assembler is refused the admin screen and the admin server functions', async ({ page, baseURL }) => {
  await signIn(page, 'assembler@torvan.test', DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === '/');

  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByText('You do not have permission to do that.')).toBeVisible();

  for (const endpoint of ['/api/admin/users/list', '/api/admin/users/unlock']) {
    const reply = await page.request.post(endpoint, {
      form: { user_id: '00000000-0000-4000-a000-000000000001' },
      headers: { Origin: baseURL! },
    });
    expect(reply.status(), endpoint).toBe(403);
  }
});

test('a cross-site POST is refused', async ({ page }) => {
  await signIn(page, 'coordinator@torvan.test', DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === '/');
  const reply = await page.request.post('/api/auth/sign-out', {
    headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
  });
  expect(reply.status()).toBe(403);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('signing out ends the session on the server', async ({ page, browser }) => {
  await signIn(page, 'procurement@torvan.test', DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === '/');
  const cookie = await sessionCookie(page);
  expect(cookie).toBeDefined();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/login');

  // The old cookie, replayed from elsewhere, no longer opens anything.
  const replay = await browser.newContext({ storageState: { cookies: [cookie!], origins: [] } });
  const other = await replay.newPage();
  await other.goto('/');
  await expect(other).toHaveURL((url) => url.pathname === '/login');
  await replay.close();
});

test('a user changes their own password', async ({ page, baseURL }) => {
  const email = `changer.${Date.now()}@torvan.test`;
  const admin = await apiRequest.newContext({ baseURL, storageState: '.auth/admin.json', extraHTTPHeaders: { Origin: baseURL! } });
  await admin.post('/api/admin/users/create', {
    form: { email, first_name: 'Pat', last_name: 'Changer', role: 'QC_PERSON', password: 'steel-basin-2026' },
  });
  await admin.dispose();

  // The administrator chose the password: the user lands on the page that changes it.
  await signIn(page, email, 'steel-basin-2026');
  await expect(page).toHaveURL((url) => url.pathname === '/account/password');
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await page.getByLabel('Current password').fill('steel-basin-2026');
  await page.getByLabel('New password', { exact: true }).fill('password1234');
  await page.getByLabel('Repeat the new password').fill('password1234');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('This password is too common.')).toBeVisible();

  await page.getByLabel('New password', { exact: true }).fill('brushed-steel-sink-9');
  await page.getByLabel('Repeat the new password').fill('brushed-steel-sink-9');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toContainText('Password changed');
});
