-- Dynamic BOMs (issue #6). The design keeps one BOM version sequence per order
-- and its template rules as JSON; a BOM here belongs to one sink configuration,
-- is generated from the family template whose selection rule matches it, and
-- every line keeps where it came from.

-- Templates: the selection rule is text in the rule language
-- (`torvan::rule_language`), tried in `priority` order (lowest first); an empty
-- rule matches every configuration of the family.
ALTER TABLE products.bom_templates
    ALTER COLUMN configuration_rules TYPE TEXT USING coalesce(configuration_rules ->> 'when', ''),
    ALTER COLUMN configuration_rules SET DEFAULT '',
    ALTER COLUMN configuration_rules SET NOT NULL,
    ALTER COLUMN is_active SET NOT NULL,
    ALTER COLUMN version SET NOT NULL,
    ADD COLUMN priority INTEGER NOT NULL DEFAULT 100,
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP;

CREATE TRIGGER set_updated_at BEFORE UPDATE ON products.bom_templates
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

CREATE INDEX idx_bom_templates_family ON products.bom_templates (sink_family_id, priority)
    WHERE is_active;

-- Template lines: a fixed part or a part-number pattern (a phantom line may
-- have neither: it only groups its children), a quantity formula or the base
-- quantity, an include condition, scrap and a description for the BOM view.
ALTER TABLE products.bom_template_items
    ALTER COLUMN base_quantity SET NOT NULL,
    ADD COLUMN scrap_factor DECIMAL(5,4) NOT NULL DEFAULT 0,
    ADD COLUMN is_phantom BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN description VARCHAR(255),
    ADD CONSTRAINT template_item_base_quantity_positive CHECK (base_quantity > 0),
    ADD CONSTRAINT template_item_scrap_range CHECK (scrap_factor >= 0 AND scrap_factor < 1),
    ADD CONSTRAINT template_item_level_range CHECK (level BETWEEN 1 AND 10),
    ADD CONSTRAINT template_item_line_number_positive CHECK (line_number > 0),
    ADD CONSTRAINT template_item_one_part_source CHECK (part_id IS NULL OR part_number_pattern IS NULL),
    ADD CONSTRAINT template_item_has_part CHECK (
        is_phantom OR part_id IS NOT NULL OR part_number_pattern IS NOT NULL
    );

-- BOM versions per sink configuration; one approved version at a time.
ALTER TABLE orders.boms
    ADD COLUMN configuration_id UUID REFERENCES orders.order_sink_configurations(id) ON DELETE CASCADE,
    ADD COLUMN template_id UUID REFERENCES products.bom_templates(id),
    ALTER COLUMN status SET NOT NULL,
    ALTER COLUMN total_parts_count SET NOT NULL,
    ALTER COLUMN total_cost SET NOT NULL,
    ALTER COLUMN total_weight SET NOT NULL,
    ALTER COLUMN created_at SET NOT NULL,
    DROP CONSTRAINT boms_order_id_version_key,
    ADD CONSTRAINT bom_version_positive CHECK (version > 0),
    ADD CONSTRAINT bom_approval_recorded CHECK (
        status NOT IN ('APPROVED', 'OBSOLETE') OR (approved_by IS NOT NULL AND approved_at IS NOT NULL)
    );

CREATE UNIQUE INDEX boms_configuration_version_key ON orders.boms (configuration_id, version)
    WHERE configuration_id IS NOT NULL;
CREATE UNIQUE INDEX boms_order_version_key ON orders.boms (order_id, version)
    WHERE configuration_id IS NULL;
CREATE UNIQUE INDEX boms_one_approved_per_configuration ON orders.boms (configuration_id)
    WHERE status = 'APPROVED';

-- BOM lines: a phantom line may have no part; each line keeps its unit weight
-- and its explanation (template line, formula, condition, pattern, the values
-- read) as JSON.
ALTER TABLE orders.bom_items
    ALTER COLUMN part_id DROP NOT NULL,
    ALTER COLUMN is_phantom SET NOT NULL,
    ALTER COLUMN quantity_per_assembly SET NOT NULL,
    ALTER COLUMN scrap_factor SET NOT NULL,
    ALTER COLUMN sort_order SET NOT NULL,
    ADD COLUMN unit_weight DECIMAL(8,3),
    ADD COLUMN description VARCHAR(255),
    ADD COLUMN explanation JSONB,
    ADD CONSTRAINT bom_item_has_part CHECK (part_id IS NOT NULL OR is_phantom);

CREATE INDEX idx_bom_items_bom_sort ON orders.bom_items (bom_id, sort_order);
