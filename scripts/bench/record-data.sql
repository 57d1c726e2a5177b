-- The production record benchmark's build (scripts/bench/record, issue
-- #17): the demo's TB-2026-0101-01-1 (delivered) grows to a record of
-- :bom_lines BOM lines, :tasks tasks and a pre-QC checklist of :items items,
-- every one recorded, with :photos photos (psql -v bom_lines=1000 -v tasks=30
-- -v items=60 -v photos=20).
--
-- BOM: its configuration's approved version gets sub-assemblies of one
--   phantom line and nine parts each (line 10000 + k, after the demo's
--   lines), until it holds :bom_lines lines, over the demo catalogue.
-- Tasks: steps 500, 501, … added to the family's route (as board-cards.sql
--   does), done by Luis Ortega, one time entry each, until the unit has
--   :tasks tasks.
-- QC: items added to the pre-QC checklist, measurements and visual checks in
--   turn, all passed; :photos photos on its first items, each a
--   `files.documents` row and a `quality.qc_photos` row as the upload route
--   writes them (the objects themselves are not stored: the record links
--   the thumbnails, it does not read them).
SET app.system_actor = 'seed-demo';

CREATE TEMPORARY TABLE bench_unit AS
SELECT b.id AS build_id, b.build_number, c.id AS configuration_id, c.order_id,
       c.sink_family_id, bom.id AS bom_id,
       (SELECT id FROM workflow.routes r WHERE r.sink_family_id = c.sink_family_id
        ORDER BY version DESC LIMIT 1) AS route_id,
       (SELECT k.id FROM quality.qc_checklists k
        WHERE k.build_id = b.id AND k.phase = 'PRE_QC') AS checklist_id
FROM orders.sink_builds b
JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
JOIN orders.boms bom ON bom.configuration_id = c.id AND bom.status = 'APPROVED'
WHERE b.build_number = 'TB-2026-0101-01-1';

-- The BOM: line k of the new ones is a phantom sub-assembly when k % 10 = 1,
-- else a part under the sub-assembly before it.
CREATE TEMPORARY TABLE bench_lines AS
WITH have AS (
    SELECT count(*) AS lines, max(i.sort_order) AS last_sort
    FROM orders.bom_items i JOIN bench_unit u ON i.bom_id = u.bom_id),
parts AS (
    SELECT id, coalesce(standard_cost, 0) AS unit_cost,
           row_number() OVER (ORDER BY part_number) - 1 AS n, count(*) OVER () AS total
    FROM inventory.parts)
SELECT k, 10000 + k AS line_number, have.last_sort + k AS sort_order, k % 10 = 1 AS phantom,
       md5('record-bench:bom-line:' || k)::uuid AS id,
       md5('record-bench:bom-line:' || (k - (k - 1) % 10))::uuid AS parent_id,
       p.id AS part_id, p.unit_cost
FROM have
CROSS JOIN generate_series(1, greatest(:bom_lines - have.lines, 0)) AS k
JOIN parts p ON p.n = k % p.total;

INSERT INTO orders.bom_items (id, bom_id, line_number, part_id, level, sort_order,
                              quantity_required, quantity_per_assembly, unit_cost, is_phantom,
                              is_whole_units, description)
SELECT l.id, u.bom_id, l.line_number, NULL, 1, l.sort_order, 1, 1, 0, TRUE, TRUE,
       'Bench sub-assembly ' || (l.k / 10 + 1)
FROM bench_lines l CROSS JOIN bench_unit u WHERE l.phantom;

INSERT INTO orders.bom_items (id, bom_id, line_number, part_id, parent_item_id, level,
                              sort_order, quantity_required, quantity_per_assembly, unit_cost,
                              is_whole_units, route_step)
SELECT l.id, u.bom_id, l.line_number, l.part_id, l.parent_id, 2, l.sort_order,
       1 + l.k % 4, 1 + l.k % 4, l.unit_cost, TRUE, '060'
FROM bench_lines l CROSS JOIN bench_unit u WHERE NOT l.phantom;

-- The tasks.
CREATE TEMPORARY TABLE bench_steps AS
SELECT (500 + k)::text AS step_code, k
FROM generate_series(0, greatest(:tasks - (SELECT count(*) FROM workflow.tasks t
                                           JOIN bench_unit u ON t.build_id = u.build_id), 0) - 1) AS k;

INSERT INTO workflow.route_steps (route_id, step_code, title, task_type, work_center, estimate_formula)
SELECT u.route_id, s.step_code, 'Benchmark step ' || s.step_code, 'ASSEMBLY'::task_type,
       (ARRAY['CUTTING', 'WELDING', 'FINISHING', 'ASSEMBLY', 'PLUMBING', 'ELECTRICAL'])[1 + s.k % 6], '30'
FROM bench_steps s CROSS JOIN bench_unit u
ON CONFLICT (route_id, step_code) DO NOTHING;

INSERT INTO workflow.tasks (order_id, build_id, route_step_id, step_code, title, task_type,
                            work_center, task_number, status, priority, estimated_duration_minutes,
                            assigned_to, started_at, completed_at, created_by)
SELECT u.order_id, u.build_id, r.id, s.step_code, r.title, 'ASSEMBLY', r.work_center,
       u.build_number || '-' || s.step_code, 'COMPLETED', 'MEDIUM', 30,
       '00000000-0000-4000-a000-000000000005',
       TIMESTAMPTZ '2026-08-24 12:00+00' + make_interval(hours => s.k::int),
       TIMESTAMPTZ '2026-08-24 12:40+00' + make_interval(hours => s.k::int),
       '00000000-0000-4000-a000-000000000001'
FROM bench_steps s CROSS JOIN bench_unit u
JOIN workflow.route_steps r ON r.route_id = u.route_id AND r.step_code = s.step_code;

INSERT INTO workflow.task_time_entries (task_id, user_id, start_time, end_time, duration_minutes,
                                        activity_type, is_complete)
SELECT t.id, '00000000-0000-4000-a000-000000000005', t.started_at, t.completed_at, 40, 'WORK', TRUE
FROM workflow.tasks t JOIN bench_unit u ON t.build_id = u.build_id
WHERE t.step_code IN (SELECT step_code FROM bench_steps);

-- The checklist: items after the demo's, then a result for each.
INSERT INTO quality.qc_checklist_items
    (checklist_id, item_number, category, description, item_type, specification, nominal_value,
     tolerance_kind, tolerance_plus, measurement_unit, test_procedure, required_tools, status)
SELECT u.checklist_id, n, 'Bench', 'Bench check ' || n,
       (CASE WHEN n % 2 = 0 THEN 'MEASUREMENT' ELSE 'VISUAL_INSPECTION' END)::qc_item_type,
       'A check of the benchmark', CASE WHEN n % 2 = 0 THEN 0 END,
       CASE WHEN n % 2 = 0 THEN 'SYMMETRIC' END, CASE WHEN n % 2 = 0 THEN 1.5 END,
       CASE WHEN n % 2 = 0 THEN 'mm' END, 'Look, measure, record.', ARRAY['Tape measure'], 'PENDING'
FROM bench_unit u
CROSS JOIN generate_series((SELECT count(*) + 1 FROM quality.qc_checklist_items i
                            JOIN bench_unit k ON k.checklist_id = i.checklist_id)::int,
                           :items) AS n;

WITH recorded AS (
    INSERT INTO quality.qc_results (id, item_id, round, result, value, unit, recorded_by, recorded_at)
    SELECT gen_random_uuid(), i.id, 1, 'PASS', i.nominal_value, i.measurement_unit,
           '00000000-0000-4000-a000-000000000004', TIMESTAMPTZ '2026-08-24 02:00+00'
    FROM quality.qc_checklist_items i JOIN bench_unit u ON u.checklist_id = i.checklist_id
    WHERE i.result_id IS NULL
    RETURNING id, item_id, value, unit, recorded_by, recorded_at)
UPDATE quality.qc_checklist_items i
SET status = 'PASSED', result_id = r.id, actual_value = r.value, actual_unit = r.unit,
    measured_by = r.recorded_by, measured_at = r.recorded_at
FROM recorded r WHERE r.item_id = i.id;

-- The photos, one on each of the first :photos items.
CREATE TEMPORARY TABLE bench_photos AS
SELECT md5('record-bench:photo:' || i.item_number)::uuid AS id,
       md5('record-bench:document:' || i.item_number)::uuid AS document_id,
       i.id AS item_id, u.checklist_id, i.item_number,
       encode(sha256(convert_to('record-bench:photo:' || i.item_number, 'UTF8')), 'hex') AS checksum
FROM quality.qc_checklist_items i JOIN bench_unit u ON u.checklist_id = i.checklist_id
WHERE i.item_number <= :photos;

INSERT INTO files.documents (id, filename, original_filename, file_extension, mime_type,
                             file_size_bytes, checksum_sha256, storage_provider, bucket_name,
                             object_key, document_type, dimensions, status, uploaded_by)
SELECT p.document_id, p.id || '.jpg', p.id || '.jpg', 'jpg', 'image/jpeg', 1843200, p.checksum,
       'S3', 'torvan', 'qc-photos/' || p.checklist_id || '/' || p.id || '.jpg', 'QC_PHOTO',
       jsonb_build_object('width', 2560, 'height', 1920), 'ACTIVE',
       '00000000-0000-4000-a000-000000000004'
FROM bench_photos p;

INSERT INTO quality.qc_photos (id, checklist_id, checklist_item_id, document_id, filename,
                               original_filename, file_size_bytes, mime_type, width_pixels,
                               height_pixels, object_key, thumbnail_key, checksum_sha256,
                               taken_by, taken_at)
SELECT p.id, p.checklist_id, p.item_id, p.document_id, p.id || '.jpg', p.id || '.jpg', 1843200,
       'image/jpeg', 2560, 1920, 'qc-photos/' || p.checklist_id || '/' || p.id || '.jpg',
       'qc-photos/' || p.checklist_id || '/' || p.id || '-thumb.jpg', p.checksum,
       '00000000-0000-4000-a000-000000000004',
       TIMESTAMPTZ '2026-08-24 02:00+00' + make_interval(mins => p.item_number)
FROM bench_photos p;

-- What the record now holds.
SELECT (SELECT count(*) FROM orders.bom_items i JOIN bench_unit u ON i.bom_id = u.bom_id) AS bom_lines,
       (SELECT count(*) FROM workflow.tasks t JOIN bench_unit u ON t.build_id = u.build_id) AS tasks,
       (SELECT count(*) FROM quality.qc_checklist_items i
        JOIN bench_unit u ON u.checklist_id = i.checklist_id) AS pre_qc_items,
       (SELECT count(*) FROM quality.qc_photos p
        JOIN bench_unit u ON u.checklist_id = p.checklist_id) AS photos;
