import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import type { Client } from 'pg';
import { DEMO_PASSWORD } from '../global-setup';
import { db, gotoHydrated } from './helpers';

/**
 * Every page of the router, visited as each of the six demo users: a page
 * shows a role no form, button or link the server would refuse, a page the
 * role may not use is the 403 page alone, and no page logs a console error
 * (a CSP violation among them). Which endpoints each role may call comes
 * from the permission table (`role-endpoints.json`, written and checked by
 * `server/tests/integration/permissions.rs`).
 */

test.use({ storageState: { cookies: [], origins: [] } });

interface RoleEndpoints {
  role: string;
  email: string;
  endpoints: string[];
}

const ROLES: RoleEndpoints[] = JSON.parse(readFileSync(resolve(__dirname, '../role-endpoints.json'), 'utf8')).roles;

/** Every route of `app/src/shell/mod.rs`, by the page component it shows. */
const ROUTES: Record<string, string> = {
  DashboardPage: '/',
  CustomersPage: '/customers',
  NewCustomerPage: '/customers/new',
  CustomerPage: '/customers/:customer',
  OrdersPage: '/orders',
  NewOrderPage: '/orders/new',
  OrderPage: '/orders/:order',
  SinkPage: '/orders/:order/sinks/:build',
  BomPage: '/orders/:order/sinks/:build/bom',
  BomPrintPage: '/orders/:order/sinks/:build/bom/print',
  InventoryPage: '/inventory',
  CataloguePage: '/inventory/catalogue',
  ReorderPage: '/inventory/reorder',
  TransferPage: '/inventory/transfer',
  GroupPage: '/inventory/catalogue/:level/:group',
  NewPartPage: '/inventory/parts/new',
  NewCustomPartPage: '/inventory/parts/new-custom',
  PartPage: '/inventory/parts/:part',
  EditPartPage: '/inventory/parts/:part/edit',
  TemplatesPage: '/admin/bom-templates',
  TemplatePage: '/admin/bom-templates/:template',
  RoutesPage: '/admin/routes',
  RoutePage: '/admin/routes/:family',
  QcTemplatesPage: '/admin/qc-templates',
  QcTemplatePage: '/admin/qc-templates/:family/:phase',
  SignInPage: '/login',
  ScanPage: '/scan',
  PasswordPage: '/account/password',
  UsersPage: '/admin/users',
  AuditPage: '/admin/audit',
  TaskPage: '/tasks/:task',
  BoardsPage: '/boards',
  MyBoardPage: '/boards/mine',
  OrderBoardPage: '/boards/orders/:order',
  WorkCenterBoardPage: '/boards/:work_center',
  ChecklistsPage: '/qc',
  ChecklistPage: '/qc/:unit/:phase',
  BuildRecordPage: '/builds/:unit',
  UnitLabelPage: '/builds/:unit/label',
  LotPage: '/inventory/lots/:lot',
  LotLabelPage: '/inventory/lots/:lot/label',
  PartLabelPage: '/inventory/parts/:part/label',
};

/** A real demo record for each parameter of the routes. */
async function demoIds(client: Client): Promise<Record<string, string>> {
  const one = async (sql: string) => {
    const { rows } = await client.query(sql);
    expect(rows.length, sql).toBe(1);
    return rows[0];
  };
  const bom = await one(
    `SELECT o.order_number, c.build_number FROM orders.boms b
     JOIN orders.orders o ON o.id = b.order_id
     JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
     ORDER BY b.status = 'DRAFT' DESC, o.order_number LIMIT 1`,
  );
  const customer = await one('SELECT customer_number FROM public.customers ORDER BY customer_number LIMIT 1');
  const part = await one('SELECT part_number FROM inventory.parts ORDER BY part_number LIMIT 1');
  const group = await one('SELECT id FROM inventory.categories ORDER BY code LIMIT 1');
  const template = await one('SELECT id FROM products.bom_templates ORDER BY template_name LIMIT 1');
  const task = await one(
    `SELECT task_number FROM workflow.tasks WHERE status = 'PENDING' AND task_type = 'ASSEMBLY'
     ORDER BY task_number LIMIT 1`,
  );
  const lot = await one('SELECT id FROM inventory.stock_lots ORDER BY lot_number, id LIMIT 1');
  const checklist = await one(
    `SELECT b.build_number FROM quality.qc_checklists c JOIN orders.sink_builds b ON b.id = c.build_id
     WHERE c.phase = 'PRE_QC' AND c.status = 'PENDING' ORDER BY b.build_number DESC LIMIT 1`,
  );
  return {
    unit: checklist.build_number,
    lot: lot.id,
    phase: 'pre-qc',
    order: bom.order_number,
    build: bom.build_number,
    customer: customer.customer_number,
    part: part.part_number,
    level: 'category',
    group: group.id,
    template: template.id,
    task: task.task_number,
    family: 'LAB',
    work_center: 'ASSEMBLY',
  };
}

/** The route pattern an address belongs to, static segments before parameters. */
function routeOf(path: string): string | undefined {
  const patterns = Object.values(ROUTES);
  const matches = (pattern: string) => {
    const want = pattern.split('/');
    const have = path.split('/');
    return want.length === have.length && want.every((part, i) => part.startsWith(':') || part === have[i]);
  };
  const staticCount = (pattern: string) => pattern.split('/').filter((part) => !part.startsWith(':')).length;
  return patterns.filter(matches).sort((a, b) => staticCount(b) - staticCount(a))[0];
}

/** What a page offers: its forms' targets, its links, and its main content. */
async function offered(page: Page) {
  return page.evaluate(() => {
    const path = (href: string) => new URL(href, location.href);
    const visible = (element: Element) => (element as HTMLElement).offsetParent !== null || element.closest('header');
    return {
      forms: [...document.querySelectorAll('form')].map((form) => ({
        action: path(form.getAttribute('action') ?? location.pathname).pathname,
        method: (form.getAttribute('method') ?? 'post').toLowerCase(),
      })),
      links: [...document.querySelectorAll('a[href]')]
        .filter(visible)
        .map((link) => path(link.getAttribute('href')!))
        .filter((url) => url.origin === location.origin && url.pathname !== location.pathname)
        .map((url) => url.pathname),
      mainParts: [...document.querySelectorAll('main > *')].map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
      mainButtons: document.querySelectorAll('main button, main input, main select, main textarea').length,
    };
  });
}

test('the visit covers every route of the router', () => {
  const shell = readFileSync(resolve(__dirname, '../../app/src/shell/mod.rs'), 'utf8');
  // `view=Page` or, for a page loaded with its route, `view={Lazy::<lazy::Page>::new()}`.
  const routed = [...shell.matchAll(/<Route[^>]*?view=\{?(?:Lazy::<(?:\w+::)*)?(\w+)/gs)].map((match) => match[1]).sort();
  expect(routed).toEqual(Object.keys(ROUTES).sort());
});

for (const role of ROLES) {
  test(`${role.role} is offered only what the permission table lets them use, and no page logs an error`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const client = db();
    await client.connect();
    const ids = await demoIds(client).finally(() => client.end());

    const signIn = await page.request.post('/api/auth/sign-in', { form: { email: role.email, password: DEMO_PASSWORD } });
    expect(signIn.ok(), `${role.email} signs in`).toBeTruthy();

    let errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(error.message));

    const problems: string[] = [];
    const refused = new Map<string, boolean>();
    const links = new Map<string, string>();

    for (const pattern of Object.values(ROUTES)) {
      const path = pattern.replace(/:(\w+)/g, (_, name: string) => ids[name]);
      errors = [];
      const response = await gotoHydrated(page, path);
      const status = response?.status() ?? 0;
      const forbidden = status === 403;
      refused.set(pattern, forbidden);
      const seen = await offered(page);
      const noAccess = await page.getByRole('heading', { level: 1, name: 'No access' }).count();

      if (forbidden) {
        if (seen.mainParts.join() !== 'section.message-page' || seen.mainButtons > 0) {
          problems.push(`${path}: a refused page shows more than the 403 page: ${seen.mainParts.join(', ')}`);
        }
        // The browser reports the 403 of the page itself.
        errors = errors.filter((error) => !error.includes('status of 403'));
      } else if (noAccess > 0) {
        problems.push(`${path}: shows "No access" with status ${status} instead of 403`);
      }
      for (const form of seen.forms) {
        if (form.method === 'get') {
          links.set(form.action, path);
        } else if (!role.endpoints.includes(form.action)) {
          problems.push(`${path}: a form posts to ${form.action}, which ${role.role} may not call`);
        }
      }
      for (const link of seen.links) links.set(link, path);
      for (const error of errors) problems.push(`${path}: console error: ${error}`);
    }

    for (const [link, from] of links) {
      const pattern = routeOf(link);
      if (pattern !== undefined) {
        if (refused.get(pattern)) problems.push(`${from}: links to ${link}, which ${role.role} may not use`);
      } else {
        const reply = await page.request.get(link, { maxRedirects: 0 });
        if ([401, 403].includes(reply.status())) {
          problems.push(`${from}: links to ${link}, which answers ${role.role} ${reply.status()}`);
        }
      }
    }

    expect(problems).toEqual([]);
  });
}
