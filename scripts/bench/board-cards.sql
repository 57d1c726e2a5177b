-- The cards of the boards benchmark: :cards open tasks (psql -v cards=500)
-- at WELDING, dealt over the units of the orders in production (card k to
-- unit k mod units, at step 500 + k div units, a step no demo route uses,
-- added to the unit's family's latest route). No card waits on another, so
-- every one may be started; a third are Luis Ortega's, the rest nobody's;
-- priorities and due dates vary as a real board's do.
SET app.system_actor = 'seed-demo';

CREATE TEMPORARY TABLE bench_cards AS
WITH units AS (
  SELECT b.id AS build_id, b.build_number, c.order_id, r.id AS route_id,
         row_number() OVER (ORDER BY b.build_number) - 1 AS n, count(*) OVER () AS total
  FROM orders.sink_builds b
  JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
  JOIN orders.orders o ON o.id = c.order_id
  JOIN LATERAL (SELECT id FROM workflow.routes WHERE sink_family_id = c.sink_family_id
                ORDER BY version DESC LIMIT 1) r ON TRUE
  WHERE o.status = 'IN_PRODUCTION'
)
SELECT k, u.build_id, u.order_id, u.route_id,
       (500 + k / u.total)::text AS step_code,
       u.build_number || '-' || (500 + k / u.total)::text AS task_number
FROM generate_series(0, :cards - 1) AS k
JOIN units u ON u.n = k % u.total;

INSERT INTO workflow.route_steps (route_id, step_code, title, task_type, work_center, estimate_formula)
SELECT DISTINCT route_id, step_code, 'Benchmark weld ' || step_code, 'ASSEMBLY'::task_type, 'WELDING', '30'
FROM bench_cards;

INSERT INTO workflow.tasks (order_id, build_id, route_step_id, step_code, title, task_type,
                            work_center, task_number, priority, due_date,
                            estimated_duration_minutes, assigned_to, created_by)
SELECT k.order_id, k.build_id, s.id, k.step_code, s.title, 'ASSEMBLY', 'WELDING', k.task_number,
       (ARRAY['LOW', 'MEDIUM', 'HIGH', 'URGENT'])[1 + k.k % 4]::task_priority,
       now() + make_interval(days => (k.k % 30)::int - 5), 30,
       CASE WHEN k.k % 3 = 0 THEN '00000000-0000-4000-a000-000000000005'::uuid END,
       '00000000-0000-4000-a000-000000000001'
FROM bench_cards k
JOIN workflow.route_steps s ON s.route_id = k.route_id AND s.step_code = k.step_code;
