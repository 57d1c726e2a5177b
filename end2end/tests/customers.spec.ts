import { test, expect } from '@playwright/test';
import { gotoHydrated } from './helpers';

test('a customer is created with an address and a contact', async ({ page }) => {
  await gotoHydrated(page, '/customers');
  await page.getByRole('link', { name: 'New customer' }).click();
  await page.getByLabel('Company name').fill('Riverside Veterinary Hospital');
  await page.getByLabel('Customer type').selectOption('VETERINARY');
  await page.getByRole('button', { name: 'Create customer' }).click();

  await expect(page).toHaveURL(/\/customers\/C-\d{5}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Riverside Veterinary Hospital');

  await page.getByLabel('Street', { exact: true }).fill('400 River Rd');
  await page.getByLabel('City').fill('Dubuque');
  await page.getByLabel('State or province').fill('IA');
  await page.getByLabel('Postal code').fill('52001');
  await page.getByLabel('Used for').selectOption('BOTH');
  await page.getByLabel('Default shipping address').check();
  await page.getByRole('button', { name: 'Add address' }).click();
  await expect(page.getByRole('region', { name: 'Addresses' })).toContainText('400 River Rd, Dubuque, IA 52001');

  await page.getByLabel('First name').fill('Nora');
  await page.getByLabel('Last name').fill('Quinn');
  await page.getByLabel('Email').fill('nora.quinn@');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.locator('.field-error[data-field="email"]')).toHaveText(
    'Enter an email address such as name@hospital.org.',
  );
  await page.getByLabel('Email').fill('nora.quinn@riverside-vet.example');
  await page.getByLabel('Primary contact').check();
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('region', { name: 'Contacts' })).toContainText('Nora Quinn');

  const address = page.locator('li[data-address]');
  await address.getByText('Edit', { exact: true }).click();
  await address.getByLabel('City').fill('');
  await address.getByRole('button', { name: 'Save address' }).click();
  await expect(address.locator('.field-error[data-field="city"]')).toBeVisible();
  await address.getByLabel('City').fill('Davenport');
  await address.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('region', { name: 'Addresses' })).toContainText('400 River Rd, Davenport, IA 52001');

  const contact = page.locator('li[data-contact]');
  await contact.locator('summary[aria-label="Edit contact Nora Quinn"]').click();
  await contact.getByLabel('Job title').fill('Practice manager');
  await contact.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('region', { name: 'Contacts' })).toContainText('Nora Quinn, Practice manager');
});

test('customers are found by name', async ({ page }) => {
  await gotoHydrated(page, '/customers?q=lakeside');
  await expect(page.locator('tr[data-customer]')).toHaveCount(1);
  await expect(page.locator('tr[data-customer="C-10002"]')).toContainText('Lakeside University Hospital');
});
