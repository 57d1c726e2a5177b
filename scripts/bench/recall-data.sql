-- The recall benchmark's history (scripts/bench/recall, issue #17): :builds
-- more builds over two years (psql -v builds=100000), each issued stock from
-- lots as the app records it, and two lots a recall would ask about.
--
-- Orders ORD-2025-00001 … (:builds × 2 / 5 of them, in date order), each one
-- approved configuration of 1 to 4 units (2.5 on average, so :builds units)
-- over the four families and the demo customers, each with its approved BOM
-- (version 1). Older orders are delivered, the last ones still in the works.
-- Lots: :builds / 5 lots dealt over the demo catalogue's parts, each
-- received once (a RECEIVE naming the lot, as a receipt does).
-- Issues (ISSUE, reference BOM, append-only ledger rows as the stock service
-- writes them): a configuration of an even number issued its BOM from the
-- BOM's page, 25 lines naming a lot and no build (they went to every unit);
-- one of an odd number was issued by its tasks, 10 lines a unit naming the
-- unit. About 1,000,000 issue rows in all, each from another lot.
-- The recall's lots: lot RECALL-TARGET (a part's lot used in every 191st
-- configuration, about 500 units, a fifth of its issues returned in full, so
-- the query's net-of-returns rule drops them) and lot RECALL-BIG (every 19th
-- configuration, about 5,300 units: a lot of screws).
SET app.system_actor = 'seed-demo';

CREATE TEMPORARY TABLE recall_orders AS
SELECT n, md5('recall-bench:order:' || n)::uuid AS order_id,
       md5('recall-bench:configuration:' || n)::uuid AS configuration_id,
       md5('recall-bench:bom:' || n)::uuid AS bom_id,
       'ORD-2025-' || lpad(n::text, 5, '0') AS order_number,
       'TB-2025-' || lpad(n::text, 5, '0') || '-01' AS configuration_number,
       1 + n % 4 AS quantity,
       DATE '2025-01-01' + (n::bigint * 690 / (:builds * 2 / 5))::int AS order_date
FROM generate_series(1, :builds * 2 / 5) AS n;

CREATE TEMPORARY TABLE recall_units AS
SELECT r.n, u, md5('recall-bench:build:' || r.n || ':' || u)::uuid AS build_id,
       r.configuration_id, r.configuration_number || '-' || u AS build_number
FROM recall_orders r CROSS JOIN LATERAL generate_series(1, r.quantity) AS u;

-- The lots: 0 is RECALL-TARGET, 1 RECALL-BIG, the rest everyday lots.
CREATE TEMPORARY TABLE recall_lots AS
SELECT k, md5('recall-bench:lot:' || k)::uuid AS lot_id, p.id AS part_id,
       CASE k WHEN 0 THEN 'RECALL-TARGET' WHEN 1 THEN 'RECALL-BIG'
              ELSE 'L25-' || lpad(k::text, 6, '0') END AS lot_number
FROM generate_series(0, :builds / 5 - 1) AS k
JOIN (SELECT id, row_number() OVER (ORDER BY part_number) - 1 AS n, count(*) OVER () AS total
      FROM inventory.parts) p ON p.n = k % p.total;
CREATE UNIQUE INDEX ON recall_lots (k);
ANALYZE recall_lots;

-- The audited tables are written in transactions of `batch` orders (and
-- twice as many lots): their audit trigger moves the audit chain's head
-- once a row, and one transaction of 100,000 moves would scan every version
-- of the head it left before (quadratic). Run without psql's -1.
DO $$
DECLARE
    batch CONSTANT int := 250;
    last int := (SELECT max(n) FROM recall_orders);
    lots int := (SELECT max(k) FROM recall_lots);
BEGIN
    FOR lo IN 1..last BY batch LOOP
        INSERT INTO orders.orders (id, order_number, order_type, customer_id, customer_po_number, status,
                                   priority, order_date, requested_ship_date, promised_ship_date,
                                   actual_ship_date, created_by, subtotal, total_amount, created_at)
        SELECT r.order_id, r.order_number, 'PRODUCTION', c.id, 'PO-RECALL-' || r.n,
               CASE WHEN r.order_date < DATE '2026-10-01' THEN 'DELIVERED'
                    WHEN r.order_date < DATE '2026-11-01' THEN 'SHIPPED'
                    ELSE 'IN_PRODUCTION' END::order_status,
               (ARRAY['STANDARD', 'STANDARD', 'STANDARD', 'RUSH', 'EMERGENCY'])[1 + r.n % 5]::order_priority,
               r.order_date, r.order_date + 28, r.order_date + 28,
               CASE WHEN r.order_date < DATE '2026-11-01' THEN r.order_date + 25 END,
               '00000000-0000-4000-a000-000000000002', 6250 * r.quantity, 6250 * r.quantity,
               r.order_date + TIME '09:00'
        FROM recall_orders r
        JOIN (SELECT id, row_number() OVER (ORDER BY customer_number) - 1 AS k,
                     count(*) OVER () AS total FROM public.customers) c
          ON c.k = r.n % c.total
        WHERE r.n BETWEEN lo AND lo + batch - 1;

        INSERT INTO orders.order_sink_configurations (id, order_id, build_number, sink_family_id, quantity,
            configuration_status, configuration_price, approved_at, approved_by, created_by)
        SELECT r.configuration_id, r.order_id, r.configuration_number, f.id, r.quantity, 'APPROVED', 6250,
               r.order_date + TIME '10:00', '00000000-0000-4000-a000-000000000002',
               '00000000-0000-4000-a000-000000000002'
        FROM recall_orders r
        JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS total
              FROM products.sink_families) f ON f.k = r.n % f.total
        WHERE r.n BETWEEN lo AND lo + batch - 1;

        INSERT INTO orders.sink_builds (id, configuration_id, unit_number, build_number, created_at)
        SELECT u.build_id, u.configuration_id, u.u, u.build_number, r.order_date + TIME '10:00'
        FROM recall_units u JOIN recall_orders r ON r.n = u.n
        WHERE u.n BETWEEN lo AND lo + batch - 1;

        INSERT INTO orders.boms (id, order_id, configuration_id, version, generated_from, generation_method,
                                 total_parts_count, status, approved_by, approved_at, created_by, created_at)
        SELECT r.bom_id, r.order_id, r.configuration_id, 1, 'TEMPLATE', 'Recall benchmark', 25, 'APPROVED',
               '00000000-0000-4000-a000-000000000002', r.order_date + TIME '11:00',
               '00000000-0000-4000-a000-000000000002', r.order_date + TIME '10:30'
        FROM recall_orders r
        WHERE r.n BETWEEN lo AND lo + batch - 1;
        COMMIT;
    END LOOP;
    FOR lo IN 0..lots BY batch * 2 LOOP
        INSERT INTO inventory.stock_lots (id, part_id, lot_number, quantity_on_hand, received_at, created_by)
        SELECT lot_id, part_id, lot_number, 40, DATE '2025-01-01' + (k % 690) - 30 + TIME '08:00',
               '00000000-0000-4000-a000-000000000003'
        FROM recall_lots
        WHERE k BETWEEN lo AND lo + batch * 2 - 1;
        COMMIT;
    END LOOP;
END;
$$;

INSERT INTO inventory.stock_movements (part_id, movement_type, on_hand_change, allocated_change,
    on_hand_after, allocated_after, reference_type, reference_id, reason, created_by, created_at,
    lot_id)
SELECT part_id, 'RECEIVE', 2000, 0, 2000, 0, 'RECEIPT', 'PO-L-' || k, NULL,
       '00000000-0000-4000-a000-000000000003', DATE '2025-01-01' + (k % 690) - 30 + TIME '08:00',
       lot_id
FROM recall_lots;

-- The issues, in date order, so a lot's rows lie among everyone else's as
-- a year of issues leaves them. An everyday line's lot is one of lots 2 … .
-- The recall's lots: two of each issued; a fifth of RECALL-TARGET's issues
-- returned whole, an hour later.
CREATE TEMPORARY TABLE recall_issues AS
SELECT r.n, NULL::uuid AS build_id, NULL::text AS build_number, j,
       2 + (r.n::bigint * 31 + j * 7919) % (:builds / 5 - 2) AS k,
       'ISSUE' AS kind, -(1 + j % 4) AS change, TIME '12:00' + make_interval(mins => j) AS at
FROM recall_orders r CROSS JOIN generate_series(1, 25) AS j
WHERE r.n % 2 = 0
UNION ALL
SELECT u.n, u.build_id, u.build_number, j,
       2 + (u.n::bigint * 31 + u.u * 131 + j * 7919) % (:builds / 5 - 2),
       'ISSUE', -(1 + j % 4), TIME '12:00' + make_interval(mins => j)
FROM recall_units u CROSS JOIN generate_series(1, 10) AS j
WHERE u.n % 2 = 1
UNION ALL
SELECT r.n, u.build_id, u.build_number, 0, lot.k, m.kind, m.change, m.at
FROM recall_orders r
LEFT JOIN recall_units u ON u.n = r.n AND r.n % 2 = 1
CROSS JOIN LATERAL (VALUES (0, r.n % 191 = 7, r.n % 5 = 2), (1, r.n % 19 = 3, FALSE))
    lot(k, uses, returned)
CROSS JOIN LATERAL (VALUES ('ISSUE', -2, TIME '12:30'), ('RETURN', 2, TIME '13:30')) m(kind, change, at)
WHERE lot.uses AND (m.kind = 'ISSUE' OR lot.returned);

INSERT INTO inventory.stock_movements (part_id, movement_type, on_hand_change, allocated_change,
    on_hand_after, allocated_after, reference_type, reference_id, reason, created_by, created_at,
    lot_id, build_id)
SELECT l.part_id, i.kind::stock_movement_type, i.change, least(i.change, 0), 500, 0, 'BOM',
       r.bom_id::text,
       CASE WHEN i.build_id IS NOT NULL THEN 'Task ' || i.build_number || '-060' END,
       '00000000-0000-4000-a000-000000000005', r.order_date + i.at, l.lot_id, i.build_id
FROM recall_issues i
JOIN recall_orders r ON r.n = i.n
JOIN recall_lots l ON l.k = i.k
ORDER BY r.n, i.at, i.build_id, i.j;

SELECT (SELECT count(*) FROM orders.sink_builds) AS builds,
       (SELECT count(*) FROM orders.boms) AS boms,
       (SELECT count(*) FROM inventory.stock_lots) AS lots,
       (SELECT count(*) FROM inventory.stock_movements) AS movements,
       (SELECT count(*) FROM inventory.stock_movements WHERE lot_id IS NOT NULL) AS with_a_lot;
