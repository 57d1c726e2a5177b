import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

test('the admin creates a user, suspends and reactivates them', async ({ page }) => {
  const email = `new.assembler.${Date.now()}@torvan.test`;
  await gotoHydrated(page, '/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

  const form = page.getByRole('region', { name: 'New user' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('First name').fill('Rosa');
  await form.getByLabel('Last name').fill('Tanaka');
  await form.getByLabel('Role').selectOption('ASSEMBLER');
  await form.getByLabel('Initial password').fill('weld-bead-check-42');
  await form.getByRole('button', { name: 'Create user' }).click();

  const row = page.locator(`tr[data-email="${email}"]`);
  await expect(row).toContainText('Rosa Tanaka');
  await expect(row).toContainText('Active');

  await row.getByRole('button', { name: 'Suspend Rosa Tanaka' }).click();
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText('Suspended');
  await page.locator(`tr[data-email="${email}"]`).getByRole('button', { name: 'Reactivate Rosa Tanaka' }).click();
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText('Active');
});

test('a duplicate email is reported at the email field', async ({ page }) => {
  await gotoHydrated(page, '/admin/users');
  const form = page.getByRole('region', { name: 'New user' });
  await form.getByLabel('Email').fill('qc@torvan.test');
  await form.getByLabel('First name').fill('Second');
  await form.getByLabel('Last name').fill('Inspector');
  await form.getByLabel('Initial password').fill('weld-bead-check-42');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText('An account with this email already exists.')).toBeVisible();
});

test('the admin sees the database health the servers checked at start-up', async ({ page }) => {
  await gotoHydrated(page, '/admin/users');
  const health = page.getByRole('region', { name: 'Database health' });
  await expect(health.locator('tr[data-check="CONNECTIONS"]')).toContainText('connections in use');
  await expect(health.locator('tr[data-check="REPLICATION_LAG"]')).toContainText('No replicas.');
  await expect(health.locator('tr[data-check="DATABASE_SIZE"]')).toContainText('MB on disk.');
});

test('the admin sees what each retention policy does and what the last run did', async ({ page }) => {
  await gotoHydrated(page, '/admin/users');
  const retention = page.getByRole('region', { name: 'Data retention' });
  // The policies, then the run the servers made at start-up.
  await expect(retention.locator('tr[data-table="auth.user_sessions"]').first()).toContainText(
    'Archived to the file store, then removed.',
  );
  await expect(retention.locator('tr[data-table="orders.orders"]').first()).toContainText(
    'Kept: listed here for a person to decide.',
  );
  await expect(retention.getByTestId('last-retention-run')).toContainText('completed');
  await expect(retention.locator('tr[data-table="audit.audit_log"][data-action="REVIEW"]')).toBeVisible();
});
