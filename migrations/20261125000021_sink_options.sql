-- The configuration wizard's catalogue. The design keeps materials and
-- finishes as arrays on the family and everything else as JSON on the
-- configuration; prices and part links need a home of their own, so every
-- choice is a priced option row per family, and the family carries the
-- limits its body and basins can be built to (inches).

ALTER TABLE products.sink_families
    ADD COLUMN min_width DECIMAL(6,2),
    ADD COLUMN max_width DECIMAL(6,2),
    ADD COLUMN min_depth DECIMAL(6,2),
    ADD COLUMN max_depth DECIMAL(6,2),
    ADD COLUMN min_height DECIMAL(6,2),
    ADD COLUMN max_height DECIMAL(6,2),
    ADD COLUMN basin_min_width DECIMAL(6,2),
    ADD COLUMN basin_max_width DECIMAL(6,2),
    ADD COLUMN basin_min_length DECIMAL(6,2),
    ADD COLUMN basin_max_length DECIMAL(6,2),
    ADD COLUMN basin_min_depth DECIMAL(6,2),
    ADD COLUMN basin_max_depth DECIMAL(6,2),
    ADD COLUMN price_per_extra_inch DECIMAL(10,2) NOT NULL DEFAULT 0 CHECK (price_per_extra_inch >= 0),
    ADD COLUMN extra_basin_price DECIMAL(10,2) NOT NULL DEFAULT 0 CHECK (extra_basin_price >= 0);

-- Families that existed before the limits: built to their base size only.
UPDATE products.sink_families SET
    min_width = base_width, max_width = base_width,
    min_depth = base_depth, max_depth = base_depth,
    min_height = base_height, max_height = base_height,
    basin_min_width = 16, basin_max_width = 30,
    basin_min_length = 14, basin_max_length = 24,
    basin_min_depth = 6, basin_max_depth = 12
WHERE min_width IS NULL;

ALTER TABLE products.sink_families ADD CONSTRAINT configurable_family_has_limits CHECK (
    NOT is_configurable OR (
        max_basins >= 1 AND base_price IS NOT NULL
        AND min_width <= max_width AND min_depth <= max_depth AND min_height <= max_height
        AND basin_min_width <= basin_max_width AND basin_min_length <= basin_max_length
        AND basin_min_depth <= basin_max_depth
        AND base_width BETWEEN min_width AND max_width
        AND base_depth BETWEEN min_depth AND max_depth
        AND base_height BETWEEN min_height AND max_height
    )
);

CREATE TABLE products.sink_family_options (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    sink_family_id UUID NOT NULL REFERENCES products.sink_families(id) ON DELETE CASCADE,
    option_group VARCHAR(30) NOT NULL CHECK (option_group IN (
        'MATERIAL', 'FINISH', 'MOUNTING', 'DRAIN_POSITION', 'PEGBOARD', 'LEGS',
        'FAUCET', 'DRAIN', 'ACCESSORY'
    )),
    code VARCHAR(50) NOT NULL,
    label VARCHAR(255) NOT NULL,
    -- Per sink, per basin (drain position, drain), per faucet or per accessory.
    price DECIMAL(10,2) NOT NULL DEFAULT 0 CHECK (price >= 0),
    part_id UUID REFERENCES inventory.parts(id),
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    sort_order INTEGER NOT NULL DEFAULT 0,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (sink_family_id, option_group, code),
    -- The rules reason about these codes (torvan::sink::kinds).
    CONSTRAINT known_rule_codes CHECK (
        (option_group <> 'MOUNTING' OR code IN ('FREESTANDING', 'WALL_HUNG', 'ISLAND'))
        AND (option_group <> 'PEGBOARD' OR code IN ('NONE', 'STANDARD', 'CUSTOM'))
        AND (option_group <> 'LEGS' OR code IN ('FIXED', 'CASTERS', 'CRANK', 'ELECTRIC', 'WALL_BRACKETS'))
    )
);

CREATE UNIQUE INDEX sink_family_options_one_default
    ON products.sink_family_options(sink_family_id, option_group) WHERE is_default;

CREATE TRIGGER set_updated_at BEFORE UPDATE ON products.sink_family_options
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER audit_sink_family_options_trigger
    AFTER INSERT OR UPDATE OR DELETE ON products.sink_family_options
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();

-- The design's arrays on the family follow the active material and finish
-- options, so both say the same.
CREATE FUNCTION products.sync_family_materials() RETURNS TRIGGER AS $$
DECLARE
    family UUID := COALESCE(NEW.sink_family_id, OLD.sink_family_id);
BEGIN
    UPDATE products.sink_families f SET
        available_materials = ARRAY(
            SELECT code FROM products.sink_family_options
            WHERE sink_family_id = family AND option_group = 'MATERIAL' AND is_active
            ORDER BY sort_order, code),
        available_finishes = ARRAY(
            SELECT code FROM products.sink_family_options
            WHERE sink_family_id = family AND option_group = 'FINISH' AND is_active
            ORDER BY sort_order, code)
    WHERE f.id = family;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER sync_family_materials
    AFTER INSERT OR UPDATE OR DELETE ON products.sink_family_options
    FOR EACH ROW EXECUTE FUNCTION products.sync_family_materials();

-- Approval is recorded like validation: who and when.
ALTER TABLE orders.order_sink_configurations
    ADD COLUMN approved_at TIMESTAMPTZ,
    ADD COLUMN approved_by UUID REFERENCES auth.users(id),
    ADD COLUMN created_by UUID REFERENCES auth.users(id);

UPDATE orders.order_sink_configurations
SET approved_at = COALESCE(validated_at, updated_at), approved_by = validated_by
WHERE configuration_status IN ('APPROVED', 'IN_PRODUCTION') AND approved_at IS NULL;

ALTER TABLE orders.order_sink_configurations
    ADD CONSTRAINT approval_recorded CHECK (
        configuration_status NOT IN ('APPROVED', 'IN_PRODUCTION')
        OR (approved_at IS NOT NULL AND approved_by IS NOT NULL)
    );

-- A configuration for several identical sinks gives each its own build
-- number when it is approved (TB-2026-0101-01-1, -2, ...).
CREATE TABLE orders.sink_builds (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    configuration_id UUID NOT NULL REFERENCES orders.order_sink_configurations(id) ON DELETE CASCADE,
    unit_number INTEGER NOT NULL CHECK (unit_number > 0),
    build_number VARCHAR(60) NOT NULL UNIQUE,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (configuration_id, unit_number)
);

CREATE TRIGGER audit_sink_builds_trigger
    AFTER INSERT OR UPDATE OR DELETE ON orders.sink_builds
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
