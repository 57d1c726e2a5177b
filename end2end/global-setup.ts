import { request, type FullConfig } from '@playwright/test';

export const DEMO_PASSWORD = 'torvan-demo-2026';
export const ADMIN_STATE = '.auth/admin.json';

/** Signs in once as the demo admin; tests reuse the session cookie. */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0].use.baseURL;
  const context = await request.newContext({ baseURL });
  const response = await context.post('/api/auth/sign-in', {
    form: { email: 'admin@torvan.test', password: DEMO_PASSWORD },
  });
  if (!response.ok()) {
    throw new Error(`demo admin sign-in failed: ${response.status()} ${await response.text()}`);
  }
  await context.storageState({ path: ADMIN_STATE });
  await context.dispose();
}
