-- Design section 4.1: BOM headers and items, BOM templates.
--
-- Left out on purpose (design section 4.2): orders.calculate_bom_quantity
-- (builds SQL text from a formula and EXECUTEs it) and
-- orders.generate_bom_from_configuration (calls the undefined
-- orders.evaluate_configuration_rules, orders.evaluate_include_condition and
-- orders.update_bom_totals). Template formulas and include conditions are
-- evaluated in Rust; none of these functions exist in the database.

CREATE TABLE orders.boms (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id UUID NOT NULL REFERENCES orders.orders(id),
    version INTEGER NOT NULL DEFAULT 1,

    -- BOM metadata
    bom_type VARCHAR(20) DEFAULT 'PRODUCTION' CHECK (bom_type IN ('PRODUCTION', 'SERVICE', 'TEMPLATE')),
    is_active BOOLEAN DEFAULT TRUE,

    -- Generation details
    generated_from VARCHAR(20) CHECK (generated_from IN ('TEMPLATE', 'CONFIGURATION', 'MANUAL')),
    generation_method VARCHAR(100),
    configuration_snapshot JSONB, -- Snapshot of configuration at BOM generation

    -- Totals
    total_parts_count INTEGER DEFAULT 0,
    total_cost DECIMAL(12,2) DEFAULT 0,
    total_weight DECIMAL(10,3) DEFAULT 0,

    -- Status and approval
    status VARCHAR(20) DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'OBSOLETE')),
    approved_by UUID REFERENCES auth.users(id),
    approved_at TIMESTAMPTZ,

    -- Validity period
    effective_date DATE DEFAULT CURRENT_DATE,
    expiration_date DATE,

    -- Comments and notes
    notes TEXT,
    change_reason TEXT,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    created_by UUID NOT NULL REFERENCES auth.users(id),

    UNIQUE(order_id, version)
);

-- total_quantity / extended_cost: typed GENERATED ALWAYS columns; extended_cost
-- repeats the total_quantity expression (rounded to its 4 decimals) because a
-- generated column cannot reference another one.
CREATE TABLE orders.bom_items (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    bom_id UUID NOT NULL REFERENCES orders.boms(id) ON DELETE CASCADE,

    -- Item identification
    line_number INTEGER NOT NULL,
    part_id UUID NOT NULL REFERENCES inventory.parts(id),

    -- Assembly hierarchy
    parent_item_id UUID REFERENCES orders.bom_items(id),
    level INTEGER NOT NULL DEFAULT 1,
    sort_order INTEGER DEFAULT 0,

    -- Quantities
    quantity_required DECIMAL(10,4) NOT NULL CHECK (quantity_required > 0),
    quantity_per_assembly DECIMAL(10,4) DEFAULT 1,
    scrap_factor DECIMAL(5,4) DEFAULT 0 CHECK (scrap_factor >= 0 AND scrap_factor < 1),
    total_quantity DECIMAL(14,4) GENERATED ALWAYS AS (
        quantity_required * (1 + scrap_factor)
    ) STORED,

    -- Costing
    unit_cost DECIMAL(10,2) NOT NULL CHECK (unit_cost >= 0),
    extended_cost DECIMAL(14,2) GENERATED ALWAYS AS (
        round(quantity_required * (1 + scrap_factor), 4) * unit_cost
    ) STORED,

    -- Item properties
    is_phantom BOOLEAN DEFAULT FALSE, -- Phantom items exist only for structure
    is_optional BOOLEAN DEFAULT FALSE,
    is_substitute BOOLEAN DEFAULT FALSE,
    original_part_id UUID REFERENCES inventory.parts(id), -- If this is a substitute

    -- Manufacturing details
    operation_sequence INTEGER,
    work_center VARCHAR(50),
    lead_time_offset_days INTEGER DEFAULT 0,

    -- Reference information
    reference_designator VARCHAR(50),
    find_number VARCHAR(20),
    notes TEXT,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    UNIQUE(bom_id, line_number),
    CONSTRAINT valid_level CHECK (level >= 1 AND level <= 10)
    -- parent_level_check: a CHECK cannot contain a subquery; enforced by the
    -- trigger orders.bom_items_parent_level_check below.
);

-- Replaces the design's CHECK (level > (SELECT level FROM parent)).
-- A child must sit at a deeper level than its parent and in the same BOM;
-- changing a parent's level must keep its children deeper.
CREATE OR REPLACE FUNCTION orders.bom_items_parent_level_check()
RETURNS TRIGGER AS $$
DECLARE
    parent_level INTEGER;
    parent_bom UUID;
    min_child_level INTEGER;
BEGIN
    IF NEW.parent_item_id IS NOT NULL THEN
        SELECT level, bom_id INTO parent_level, parent_bom
        FROM orders.bom_items
        WHERE id = NEW.parent_item_id;

        IF FOUND THEN
            IF NEW.level <= parent_level THEN
                RAISE EXCEPTION 'BOM item level % must be greater than its parent''s level %',
                    NEW.level, parent_level
                    USING ERRCODE = 'check_violation',
                          CONSTRAINT = 'parent_level_check',
                          TABLE = 'bom_items',
                          SCHEMA = 'orders';
            END IF;
            IF parent_bom <> NEW.bom_id THEN
                RAISE EXCEPTION 'BOM item parent belongs to another BOM'
                    USING ERRCODE = 'check_violation',
                          CONSTRAINT = 'parent_same_bom_check',
                          TABLE = 'bom_items',
                          SCHEMA = 'orders';
            END IF;
        END IF;
        -- a missing parent is reported by the foreign key
    END IF;

    IF TG_OP = 'UPDATE' AND NEW.level IS DISTINCT FROM OLD.level THEN
        SELECT min(level) INTO min_child_level
        FROM orders.bom_items
        WHERE parent_item_id = NEW.id;

        IF min_child_level IS NOT NULL AND min_child_level <= NEW.level THEN
            RAISE EXCEPTION 'BOM item level % must stay below its children''s level %',
                NEW.level, min_child_level
                USING ERRCODE = 'check_violation',
                      CONSTRAINT = 'parent_level_check',
                      TABLE = 'bom_items',
                      SCHEMA = 'orders';
        END IF;
    END IF;

    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER bom_items_parent_level_check
    BEFORE INSERT OR UPDATE OF parent_item_id, level, bom_id ON orders.bom_items
    FOR EACH ROW EXECUTE FUNCTION orders.bom_items_parent_level_check();

CREATE TABLE products.bom_templates (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    sink_family_id UUID NOT NULL REFERENCES products.sink_families(id),
    template_name VARCHAR(255) NOT NULL,
    description TEXT,

    -- Configuration criteria
    configuration_rules JSONB, -- Rules for when this template applies

    -- Template metadata
    version VARCHAR(20) DEFAULT '1.0',
    is_active BOOLEAN DEFAULT TRUE,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    created_by UUID NOT NULL REFERENCES auth.users(id),

    UNIQUE(sink_family_id, template_name, version)
);

CREATE TABLE products.bom_template_items (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    template_id UUID NOT NULL REFERENCES products.bom_templates(id) ON DELETE CASCADE,

    -- Item details
    line_number INTEGER NOT NULL,
    part_id UUID REFERENCES inventory.parts(id),
    part_number_pattern VARCHAR(100), -- For dynamic part selection

    -- Quantities (may include formulas, evaluated by the application)
    quantity_formula VARCHAR(255), -- e.g., "basin_count * 2"
    base_quantity DECIMAL(10,4) DEFAULT 1,

    -- Conditional inclusion (evaluated by the application)
    include_condition VARCHAR(255), -- e.g., "pegboard.is_custom = true"

    -- Assembly structure
    parent_item_id UUID REFERENCES products.bom_template_items(id),
    level INTEGER NOT NULL DEFAULT 1,

    UNIQUE(template_id, line_number)
);
