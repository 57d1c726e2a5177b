-- TORVAN demo data (generated, deterministic, idempotent: every row has a fixed id
-- and every INSERT ends with ON CONFLICT DO NOTHING). Executed in name order in one
-- transaction.

-- The demo assembler works at the assembly benches.
UPDATE auth.users SET work_center = 'ASSEMBLY'
WHERE id = '00000000-0000-4000-a000-000000000005' AND work_center IS NULL;

-- Version 1 of every family's route (domain notes, "The shop floor"): cut and
-- form, weld, finish, passivate, frame, basins, pegboard if any, plumbing,
-- electrical for electric lift columns, pre-QC, final QC, crate, ship.
INSERT INTO workflow.routes (id, sink_family_id, version, notes, created_at, created_by)
SELECT md5('torvan-demo:route:' || f.code || ':1')::uuid, f.id, 1,
       'The shop''s standard route for ' || f.name || '.', '2026-08-01 09:00:00+00',
       '00000000-0000-4000-a000-000000000001'
FROM products.sink_families f
WHERE f.code IN ('ESR', 'SCRUB', 'DECON', 'LAB')
ON CONFLICT DO NOTHING;

INSERT INTO workflow.route_steps (id, route_id, step_code, title, task_type, work_center, condition,
                                  estimate_formula, work_instructions, required_tools, required_skills,
                                  inspection_required, approval_required, takes_unassigned_materials)
SELECT md5('torvan-demo:route-step:' || r.id || ':' || s.code)::uuid, r.id, s.code, s.title,
       s.task_type::task_type, s.work_center, s.condition, s.estimate, s.instructions,
       s.tools, s.skills, s.inspection, s.approval, s.materials
FROM workflow.routes r
CROSS JOIN (VALUES
    ('010', 'Cut and form sheet metal', 'ASSEMBLY', 'CUTTING', NULL,
     '45 + basin_count * 15', 'Cut the body, deck and basin blanks from the nesting drawing; form on the press brake.',
     ARRAY['Laser cutter', 'Press brake'], ARRAY['Press brake'], FALSE, FALSE, FALSE),
    ('020', 'Weld basins', 'ASSEMBLY', 'WELDING', NULL,
     '40 * basin_count', 'TIG-weld each basin; full penetration, back-purged seams.',
     ARRAY['TIG welder', 'Purge kit'], ARRAY['TIG welding'], FALSE, FALSE, FALSE),
    ('030', 'Weld body and deck', 'ASSEMBLY', 'WELDING', NULL,
     '60 + body.width / 2', 'Weld the deck to the body frame; check the diagonals before tacking.',
     ARRAY['TIG welder', 'Squares'], ARRAY['TIG welding'], FALSE, FALSE, FALSE),
    ('040', 'Grind and finish', 'ASSEMBLY', 'FINISHING', NULL,
     '30 + basin_count * 20', 'Grind welds flush and blend to the ordered finish.',
     ARRAY['Belt grinder', 'Scotch-Brite wheels'], ARRAY['Finishing'], FALSE, FALSE, FALSE),
    ('050', 'Passivate', 'ASSEMBLY', 'FINISHING', NULL,
     '45', 'Citric passivation per ASTM A967; record bath and time on the traveller.',
     ARRAY['Passivation tank'], ARRAY['Passivation'], FALSE, FALSE, FALSE),
    ('060', 'Frame and legs', 'ASSEMBLY', 'ASSEMBLY', NULL,
     '60', 'Assemble the frame, legs or brackets and cross-bracing; level the feet.',
     ARRAY['Torque wrench'], ARRAY['Assembly'], FALSE, FALSE, FALSE),
    ('070', 'Mount basins', 'ASSEMBLY', 'ASSEMBLY', NULL,
     '20 * basin_count', 'Mount the basins and fasteners; seal the joints.',
     ARRAY['Torque wrench', 'Sealant gun'], ARRAY['Assembly'], FALSE, FALSE, TRUE),
    ('080', 'Pegboard', 'ASSEMBLY', 'ASSEMBLY', 'pegboard.present = true',
     '40', 'Mount the pegboard brackets and the pegboard; fit the hangers.',
     ARRAY['Drill', 'Level'], ARRAY['Assembly'], FALSE, FALSE, FALSE),
    ('090', 'Plumbing', 'ASSEMBLY', 'PLUMBING', NULL,
     '30 + faucet_count * 20', 'Fit faucets, valves, drains and P-traps; pressure-test the lines.',
     ARRAY['Pipe wrench', 'Pressure gauge'], ARRAY['Plumbing'], FALSE, FALSE, FALSE),
    ('100', 'Electrical', 'ASSEMBLY', 'ELECTRICAL', 'legs.kind = ''ELECTRIC''',
     '90', 'Wire the lift columns, control box and cord; run the lift through its travel.',
     ARRAY['Multimeter', 'Crimper'], ARRAY['Electrical'], FALSE, FALSE, FALSE),
    ('110', 'Pre-QC inspection', 'INSPECTION', 'QC', NULL,
     '30 + basin_count * 10', 'Welds, basin dimensions, squareness, finish and the passivation record.',
     ARRAY['Tape measure', 'Square'], ARRAY['QC inspection'], TRUE, FALSE, FALSE),
    ('120', 'Final QC', 'QC', 'QC', NULL,
     '45 + basin_count * 15', 'Leak test, faucet flow, drains, lift travel, labels and photos.',
     ARRAY['Stopwatch', 'Thermometer'], ARRAY['QC inspection'], TRUE, FALSE, FALSE),
    ('130', 'Clean, label and crate', 'PACKAGING', 'SHIPPING', NULL,
     '60', 'Clean, fit the serial plate and labels, crate the unit; the supervisor approves the label.',
     ARRAY['Label printer'], ARRAY['Packing'], FALSE, TRUE, FALSE),
    ('140', 'Ship', 'SHIPPING', 'SHIPPING', NULL,
     '20', 'Load, attach the packing list and book the carrier.',
     ARRAY['Pallet jack'], ARRAY['Shipping'], FALSE, FALSE, FALSE)
) AS s(code, title, task_type, work_center, condition, estimate, instructions, tools, skills,
       inspection, approval, materials)
WHERE r.id IN (SELECT md5('torvan-demo:route:' || code || ':1')::uuid
               FROM unnest(ARRAY['ESR', 'SCRUB', 'DECON', 'LAB']) AS code)
ON CONFLICT DO NOTHING;

-- The links: mostly finish to start; the body is welded alongside the basins
-- (start to start, half an hour in), the frame waits two hours after
-- passivation to dry, and electrical starts alongside plumbing.
INSERT INTO workflow.route_step_predecessors (id, step_id, predecessor_code, dependency_type, lag_minutes)
SELECT md5('torvan-demo:route-link:' || st.id || ':' || l.before)::uuid, st.id, l.before, l.kind, l.lag
FROM workflow.route_steps st
JOIN (VALUES
    ('020', '010', 'FINISH_TO_START', 0),
    ('030', '020', 'START_TO_START', 30),
    ('040', '020', 'FINISH_TO_START', 0),
    ('040', '030', 'FINISH_TO_START', 0),
    ('050', '040', 'FINISH_TO_START', 0),
    ('060', '050', 'FINISH_TO_START', 120),
    ('070', '060', 'FINISH_TO_START', 0),
    ('080', '070', 'FINISH_TO_START', 0),
    ('090', '080', 'FINISH_TO_START', 0),
    ('100', '090', 'START_TO_START', 30),
    ('110', '090', 'FINISH_TO_START', 0),
    ('110', '100', 'FINISH_TO_START', 0),
    ('120', '110', 'FINISH_TO_START', 0),
    ('130', '120', 'FINISH_TO_START', 0),
    ('140', '130', 'FINISH_TO_START', 0)
) AS l(after, before, kind, lag) ON l.after = st.step_code
WHERE st.route_id IN (SELECT md5('torvan-demo:route:' || code || ':1')::uuid
                      FROM unnest(ARRAY['ESR', 'SCRUB', 'DECON', 'LAB']) AS code)
ON CONFLICT DO NOTHING;
