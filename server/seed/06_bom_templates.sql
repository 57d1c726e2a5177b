-- BOM templates: one per configurable family, the same lines for all four,
-- with formulas, include conditions, part-number patterns taken from the
-- options chosen, three levels and phantom groups. Accessory lines come from
-- each family's accessory options. Idempotent like every demo file.
INSERT INTO products.bom_templates (id, sink_family_id, template_name, description, configuration_rules, version, is_active, priority, created_at, updated_at, created_by)
SELECT md5('torvan-demo:bom-template:' || f.code)::uuid, f.id, 'Standard ' || f.name,
       'Body, basins and drains, support, pegboard, water supply, accessories and fasteners.',
       '', '1.0', TRUE, 100, '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00',
       '00000000-0000-4000-a000-000000000001'
FROM products.sink_families f
WHERE f.is_configurable
ON CONFLICT DO NOTHING;

WITH lines (line, parent, level, part, pattern, formula, base, cond, scrap, phantom, description) AS (VALUES
(100, NULL, 1, NULL, NULL, NULL, 1, NULL, 0, TRUE, 'Body weldment'),
(110, 100, 2, '111-0001', NULL, NULL, 1, 'body.width <= 48 and body.material = ''304''', 0.02, FALSE, 'Deck panel'),
(111, 100, 2, '111-0002', NULL, NULL, 1, 'body.width > 48 and body.width <= 60 and body.material = ''304''', 0.02, FALSE, 'Deck panel'),
(112, 100, 2, '111-0003', NULL, NULL, 1, 'body.width > 60 and body.width <= 72 and body.material = ''304''', 0.02, FALSE, 'Deck panel'),
(113, 100, 2, '111-0005', NULL, 'ceil(body.width / 96)', 1, 'body.width > 72 and body.material = ''304''', 0.02, FALSE, 'Deck panel'),
(114, 100, 2, '111-0004', NULL, 'ceil(body.width / 72)', 1, 'body.material = ''316L''', 0.02, FALSE, 'Deck panel, 316L'),
(120, 100, 2, '111-0006', NULL, 'ceil(body.width / 72)', 1, 'body.mounting != ''ISLAND''', 0, FALSE, 'Backsplash'),
(130, 100, 2, '112-0001', NULL, 'ceil(body.width / 72)', 1, NULL, 0, FALSE, 'Front apron'),
(140, 100, 2, '112-0002', NULL, NULL, 2, NULL, 0, FALSE, 'Side panels'),
(150, 100, 2, '112-0003', NULL, 'ceil(body.width / 24)', 1, NULL, 0, FALSE, 'Under-deck stiffeners'),
(160, 100, 2, '112-0004', NULL, NULL, 4, NULL, 0.05, FALSE, 'Corner gussets'),
(170, 100, 2, '112-0005', NULL, 'ceil(body.width * 2 / 72)', 1, 'body.mounting = ''ISLAND''', 0, FALSE, 'Marine edge, all sides'),
(200, NULL, 1, NULL, NULL, NULL, 1, NULL, 0, TRUE, 'Basins and drains'),
(210, 200, 2, '211-0002', NULL, 'basin_count', 1, 'family != ''SCRUB'' and body.material = ''304''', 0, FALSE, 'Basins'),
(211, 200, 2, '211-0004', NULL, 'basin_count', 1, 'family != ''SCRUB'' and body.material = ''316L''', 0, FALSE, 'Basins, 316L'),
(212, 200, 2, '212-0001', NULL, 'basin_count', 1, 'family = ''SCRUB''', 0, FALSE, 'Scrub troughs'),
(220, 200, 2, '221-0001', NULL, 'basin_count', 1, NULL, 0, FALSE, 'Drain bodies'),
(221, 200, 2, '221-0002', NULL, 'basin_count', 1, NULL, 0, FALSE, 'Basket strainers'),
(222, 200, 2, '221-0005', NULL, 'basin_count', 1, NULL, 0.1, FALSE, 'Drain gaskets'),
(230, 200, 2, NULL, '{drain.part}', 'basin_count', 1, NULL, 0, FALSE, 'Drain, as chosen'),
(240, 200, 2, '321-0003', NULL, 'basin_count', 1, NULL, 0, FALSE, 'Tailpieces'),
(241, 200, 2, '321-0005', NULL, 'basin_count', 1, NULL, 0, FALSE, 'P-traps'),
(250, 200, 2, '222-0001', NULL, 'basin_count - 1', 1, 'family = ''ESR'' and basin_count >= 2', 0, FALSE, 'Leak-test dividers between basins'),
(300, NULL, 1, NULL, NULL, NULL, 1, NULL, 0, TRUE, 'Support'),
(310, 300, 2, NULL, '{legs.part}', 'if(legs.kind = ''WALL_BRACKETS'', 2, if(legs.adjustable, 2, if(body.width > 72, 6, 4)))', 1, NULL, 0, FALSE, 'Legs, lift columns or wall brackets, as chosen'),
(320, 300, 2, '121-0003', NULL, 'if(body.width > 72, 6, 4)', 1, 'legs.kind = ''FIXED''', 0, FALSE, 'Adjustable feet'),
(321, 300, 2, '121-0004', NULL, 'if(body.width > 72, 6, 4)', 1, 'legs.kind = ''FIXED''', 0, FALSE, 'Leg socket gussets'),
(322, 300, 2, '121-0001', NULL, NULL, 4, 'legs.kind = ''CASTERS''', 0, FALSE, 'Leg tubes for casters'),
(330, 300, 2, '123-0001', NULL, 'ceil(body.width / 60)', 1, 'not legs.adjustable and legs.kind != ''WALL_BRACKETS''', 0, FALSE, 'Cross braces'),
(331, 300, 2, '123-0003', NULL, 'ceil(body.width / 60) * 2', 1, 'not legs.adjustable and legs.kind != ''WALL_BRACKETS''', 0, FALSE, 'Cross-brace clamps'),
(340, 300, 2, '122-0003', NULL, NULL, 1, 'legs.kind = ''CRANK''', 0, FALSE, 'Crank handle'),
(341, 300, 2, '122-0004', NULL, NULL, 1, 'legs.adjustable', 0, FALSE, 'Synchronizing shaft'),
(350, 300, 2, NULL, NULL, NULL, 1, 'legs.kind = ''ELECTRIC''', 0, TRUE, 'Lift electrics'),
(351, 350, 3, '411-0001', NULL, NULL, 1, NULL, 0, FALSE, 'Lift control box'),
(352, 350, 3, '411-0002', NULL, NULL, 1, NULL, 0, FALSE, 'Up/down hand switch'),
(353, 350, 3, '411-0007', NULL, NULL, 1, NULL, 0, FALSE, 'Power supply'),
(354, 350, 3, '411-0003', NULL, NULL, 1, NULL, 0, FALSE, 'Emergency stop'),
(355, 350, 3, '411-0005', NULL, NULL, 2, NULL, 0, FALSE, 'Motor extension cables'),
(360, 300, 2, '521-0002', NULL, NULL, 8, 'legs.kind = ''WALL_BRACKETS''', 0.1, FALSE, 'Wedge anchors'),
(400, NULL, 1, NULL, NULL, NULL, 1, 'pegboard.present', 0, TRUE, 'Pegboard'),
(410, 400, 2, NULL, '{pegboard.part}', NULL, 1, 'not pegboard.is_custom', 0, FALSE, 'Standard pegboard'),
(420, 400, 2, '131-0003', NULL, 'ceil(pegboard_area / 2160)', 1, 'pegboard.is_custom', 0.15, FALSE, 'Custom pegboard, cut from 60 x 36 in sheets'),
(430, 400, 2, '132-0002', NULL, NULL, 2, NULL, 0, FALSE, 'Pegboard uprights'),
(440, 400, 2, '132-0003', NULL, 'ceil(pegboard_area / 144)', 1, NULL, 0, FALSE, 'Pegboard hooks, one per square foot'),
(450, 400, 2, '132-0004', NULL, NULL, 6, 'family = ''ESR''', 0, FALSE, 'Scope hanger hooks'),
(500, NULL, 1, NULL, NULL, NULL, 1, NULL, 0, TRUE, 'Faucets and water supply'),
(510, 500, 2, NULL, '{faucet.part}', 'faucet_count', 1, NULL, 0, FALSE, 'Faucets, as chosen'),
(520, 500, 2, '322-0001', NULL, 'faucet_count * 2', 1, NULL, 0, FALSE, 'Supply hoses'),
(530, 500, 2, '312-0006', NULL, 'faucet_count * 2', 1, NULL, 0, FALSE, 'Angle supply stops'),
(540, 500, 2, '312-0001', NULL, NULL, 1, 'family = ''SCRUB'' or family = ''ESR''', 0, FALSE, 'Thermostatic mixing valve'),
(550, 500, 2, '421-0001', NULL, 'faucet_count', 1, 'faucet = ''INFRARED_SENSOR''', 0, FALSE, 'Faucet sensor modules'),
(600, NULL, 1, NULL, NULL, NULL, 1, 'accessory_count > 0', 0, TRUE, 'Accessories'),
(700, NULL, 1, NULL, NULL, NULL, 1, NULL, 0, TRUE, 'Fasteners'),
(710, 700, 2, '511-0002', NULL, '24 + 4 * basin_count', 1, NULL, 0.05, FALSE, 'Hex bolts 3/8-16'),
(720, 700, 2, '512-0002', NULL, '24 + 4 * basin_count', 1, NULL, 0.05, FALSE, 'Lock nuts 3/8-16'),
(730, 700, 2, '512-0003', NULL, NULL, 40, NULL, 0.05, FALSE, 'Flat washers'),
(740, 700, 2, '511-0004', NULL, '12 + 2 * accessory_count', 1, NULL, 0.05, FALSE, 'Pan head screws')
),
accessory_lines AS (
    SELECT f.code AS family, 600 + o.sort_order AS line, 600 AS parent, 2 AS level, o.part_id,
           'accessory.' || o.code AS formula, 'accessory.' || o.code || ' > 0' AS cond, o.label
    FROM products.sink_family_options o
    JOIN products.sink_families f ON f.id = o.sink_family_id
    WHERE o.option_group = 'ACCESSORY' AND o.part_id IS NOT NULL
)
INSERT INTO products.bom_template_items (id, template_id, line_number, part_id, part_number_pattern, quantity_formula, base_quantity, include_condition, parent_item_id, level, scrap_factor, is_phantom, description)
SELECT md5('torvan-demo:bom-template-item:' || f.code || ':' || l.line)::uuid,
       md5('torvan-demo:bom-template:' || f.code)::uuid, l.line, p.id, l.pattern, l.formula, l.base, l.cond,
       CASE WHEN l.parent IS NOT NULL THEN md5('torvan-demo:bom-template-item:' || f.code || ':' || l.parent)::uuid END,
       l.level, l.scrap, l.phantom, l.description
FROM products.sink_families f
CROSS JOIN lines l
LEFT JOIN inventory.parts p ON p.part_number = l.part
WHERE f.is_configurable
UNION ALL
SELECT md5('torvan-demo:bom-template-item:' || a.family || ':' || a.line)::uuid,
       md5('torvan-demo:bom-template:' || a.family)::uuid, a.line, a.part_id, NULL, a.formula, 1, a.cond,
       md5('torvan-demo:bom-template-item:' || a.family || ':' || a.parent)::uuid, a.level, 0, FALSE, a.label
FROM accessory_lines a
ON CONFLICT DO NOTHING;

-- Each line is consumed at the route step that fits it (the demo routes of
-- 05_routes.sql): the body at its welding, basins at theirs, legs and braces
-- at the frame, the lift electrics at electrical, the pegboard at its step,
-- drains and water supply at plumbing; accessories and fasteners name none
-- and go to the route's material step (mounting the basins).
UPDATE products.bom_template_items i SET route_step = s.step
FROM (VALUES
    (110, 170, '030'), (210, 212, '020'), (250, 250, '020'), (220, 241, '090'),
    (310, 341, '060'), (360, 360, '060'), (351, 355, '100'), (410, 450, '080'),
    (510, 550, '090')
) AS s(first_line, last_line, step)
WHERE i.line_number BETWEEN s.first_line AND s.last_line
  AND i.route_step IS NULL
  AND i.template_id IN (SELECT md5('torvan-demo:bom-template:' || code)::uuid FROM products.sink_families);
