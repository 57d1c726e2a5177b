import { test, expect } from '@playwright/test';
import type { Client } from 'pg';
import { db, gotoHydrated } from './helpers';

/**
 * The main pages on a 768 px shop-floor tablet held upright: nothing makes
 * the page scroll sideways (wide tables scroll inside their own box), and
 * every tap target is at least 44 px each way.
 */

const WIDTH = 768;
const TARGET = 44;

test.use({ viewport: { width: WIDTH, height: 1024 }, hasTouch: true, isMobile: true });

let client: Client;
let pages: string[] = [];

test.beforeAll(async () => {
  client = db();
  await client.connect();
  const { rows: [bom] } = await client.query(
    `SELECT o.order_number, c.build_number FROM orders.boms b
     JOIN orders.orders o ON o.id = b.order_id
     JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
     ORDER BY b.status = 'DRAFT' DESC, o.order_number LIMIT 1`,
  );
  const { rows: [customer] } = await client.query(
    'SELECT customer_number FROM public.customers ORDER BY customer_number LIMIT 1',
  );
  const { rows: [part] } = await client.query(
    `SELECT p.part_number FROM inventory.parts p
     WHERE EXISTS (SELECT 1 FROM orders.bom_items i WHERE i.part_id = p.id)
     ORDER BY p.part_number LIMIT 1`,
  );
  const { rows: [template] } = await client.query('SELECT id FROM products.bom_templates ORDER BY template_name LIMIT 1');
  const { rows: [task] } = await client.query(
    `SELECT task_number FROM workflow.tasks WHERE status = 'PENDING' AND task_type = 'ASSEMBLY'
     ORDER BY task_number LIMIT 1`,
  );
  const { rows: [checklist] } = await client.query(
    `SELECT b.build_number FROM quality.qc_checklists c JOIN orders.sink_builds b ON b.id = c.build_id
     WHERE c.phase = 'PRE_QC' ORDER BY b.build_number DESC LIMIT 1`,
  );
  const order = `/orders/${bom.order_number}`;
  const sink = `${order}/sinks/${bom.build_number}`;
  pages = [
    '/',
    '/orders',
    order,
    sink,
    `${sink}/bom`,
    '/customers',
    `/customers/${customer.customer_number}`,
    '/inventory',
    '/inventory/catalogue',
    '/inventory/reorder',
    '/inventory/transfer',
    `/inventory/parts/${part.part_number}`,
    `/inventory/parts/${part.part_number}/edit`,
    '/admin/bom-templates',
    `/admin/bom-templates/${template.id}`,
    '/admin/routes',
    '/admin/routes/LAB',
    '/admin/qc-templates',
    '/admin/qc-templates/ESR/final-qc',
    '/admin/users',
    '/admin/audit',
    `/tasks/${task.task_number}`,
    '/boards',
    '/boards/ASSEMBLY',
    `/boards/orders/${bom.order_number}`,
    '/qc',
    `/qc/${checklist.build_number}/pre-qc`,
  ];
});

test.afterAll(async () => {
  await client?.end();
});

test('no main page scrolls sideways and every tap target is at least 44 px on a 768 px tablet', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const path of pages) {
    await gotoHydrated(page, path);
    const found = await page.evaluate(({ target, screen }) => {
      const found: string[] = [];
      // A mobile browser widens its layout viewport to fit wide content, so
      // the page is measured against the screen, not the window.
      const width = document.documentElement.scrollWidth;
      if (width > screen) found.push(`the page is ${width} px wide`);
      const targets = document.querySelectorAll(
        'a[href], button, select, textarea, summary, input:not([type="hidden"])',
      );
      for (const element of targets) {
        // A checkbox is tapped through the label around it.
        const tapped = element.matches('input[type="checkbox"], input[type="radio"]')
          ? (element.closest('label') ?? element)
          : element;
        const box = tapped.getBoundingClientRect();
        const shown = box.width > 0 && box.height > 0 && box.right > 0 && getComputedStyle(tapped).visibility !== 'hidden';
        if (shown && (box.width < target || box.height < target)) {
          const name = (tapped.textContent ?? '').trim().slice(0, 30) || tapped.getAttribute('name') || tapped.id;
          found.push(`${tapped.tagName.toLowerCase()} "${name}" is ${Math.round(box.width)}×${Math.round(box.height)} px`);
        }
      }
      return found;
    }, { target: TARGET, screen: WIDTH });
    problems.push(...found.map((problem) => `${path}: ${problem}`));
  }
  expect(problems).toEqual([]);
});
