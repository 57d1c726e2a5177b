import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

// The administrator knows the password they chose for a new account, so the
// user must choose their own before the app opens for them.
test('a new user changes the password the admin chose before reaching the dashboard', async ({ page, browser }) => {
  const email = `forced.change.${Date.now()}@torvan.test`;
  const chosenByAdmin = 'weld-bead-check-42';
  await gotoHydrated(page, '/admin/users');
  const form = page.getByRole('region', { name: 'New user' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('First name').fill('Ines');
  await form.getByLabel('Last name').fill('Forde');
  await form.getByLabel('Role').selectOption('QC_PERSON');
  await form.getByLabel('Initial password').fill(chosenByAdmin);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText('Ines Forde');

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const user = await context.newPage();
  await gotoHydrated(user, '/login');
  await user.getByLabel('Email').fill(email);
  await user.getByLabel('Password').fill(chosenByAdmin);
  await user.getByRole('button', { name: 'Sign in' }).click();
  await expect(user).toHaveURL((url) => url.pathname === '/account/password');

  // Every other page sends them back until they have changed it.
  await user.goto('/orders');
  await expect(user).toHaveURL((url) => url.pathname === '/account/password');

  await expect(user.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await user.getByLabel('Current password').fill(chosenByAdmin);
  await user.getByLabel('New password', { exact: true }).fill('copper-drain-valve-31');
  await user.getByLabel('Repeat the new password').fill('copper-drain-valve-31');
  await user.getByRole('button', { name: 'Change password' }).click();
  await expect(user.getByRole('status')).toContainText('Password changed');

  await gotoHydrated(user, '/');
  await expect(user).toHaveURL((url) => url.pathname === '/');
  await expect(user.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await context.close();
});

test('the users screen offers no password reset for the admin looking at it', async ({ page }) => {
  await gotoHydrated(page, '/admin/users');
  const own = page.locator('tr[data-email="admin@torvan.test"]');
  await expect(own).toContainText('Dana Whitfield');
  await expect(own.getByRole('button', { name: /Reset password/ })).toHaveCount(0);
  await expect(
    page.locator('tr[data-email="qc@torvan.test"]').getByRole('button', { name: 'Reset password of Helen Kowalski' }),
  ).toHaveCount(1);
});
