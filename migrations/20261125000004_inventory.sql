-- Design sections 2.3 and 2.4: the four-level inventory hierarchy
-- (categories -> assemblies -> sub-assemblies -> parts), substitutes and the
-- 700-series custom part numbering.

-- Level 1: Categories
CREATE TABLE inventory.categories (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL,
    code VARCHAR(50) UNIQUE NOT NULL,
    description TEXT,

    -- Hierarchy
    parent_id UUID REFERENCES inventory.categories(id),
    level INTEGER NOT NULL DEFAULT 1,
    sort_order INTEGER DEFAULT 0,

    -- Configuration
    requires_serial_numbers BOOLEAN DEFAULT FALSE,
    default_unit_of_measure unit_of_measure DEFAULT 'EACH',

    -- Status
    is_active BOOLEAN DEFAULT TRUE,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT valid_level CHECK (level >= 1 AND level <= 4)
);

-- Level 2: Assemblies
CREATE TABLE inventory.assemblies (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    category_id UUID NOT NULL REFERENCES inventory.categories(id),

    -- Identification
    part_number VARCHAR(100) UNIQUE NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT,

    -- Physical properties
    weight DECIMAL(8,3), -- pounds
    dimensions JSONB, -- {length, width, height, unit}
    material VARCHAR(100),
    finish VARCHAR(100),

    -- Costing
    standard_cost DECIMAL(10,2),
    current_cost DECIMAL(10,2),
    last_cost_update TIMESTAMPTZ,

    -- Manufacturing
    make_or_buy CHAR(1) DEFAULT 'M' CHECK (make_or_buy IN ('M', 'B')),
    lead_time_days INTEGER DEFAULT 0,
    setup_time_minutes INTEGER DEFAULT 0,
    cycle_time_minutes INTEGER DEFAULT 0,

    -- Documentation
    drawing_number VARCHAR(100),
    revision VARCHAR(10),
    specifications JSONB,

    -- Status and lifecycle
    status part_status DEFAULT 'ACTIVE',
    lifecycle_phase VARCHAR(50) DEFAULT 'PRODUCTION',
    obsolete_date DATE,
    replacement_part_id UUID REFERENCES inventory.assemblies(id),

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    created_by UUID REFERENCES auth.users(id)
);

-- Level 3: Sub-assemblies
CREATE TABLE inventory.sub_assemblies (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    assembly_id UUID NOT NULL REFERENCES inventory.assemblies(id),

    -- Identification
    part_number VARCHAR(100) UNIQUE NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT,

    -- Physical properties
    weight DECIMAL(8,3),
    dimensions JSONB,
    material VARCHAR(100),
    finish VARCHAR(100),

    -- Costing
    standard_cost DECIMAL(10,2),
    current_cost DECIMAL(10,2),
    last_cost_update TIMESTAMPTZ,

    -- Manufacturing
    make_or_buy CHAR(1) DEFAULT 'M' CHECK (make_or_buy IN ('M', 'B')),
    lead_time_days INTEGER DEFAULT 0,
    setup_time_minutes INTEGER DEFAULT 0,
    cycle_time_minutes INTEGER DEFAULT 0,

    -- Quality requirements
    inspection_required BOOLEAN DEFAULT FALSE,
    inspection_type VARCHAR(50),

    -- Status
    status part_status DEFAULT 'ACTIVE',

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    created_by UUID REFERENCES auth.users(id)
);

-- Level 4: Individual Parts
CREATE TABLE inventory.parts (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    sub_assembly_id UUID REFERENCES inventory.sub_assemblies(id),

    -- Identification
    part_number VARCHAR(100) UNIQUE NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT,

    -- Classification
    is_custom_part BOOLEAN DEFAULT FALSE,
    is_service_part BOOLEAN DEFAULT TRUE,
    part_type VARCHAR(50), -- 'RAW_MATERIAL', 'COMPONENT', 'FASTENER', etc.

    -- Physical properties
    weight DECIMAL(8,3),
    dimensions JSONB,
    material VARCHAR(100),
    finish VARCHAR(100),
    color VARCHAR(50),

    -- Inventory management
    unit_of_measure unit_of_measure DEFAULT 'EACH',
    quantity_on_hand INTEGER DEFAULT 0,
    quantity_allocated INTEGER DEFAULT 0,
    quantity_available INTEGER GENERATED ALWAYS AS (quantity_on_hand - quantity_allocated) STORED,

    -- Reorder parameters
    reorder_point INTEGER DEFAULT 0,
    reorder_quantity INTEGER DEFAULT 0,
    safety_stock INTEGER DEFAULT 0,
    max_stock_level INTEGER,

    -- Costing
    standard_cost DECIMAL(10,2),
    average_cost DECIMAL(10,2),
    last_cost DECIMAL(10,2),
    last_cost_update TIMESTAMPTZ,

    -- Vendor information
    primary_vendor_id UUID,
    vendor_part_number VARCHAR(100),

    -- Manufacturing/procurement
    make_or_buy CHAR(1) DEFAULT 'B' CHECK (make_or_buy IN ('M', 'B')),
    lead_time_days INTEGER DEFAULT 0,
    minimum_order_quantity INTEGER DEFAULT 1,
    order_multiple INTEGER DEFAULT 1,

    -- Quality and compliance
    inspection_required BOOLEAN DEFAULT FALSE,
    lot_control BOOLEAN DEFAULT FALSE,
    serial_control BOOLEAN DEFAULT FALSE,
    shelf_life_days INTEGER,

    -- Status
    status part_status DEFAULT 'ACTIVE',

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    created_by UUID REFERENCES auth.users(id),

    CONSTRAINT positive_quantities CHECK (
        quantity_on_hand >= 0 AND
        quantity_allocated >= 0 AND
        reorder_point >= 0 AND
        reorder_quantity >= 0
    ),
    CONSTRAINT valid_costs CHECK (
        standard_cost >= 0 AND
        average_cost >= 0 AND
        last_cost >= 0
    )
);

-- Part alternatives and substitutes
CREATE TABLE inventory.part_substitutes (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    primary_part_id UUID NOT NULL REFERENCES inventory.parts(id),
    substitute_part_id UUID NOT NULL REFERENCES inventory.parts(id),
    substitute_type VARCHAR(20) NOT NULL CHECK (substitute_type IN ('PREFERRED', 'ACCEPTABLE', 'EMERGENCY')),
    conversion_factor DECIMAL(10,4) DEFAULT 1.0,
    notes TEXT,
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT no_self_substitute CHECK (primary_part_id != substitute_part_id),
    UNIQUE(primary_part_id, substitute_part_id)
);

-- 2.4 Part number sequences for 700-series custom parts
CREATE TABLE inventory.part_number_sequences (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    category VARCHAR(50) NOT NULL,
    prefix VARCHAR(10) NOT NULL,
    current_sequence INTEGER DEFAULT 0,
    last_generated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    UNIQUE(category, prefix)
);

INSERT INTO inventory.part_number_sequences (category, prefix, current_sequence) VALUES
('PEGBOARD', '710', 0),
('LEG_ASSEMBLY', '720', 0),
('BASIN_CUSTOM', '730', 0),
('FAUCET_CUSTOM', '740', 0),
('DRAIN_CUSTOM', '750', 0),
('ACCESSORY_CUSTOM', '760', 0),
('MISC_CUSTOM', '790', 0);

-- Next 7XX-NNNN part number for a custom-part category (e.g. 710-0001).
-- The UPDATE takes a row lock, so concurrent callers get distinct numbers.
CREATE OR REPLACE FUNCTION inventory.generate_part_number(
    part_category VARCHAR(50)
) RETURNS VARCHAR(100) AS $$
DECLARE
    next_sequence INTEGER;
    prefix_code VARCHAR(10);
BEGIN
    UPDATE inventory.part_number_sequences
    SET current_sequence = current_sequence + 1,
        last_generated_at = CURRENT_TIMESTAMP
    WHERE category = part_category
    RETURNING current_sequence, prefix INTO next_sequence, prefix_code;

    IF NOT FOUND THEN
        RAISE EXCEPTION 'Unknown part category: %', part_category
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    RETURN prefix_code || '-' || LPAD(next_sequence::TEXT, 4, '0');
END;
$$ LANGUAGE plpgsql;
