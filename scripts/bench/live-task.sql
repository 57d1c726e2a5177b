-- The task the live-boards benchmark changes: step 999 (no demo route
-- uses it) at WELDING on the first unit of the order in production, on
-- its family's latest route (a version 1 is made when it has none).
SET app.system_actor = 'seed-demo';

INSERT INTO workflow.routes (sink_family_id, version, created_by)
SELECT c.sink_family_id, 1, '00000000-0000-4000-a000-000000000001'
FROM orders.sink_builds b JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
WHERE b.build_number = 'TB-2026-0110-01-1'
ON CONFLICT (sink_family_id, version) DO NOTHING;

INSERT INTO workflow.route_steps (route_id, step_code, title, task_type, work_center, estimate_formula)
SELECT r.id, '999', 'Benchmark step', 'ASSEMBLY', 'WELDING', '30'
FROM orders.sink_builds b
JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
JOIN LATERAL (SELECT id FROM workflow.routes WHERE sink_family_id = c.sink_family_id
              ORDER BY version DESC LIMIT 1) r ON TRUE
WHERE b.build_number = 'TB-2026-0110-01-1'
ON CONFLICT (route_id, step_code) DO NOTHING;

INSERT INTO workflow.tasks (order_id, build_id, route_step_id, step_code, title, task_type,
                            work_center, task_number, created_by)
SELECT c.order_id, b.id, s.id, '999', 'Benchmark step', 'ASSEMBLY', 'WELDING',
       'TB-2026-0110-01-1-999', '00000000-0000-4000-a000-000000000001'
FROM orders.sink_builds b
JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
JOIN LATERAL (SELECT id FROM workflow.routes WHERE sink_family_id = c.sink_family_id
              ORDER BY version DESC LIMIT 1) r ON TRUE
JOIN workflow.route_steps s ON s.route_id = r.id AND s.step_code = '999'
WHERE b.build_number = 'TB-2026-0110-01-1'
ON CONFLICT (build_id, step_code) DO NOTHING;
