-- 10,000 more orders over two years for the order-list benchmark, each with one
-- approved sink, spread over every status, priority and demo customer, written
-- (and audited) as the demo coordinator: the audit trigger refuses a change
-- that names nobody.
SELECT set_config('app.current_user_id', '00000000-0000-4000-a000-000000000002', false);
INSERT INTO orders.orders (order_number, order_type, customer_id, customer_po_number, status,
                           priority, order_date, requested_ship_date, created_by, subtotal,
                           total_amount)
SELECT 'ORD-2025-' || lpad(n::text, 5, '0'), 'PRODUCTION', c.id, 'PO-BENCH-' || n,
       (ARRAY['PENDING', 'IN_PRODUCTION', 'PRE_QC', 'PRODUCTION_COMPLETE', 'FINAL_QC',
              'QC_COMPLETE', 'SHIPPED', 'DELIVERED'])[1 + n % 8]::order_status,
       (ARRAY['STANDARD', 'STANDARD', 'STANDARD', 'RUSH', 'EMERGENCY'])[1 + n % 5]::order_priority,
       DATE '2025-01-01' + n % 690, DATE '2025-01-01' + n % 690 + 28,
       '00000000-0000-4000-a000-000000000002', 5000 + n % 9000, 5000 + n % 9000
FROM generate_series(1, 10000) AS n
JOIN (SELECT id, row_number() OVER (ORDER BY customer_number) - 1 AS k FROM public.customers) c
  ON c.k = n % 4;

INSERT INTO orders.order_sink_configurations (order_id, build_number, sink_family_id, quantity,
    configuration_status, configuration_price, approved_at, approved_by)
SELECT o.id, 'TB-' || substr(o.order_number, 5) || '-01', f.id, 1 + length(o.order_number) % 3,
       'APPROVED', 6250, now(), '00000000-0000-4000-a000-000000000002'
FROM orders.orders o
CROSS JOIN (SELECT id FROM products.sink_families WHERE code = 'SCRUB') f
WHERE o.order_number LIKE 'ORD-2025-%';

-- What autovacuum would have done on a live database.
VACUUM ANALYZE orders.orders, orders.order_sink_configurations;
