-- The checklist benchmark's page (scripts/bench/checklist): the demo's
-- pre-QC checklist of TB-2026-0109-01-1 (six items) grows to :items items,
-- measurements and visual checks in turn, half of them recorded.
SET app.system_actor = 'seed-demo';

INSERT INTO quality.qc_checklist_items
    (checklist_id, item_number, category, description, item_type, specification, nominal_value,
     tolerance_kind, tolerance_plus, measurement_unit, test_procedure, required_tools, status)
SELECT c.id, n, 'Bench', 'Bench check ' || n,
       (CASE WHEN n % 2 = 0 THEN 'MEASUREMENT' ELSE 'VISUAL_INSPECTION' END)::qc_item_type,
       'A check of the benchmark', CASE WHEN n % 2 = 0 THEN 0 END,
       CASE WHEN n % 2 = 0 THEN 'SYMMETRIC' END, CASE WHEN n % 2 = 0 THEN 1.5 END,
       CASE WHEN n % 2 = 0 THEN 'mm' END, 'Look, measure, record.', ARRAY['Tape measure'], 'PENDING'
FROM quality.qc_checklists c
JOIN orders.sink_builds b ON b.id = c.build_id
CROSS JOIN generate_series((SELECT count(*) + 1 FROM quality.qc_checklist_items i
                            JOIN quality.qc_checklists k ON k.id = i.checklist_id
                            JOIN orders.sink_builds u ON u.id = k.build_id
                            WHERE u.build_number = 'TB-2026-0109-01-1' AND k.phase = 'PRE_QC')::int,
                           :items) AS n
WHERE b.build_number = 'TB-2026-0109-01-1' AND c.phase = 'PRE_QC';

WITH recorded AS (
    INSERT INTO quality.qc_results (id, item_id, round, result, value, unit, recorded_by)
    SELECT gen_random_uuid(), i.id, 1, 'PASS', i.nominal_value, i.measurement_unit,
           '00000000-0000-4000-a000-000000000004'
    FROM quality.qc_checklist_items i
    JOIN quality.qc_checklists c ON c.id = i.checklist_id
    JOIN orders.sink_builds b ON b.id = c.build_id
    WHERE b.build_number = 'TB-2026-0109-01-1' AND c.phase = 'PRE_QC' AND i.item_number % 2 = 0
    RETURNING id, item_id, value, unit, recorded_by, recorded_at)
UPDATE quality.qc_checklist_items i
SET status = 'PASSED', result_id = r.id, actual_value = r.value, actual_unit = r.unit,
    measured_by = r.recorded_by, measured_at = r.recorded_at
FROM recorded r WHERE r.item_id = i.id;
