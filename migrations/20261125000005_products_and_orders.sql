-- Design sections 3.1 and 3.2: sink families, orders, status history,
-- line items (service orders) and sink configurations.

CREATE TABLE products.sink_families (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL,
    code VARCHAR(50) UNIQUE NOT NULL,
    description TEXT,
    category VARCHAR(100),

    -- Base specifications (inches)
    base_width DECIMAL(6,2),
    base_depth DECIMAL(6,2),
    base_height DECIMAL(6,2),

    -- Configuration options
    available_materials TEXT[],
    available_finishes TEXT[],
    max_basins INTEGER DEFAULT 1,

    -- Pricing
    base_price DECIMAL(10,2),

    -- Status
    is_active BOOLEAN DEFAULT TRUE,
    is_configurable BOOLEAN DEFAULT TRUE,

    -- Documentation
    product_sheet_url VARCHAR(500),
    installation_guide_url VARCHAR(500),

    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE orders.orders (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Identification
    order_number VARCHAR(50) UNIQUE NOT NULL,
    order_type order_type DEFAULT 'PRODUCTION',

    -- Customer information
    customer_id UUID NOT NULL REFERENCES public.customers(id),
    customer_po_number VARCHAR(100),

    -- Order details
    status order_status NOT NULL DEFAULT 'PENDING',
    priority order_priority NOT NULL DEFAULT 'STANDARD',

    -- Dates
    order_date DATE NOT NULL DEFAULT CURRENT_DATE,
    requested_ship_date DATE,
    promised_ship_date DATE,
    actual_ship_date DATE,

    -- Financial
    subtotal DECIMAL(12,2),
    tax_amount DECIMAL(12,2),
    shipping_amount DECIMAL(12,2),
    total_amount DECIMAL(12,2),

    -- Configuration and requirements
    special_instructions TEXT,
    packing_instructions TEXT,
    shipping_instructions TEXT,

    -- Internal tracking
    assigned_to UUID REFERENCES auth.users(id),
    estimated_completion_date DATE,
    actual_completion_date DATE,

    -- Audit trail
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    created_by UUID NOT NULL REFERENCES auth.users(id),

    CONSTRAINT valid_dates CHECK (
        requested_ship_date >= order_date AND
        promised_ship_date >= order_date AND
        (actual_ship_date IS NULL OR actual_ship_date >= order_date)
    ),
    CONSTRAINT valid_amounts CHECK (
        subtotal >= 0 AND
        tax_amount >= 0 AND
        shipping_amount >= 0 AND
        total_amount >= 0
    )
);

CREATE TABLE orders.order_status_history (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id UUID NOT NULL REFERENCES orders.orders(id) ON DELETE CASCADE,

    -- Status change details
    from_status order_status,
    to_status order_status NOT NULL,

    -- Change metadata
    changed_by UUID NOT NULL REFERENCES auth.users(id),
    change_reason VARCHAR(255),
    notes TEXT,

    -- Timing
    changed_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    -- System tracking
    ip_address INET,
    user_agent TEXT
);

-- Order line items (for service orders).
-- The design writes "x AS (...) STORED" without a type; PostgreSQL needs
-- "x <type> GENERATED ALWAYS AS (...) STORED", and a generated column cannot
-- read another generated column, so the expressions are expanded.
-- discount_amount is rounded to cents and net_amount subtracts that same
-- rounded amount, so extended_price = discount_amount + net_amount exactly.
CREATE TABLE orders.order_line_items (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id UUID NOT NULL REFERENCES orders.orders(id) ON DELETE CASCADE,
    line_number INTEGER NOT NULL,

    -- Product information
    part_id UUID REFERENCES inventory.parts(id),
    part_number VARCHAR(100) NOT NULL,
    description TEXT NOT NULL,

    -- Quantities
    quantity_ordered INTEGER NOT NULL CHECK (quantity_ordered > 0),
    quantity_shipped INTEGER DEFAULT 0 CHECK (quantity_shipped >= 0),
    quantity_backordered INTEGER GENERATED ALWAYS AS (quantity_ordered - quantity_shipped) STORED,

    -- Pricing
    unit_price DECIMAL(10,2) NOT NULL CHECK (unit_price >= 0),
    extended_price DECIMAL(12,2) GENERATED ALWAYS AS (quantity_ordered * unit_price) STORED,
    discount_percent DECIMAL(5,2) DEFAULT 0 CHECK (discount_percent >= 0 AND discount_percent <= 100),
    discount_amount DECIMAL(12,2) GENERATED ALWAYS AS (
        round(quantity_ordered * unit_price * discount_percent / 100, 2)
    ) STORED,
    net_amount DECIMAL(12,2) GENERATED ALWAYS AS (
        quantity_ordered * unit_price - round(quantity_ordered * unit_price * discount_percent / 100, 2)
    ) STORED,

    -- Status
    line_status VARCHAR(20) DEFAULT 'OPEN' CHECK (line_status IN ('OPEN', 'SHIPPED', 'CANCELLED', 'BACKORDERED')),

    -- Dates
    requested_ship_date DATE,
    actual_ship_date DATE,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    UNIQUE(order_id, line_number)
);

CREATE TABLE orders.order_sink_configurations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id UUID NOT NULL REFERENCES orders.orders(id) ON DELETE CASCADE,
    build_number VARCHAR(50) NOT NULL, -- Unique tracking number

    -- Sink selection
    sink_family_id UUID NOT NULL REFERENCES products.sink_families(id),
    quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),

    -- Body configuration
    body_material VARCHAR(100),
    body_finish VARCHAR(100),
    body_dimensions JSONB, -- {width, depth, height, unit}
    mounting_type VARCHAR(50),

    -- Basin configuration
    basin_configuration JSONB, -- Array of basin specifications

    -- Pegboard configuration
    pegboard_config JSONB, -- {width, height, hole_pattern, material, custom_specs}

    -- Leg configuration
    leg_config JSONB, -- {type, height, material, adjustability, custom_specs}

    -- Additional components
    additional_components JSONB, -- Array of additional component specifications

    -- Pricing
    configuration_price DECIMAL(10,2),

    -- Status
    configuration_status VARCHAR(20) DEFAULT 'DRAFT' CHECK (
        configuration_status IN ('DRAFT', 'VALIDATED', 'APPROVED', 'IN_PRODUCTION')
    ),

    -- Validation
    validated_at TIMESTAMPTZ,
    validated_by UUID REFERENCES auth.users(id),
    validation_notes TEXT,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    UNIQUE(order_id, build_number)
);
