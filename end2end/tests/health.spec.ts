import { test, expect } from '@playwright/test';

test('GET /healthz answers 200', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
});

test('GET /readyz answers 200 while the database is up', async ({ request }) => {
  const response = await request.get('/readyz');
  expect(response.status()).toBe(200);
});

test('responses carry an x-request-id header', async ({ request }) => {
  for (const path of ['/healthz', '/']) {
    const response = await request.get(path);
    expect(response.status(), `${path} status`).toBe(200);
    const id = response.headers()['x-request-id'];
    expect(id, `x-request-id on ${path}`).toBeTruthy();
    expect(id!.trim().length, `x-request-id on ${path}`).toBeGreaterThan(0);
  }
});
