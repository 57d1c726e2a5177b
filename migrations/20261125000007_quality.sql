-- Design section 5.1: QC checklists, items, photos and defects.

CREATE TABLE quality.qc_checklists (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id UUID NOT NULL REFERENCES orders.orders(id),
    phase qc_phase NOT NULL,

    -- Checklist metadata
    checklist_name VARCHAR(255),
    version VARCHAR(20) DEFAULT '1.0',

    -- Status tracking
    status qc_status DEFAULT 'PENDING',
    started_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,

    -- Assignment
    assigned_to UUID REFERENCES auth.users(id),
    reviewed_by UUID REFERENCES auth.users(id),

    -- Results
    overall_result qc_status,
    pass_percentage DECIMAL(5,2),

    -- Comments
    inspector_notes TEXT,
    reviewer_notes TEXT,
    corrective_actions TEXT,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    created_by UUID NOT NULL REFERENCES auth.users(id),

    UNIQUE(order_id, phase)
);

CREATE TABLE quality.qc_checklist_items (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    checklist_id UUID NOT NULL REFERENCES quality.qc_checklists(id) ON DELETE CASCADE,

    -- Item identification
    item_number INTEGER NOT NULL,
    category VARCHAR(100),

    -- Item details
    description TEXT NOT NULL,
    item_type qc_item_type NOT NULL,
    is_required BOOLEAN DEFAULT TRUE,

    -- Specifications
    specification TEXT,
    tolerance VARCHAR(100),
    expected_value VARCHAR(255),
    measurement_unit VARCHAR(50),

    -- Test procedures
    test_procedure TEXT,
    required_tools TEXT[],
    estimated_time_minutes INTEGER,

    -- Results
    status qc_status DEFAULT 'PENDING',
    actual_value VARCHAR(255),
    measured_at TIMESTAMPTZ,
    measured_by UUID REFERENCES auth.users(id),

    -- Pass/Fail criteria
    pass_criteria TEXT,
    fail_reason TEXT,

    -- Documentation requirements
    photo_required BOOLEAN DEFAULT FALSE,
    document_required BOOLEAN DEFAULT FALSE,
    signature_required BOOLEAN DEFAULT FALSE,

    -- Comments
    inspector_comments TEXT,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    UNIQUE(checklist_id, item_number)
);

CREATE TABLE quality.qc_photos (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    checklist_item_id UUID NOT NULL REFERENCES quality.qc_checklist_items(id) ON DELETE CASCADE,

    -- File information
    filename VARCHAR(255) NOT NULL,
    original_filename VARCHAR(255) NOT NULL,
    file_path VARCHAR(500) NOT NULL,
    file_size_bytes BIGINT,
    mime_type VARCHAR(100),

    -- Image metadata
    width_pixels INTEGER,
    height_pixels INTEGER,

    -- URLs
    full_url VARCHAR(500),
    thumbnail_url VARCHAR(500),

    -- Description
    description TEXT,
    photo_type VARCHAR(50), -- 'BEFORE', 'AFTER', 'DEFECT', 'MEASUREMENT'

    -- Metadata
    taken_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    taken_by UUID NOT NULL REFERENCES auth.users(id),
    camera_info JSONB,

    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE quality.qc_defects (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    checklist_item_id UUID NOT NULL REFERENCES quality.qc_checklist_items(id),

    -- Defect classification
    defect_code VARCHAR(50),
    defect_category VARCHAR(100),
    severity VARCHAR(20) CHECK (severity IN ('MINOR', 'MAJOR', 'CRITICAL')),

    -- Description
    description TEXT NOT NULL,
    root_cause TEXT,

    -- Location
    defect_location VARCHAR(255),
    coordinates JSONB, -- {x, y, z} coordinates if applicable

    -- Corrective actions
    corrective_action TEXT,
    preventive_action TEXT,

    -- Resolution
    resolution_status VARCHAR(20) DEFAULT 'OPEN' CHECK (
        resolution_status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'WAIVED')
    ),
    resolved_at TIMESTAMPTZ,
    resolved_by UUID REFERENCES auth.users(id),
    resolution_notes TEXT,

    -- Impact
    affects_functionality BOOLEAN DEFAULT FALSE,
    affects_appearance BOOLEAN DEFAULT FALSE,
    customer_visible BOOLEAN DEFAULT TRUE,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    created_by UUID NOT NULL REFERENCES auth.users(id)
);
