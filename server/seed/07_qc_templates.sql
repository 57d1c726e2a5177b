-- TORVAN demo data (generated, deterministic, idempotent: every row has a fixed id
-- and every INSERT ends with ON CONFLICT DO NOTHING). Executed in name order in one
-- transaction.

-- Version 1 of every family's pre-QC and final-QC checklist (domain notes,
-- "Quality control"). Final QC is reviewed by a second person.
INSERT INTO quality.checklist_templates (id, sink_family_id, phase, version, review_required, notes,
                                         created_at, created_by)
SELECT md5('torvan-demo:qc-template:' || f.code || ':' || p.phase || ':1')::uuid, f.id,
       p.phase::qc_phase, 1, p.phase = 'FINAL_QC',
       'The shop''s standard ' || lower(replace(p.phase, '_', '-')) || ' checks for ' || f.name || '.',
       '2026-08-01 09:00:00+00', '00000000-0000-4000-a000-000000000001'
FROM products.sink_families f
CROSS JOIN (VALUES ('PRE_QC'), ('FINAL_QC')) AS p(phase)
WHERE f.code IN ('ESR', 'SCRUB', 'DECON', 'LAB')
ON CONFLICT DO NOTHING;

-- Dimensions are read as the deviation from the drawing (nominal 0), in
-- millimetres: ±1.5 mm is the shop's ±1/16 in.
INSERT INTO quality.checklist_template_items
    (id, template_id, item_number, category, description, item_type, specification, nominal_value,
     tolerance_kind, tolerance_plus, tolerance_minus, unit, test_procedure, required_tools,
     photo_required, document_required, signature_required, is_required, condition, repeat_formula)
SELECT md5('torvan-demo:qc-template-item:' || t.id || ':' || i.number)::uuid, t.id, i.number,
       i.category, i.description, i.item_type::qc_item_type, i.specification, i.nominal,
       i.kind, i.plus, i.minus, i.unit, i.procedure, i.tools, i.photo, i.document, FALSE, i.required,
       i.condition, i.repeat
FROM quality.checklist_templates t
JOIN (VALUES
    ('PRE_QC', 1, 'Welds', 'Weld penetration and bead', 'VISUAL_INSPECTION',
     'Full penetration, even bead, no porosity, undercut or discoloration beyond the heat tint',
     NULL::numeric, NULL, NULL::numeric, NULL::numeric, NULL,
     'Inspect every seam from both sides under the inspection lamp.', ARRAY['Inspection lamp', 'Mirror'],
     FALSE, FALSE, TRUE, NULL, NULL),
    ('PRE_QC', 2, 'Dimensions', 'Basin {n} length against the drawing', 'MEASUREMENT',
     'Deviation from the drawing''s basin length', 0, 'SYMMETRIC', 1.5, NULL, 'mm',
     'Measure inside length at the rim; record the deviation from the drawing.', ARRAY['Tape measure'],
     FALSE, FALSE, TRUE, NULL, 'basin_count'),
    ('PRE_QC', 3, 'Dimensions', 'Basin {n} width against the drawing', 'MEASUREMENT',
     'Deviation from the drawing''s basin width', 0, 'SYMMETRIC', 1.5, NULL, 'mm',
     'Measure inside width at the rim; record the deviation from the drawing.', ARRAY['Tape measure'],
     FALSE, FALSE, TRUE, NULL, 'basin_count'),
    ('PRE_QC', 4, 'Body', 'Body squareness: difference between the diagonals', 'MEASUREMENT',
     'Diagonals equal within 3 mm', NULL, 'MAXIMUM', 3, NULL, 'mm',
     'Measure both top diagonals corner to corner; record the difference.', ARRAY['Tape measure', 'Square'],
     FALSE, FALSE, TRUE, NULL, NULL),
    ('PRE_QC', 5, 'Finish', 'Finish free of scratches and discoloration', 'VISUAL_INSPECTION',
     'The ordered finish, uniform, no scratches, no heat tint left', NULL, NULL, NULL, NULL, NULL,
     'Inspect all visible surfaces at arm''s length; photograph the deck.', ARRAY['Inspection lamp'],
     TRUE, FALSE, TRUE, NULL, NULL),
    ('PRE_QC', 6, 'Pegboard', 'Pegboard level and firmly mounted', 'VISUAL_INSPECTION',
     'Level within the spirit level''s bubble; no play at the brackets', NULL, NULL, NULL, NULL, NULL,
     'Check with the level; push each corner.', ARRAY['Level'],
     FALSE, FALSE, TRUE, 'pegboard.present = true', NULL),
    ('PRE_QC', 7, 'Documentation', 'Passivation record present', 'DOCUMENTATION',
     'Bath, temperature and time recorded on the traveller (ASTM A967)', NULL, NULL, NULL, NULL, NULL,
     'Check the traveller''s passivation entry is complete and signed.', ARRAY[]::text[],
     FALSE, TRUE, TRUE, NULL, NULL),
    ('FINAL_QC', 1, 'Leak test', 'Basin {n} water-fill hold without drips', 'MEASUREMENT',
     'Filled to the overflow, no drips at seams or drain', NULL, 'MINIMUM', NULL, 15, 'min',
     'Fill to the overflow; time until the first drip, or stop at 15 minutes.', ARRAY['Stopwatch'],
     FALSE, FALSE, TRUE, NULL, 'basin_count'),
    ('FINAL_QC', 2, 'Plumbing', 'Faucet flow and temperature', 'FUNCTIONAL_TEST',
     'Full flow at every faucet; hot and cold reach their sides', NULL, NULL, NULL, NULL, NULL,
     'Run each faucet for 30 seconds hot and cold.', ARRAY['Thermometer'],
     FALSE, FALSE, TRUE, NULL, NULL),
    ('FINAL_QC', 3, 'Plumbing', 'Drains empty freely', 'FUNCTIONAL_TEST',
     'Each basin drains without standing water', NULL, NULL, NULL, NULL, NULL,
     'Empty each basin after the leak test and watch the drain.', ARRAY[]::text[],
     FALSE, FALSE, TRUE, NULL, NULL),
    ('FINAL_QC', 4, 'Lift', 'Lift travel from lowest to highest position', 'MEASUREMENT',
     'At least 200 mm of travel', NULL, 'MINIMUM', NULL, 200, 'mm',
     'Run the lift to both ends; measure the deck height at each.', ARRAY['Tape measure'],
     FALSE, FALSE, TRUE, 'legs.kind = ''ELECTRIC''', NULL),
    ('FINAL_QC', 5, 'Lift', 'Emergency stop halts the lift', 'FUNCTIONAL_TEST',
     'The lift stops at once in both directions', NULL, NULL, NULL, NULL, NULL,
     'Press the stop while the lift moves up, then down.', ARRAY[]::text[],
     FALSE, FALSE, TRUE, 'legs.kind = ''ELECTRIC''', NULL),
    ('FINAL_QC', 6, 'Electrical', 'Electrical safety test', 'FUNCTIONAL_TEST',
     'Earth continuity and insulation resistance pass (IEC 60601-1 tester)', NULL, NULL, NULL, NULL, NULL,
     'Run the safety tester''s powered-unit sequence; attach its printout.', ARRAY['Safety tester'],
     FALSE, TRUE, TRUE, 'legs.kind = ''ELECTRIC''', NULL),
    ('FINAL_QC', 7, 'Labels', 'Serial plate and labels match the order', 'DOCUMENTATION',
     'Build number, model and ratings as on the order', NULL, NULL, NULL, NULL, NULL,
     'Compare the plate with the traveller; photograph it.', ARRAY[]::text[],
     TRUE, FALSE, TRUE, NULL, NULL),
    ('FINAL_QC', 8, 'Photos', 'Photo of the finished unit', 'VISUAL_INSPECTION',
     'Front three-quarter view, deck and basins visible', NULL, NULL, NULL, NULL, NULL,
     'Photograph the unit on the test stand.', ARRAY[]::text[],
     TRUE, FALSE, TRUE, NULL, NULL),
    ('FINAL_QC', 9, 'Packaging', 'Packaging inspection', 'VISUAL_INSPECTION',
     'Corners protected, crate braced, packing list attached', NULL, NULL, NULL, NULL, NULL,
     'Inspect the crate before it is closed.', ARRAY[]::text[],
     FALSE, FALSE, FALSE, NULL, NULL)
) AS i(phase, number, category, description, item_type, specification, nominal, kind, plus, minus, unit,
       procedure, tools, photo, document, required, condition, repeat)
    ON i.phase = t.phase::text
WHERE t.id IN (SELECT md5('torvan-demo:qc-template:' || code || ':' || phase || ':1')::uuid
               FROM unnest(ARRAY['ESR', 'SCRUB', 'DECON', 'LAB']) AS code
               CROSS JOIN unnest(ARRAY['PRE_QC', 'FINAL_QC']) AS phase)
ON CONFLICT DO NOTHING;
