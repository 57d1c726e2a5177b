import { test, expect } from '@playwright/test';
import { gotoHydrated, signedInAs } from './helpers';

// The faucet: lot-controlled, so its lots come with certificates.
const PART = '311-0001';
const TITLE = 'Certificate of conformance, lot L-E2E-DOC';
const PDF = Buffer.from('%PDF-1.7\n% certificate of conformance\n%%EOF\n');

test('a certificate uploaded to a part is listed, its next upload is version 2, and QC sees its download in the access log', async ({ browser }) => {
  const page = await signedInAs(browser, 'procurement@torvan.test');
  await gotoHydrated(page, `/inventory/parts/${PART}`);
  const documents = page.getByTestId('documents');

  // No file chosen, then a file that is not a document: each refused at the file.
  await documents.getByLabel('Title').fill(TITLE);
  await documents.getByRole('button', { name: 'Upload' }).click();
  await expect(documents.locator('.field-error[data-field="file"]')).toContainText('Choose the file');
  await documents.getByLabel('File').setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00\x03') });
  await documents.getByRole('button', { name: 'Upload' }).click();
  await expect(documents.locator('.field-error[data-field="file"]')).toContainText('not stored');

  await documents.getByLabel('File').setInputFiles({ name: 'coc.pdf', mimeType: 'application/pdf', buffer: PDF });
  await documents.getByRole('button', { name: 'Upload' }).click();
  const listed = documents.locator('li.document', { hasText: TITLE });
  await expect(listed.getByTestId('document-version')).toHaveText('version 1');

  // The same title again: version 2, version 1 kept.
  await documents.getByLabel('Title').fill(TITLE);
  await documents.getByLabel('File').setInputFiles({ name: 'coc-signed.pdf', mimeType: 'application/pdf', buffer: PDF });
  await documents.getByRole('button', { name: 'Upload' }).click();
  await expect(listed.getByTestId('document-version')).toHaveText('version 2');
  await expect(listed.getByText('Earlier versions (1)')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    listed.getByRole('link', { name: 'v2: coc-signed.pdf' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('coc-signed.pdf');

  // Procurement does not read the audit trail: no access log for them.
  await expect(listed.getByTestId('access-log')).toHaveCount(0);
  const qc = await signedInAs(browser, 'qc@torvan.test');
  await gotoHydrated(qc, `/inventory/parts/${PART}`);
  const log = qc.getByTestId('documents').locator('li.document', { hasText: TITLE }).getByTestId('access-log');
  await log.locator('summary').click();
  await expect(log.getByRole('row', { name: /Priya Natarajan/ })).toContainText('Download');
});
