-- A 1,036-line, 5-level BOM template for the ESR family, chosen before the
-- standard one (priority 1): 7 groups × 3 × 3 × 3 phantom sub-assemblies and
-- 4 parts under each, with fixed quantities, formulas, conditions and a
-- part-number pattern, over the demo catalogue's parts.
SELECT set_config('app.current_user_id', '00000000-0000-4000-a000-000000000001', false);

INSERT INTO products.bom_templates (id, sink_family_id, template_name, configuration_rules, priority, created_by)
SELECT md5('torvan-bench:bom-template')::uuid, id, 'Bench, 1,036 lines', '', 1,
       '00000000-0000-4000-a000-000000000001'
FROM products.sink_families WHERE code = 'ESR';

WITH nodes AS (
    SELECT a, b, c, d, e,
           1 + (b IS NOT NULL)::int + (c IS NOT NULL)::int + (d IS NOT NULL)::int + (e IS NOT NULL)::int AS level
    FROM generate_series(1, 7) a
    CROSS JOIN LATERAL (SELECT NULL::int UNION ALL SELECT generate_series(1, 3)) bs(b)
    CROSS JOIN LATERAL (SELECT NULL::int WHERE true UNION ALL SELECT generate_series(1, 3) WHERE bs.b IS NOT NULL) cs(c)
    CROSS JOIN LATERAL (SELECT NULL::int UNION ALL SELECT generate_series(1, 3) WHERE cs.c IS NOT NULL) ds(d)
    CROSS JOIN LATERAL (SELECT NULL::int UNION ALL SELECT generate_series(1, 4) WHERE ds.d IS NOT NULL) es(e)
),
lines AS (
    SELECT level,
           a * 10000 + coalesce(b, 0) * 1000 + coalesce(c, 0) * 100 + coalesce(d, 0) * 10 + coalesce(e, 0) AS line,
           CASE level
               WHEN 1 THEN NULL
               WHEN 2 THEN a * 10000
               WHEN 3 THEN a * 10000 + b * 1000
               WHEN 4 THEN a * 10000 + b * 1000 + c * 100
               ELSE a * 10000 + b * 1000 + c * 100 + d * 10
           END AS parent
    FROM nodes
),
parts AS (
    SELECT id, row_number() OVER (ORDER BY part_number) - 1 AS n, count(*) OVER () AS total
    FROM inventory.parts
)
INSERT INTO products.bom_template_items (id, template_id, line_number, part_id, part_number_pattern,
    quantity_formula, base_quantity, include_condition, parent_item_id, level, scrap_factor, is_phantom, description)
SELECT md5('torvan-bench:bom-item:' || l.line)::uuid, md5('torvan-bench:bom-template')::uuid, l.line,
       CASE WHEN l.level = 5 AND l.line % 10 <> 1 THEN p.id END,
       CASE WHEN l.level = 5 AND l.line % 10 = 1 THEN '{drain.part}' END,
       CASE WHEN l.level < 5 THEN NULL
            WHEN l.line % 4 = 1 THEN 'basin_count * 2'
            WHEN l.line % 4 = 2 THEN 'ceil(body.width / 24)'
            WHEN l.line % 4 = 3 THEN 'if(legs.adjustable, 2, 4)' END,
       2,
       CASE WHEN l.line % 7 = 0 THEN 'basin_count >= 1' END,
       CASE WHEN l.parent IS NOT NULL THEN md5('torvan-bench:bom-item:' || l.parent)::uuid END,
       l.level, CASE WHEN l.line % 5 = 0 THEN 0.05 ELSE 0 END, l.level < 5,
       'Bench line ' || l.line
FROM lines l
JOIN parts p ON p.n = l.line % p.total
ORDER BY l.line;

SELECT count(*) AS template_lines FROM products.bom_template_items
WHERE template_id = md5('torvan-bench:bom-template')::uuid;
