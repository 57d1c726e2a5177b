-- Design section 6.1: tasks, dependencies, time entries, materials.

CREATE TABLE workflow.tasks (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id UUID NOT NULL REFERENCES orders.orders(id),

    -- Task identification
    task_number VARCHAR(50) UNIQUE,
    title VARCHAR(255) NOT NULL,
    description TEXT,
    task_type task_type NOT NULL,

    -- Hierarchy and dependencies
    parent_task_id UUID REFERENCES workflow.tasks(id),
    sequence_number INTEGER,

    -- Assignment
    assigned_to UUID REFERENCES auth.users(id),
    assigned_at TIMESTAMPTZ,
    assigned_by UUID REFERENCES auth.users(id),

    -- Status and priority
    status task_status DEFAULT 'PENDING',
    priority task_priority DEFAULT 'MEDIUM',

    -- Time tracking
    estimated_duration_minutes INTEGER,
    actual_duration_minutes INTEGER,
    started_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    due_date TIMESTAMPTZ,

    -- Work details
    work_instructions TEXT,
    required_tools TEXT[],
    required_skills TEXT[],
    work_center VARCHAR(100),

    -- Progress tracking
    progress_percentage INTEGER DEFAULT 0 CHECK (progress_percentage >= 0 AND progress_percentage <= 100),
    last_progress_update TIMESTAMPTZ,

    -- Quality requirements
    inspection_required BOOLEAN DEFAULT FALSE,
    approval_required BOOLEAN DEFAULT FALSE,
    approved_by UUID REFERENCES auth.users(id),
    approved_at TIMESTAMPTZ,

    -- Comments and notes
    notes TEXT,
    completion_notes TEXT,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    created_by UUID NOT NULL REFERENCES auth.users(id)
);

CREATE TABLE workflow.task_dependencies (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    predecessor_task_id UUID NOT NULL REFERENCES workflow.tasks(id) ON DELETE CASCADE,
    successor_task_id UUID NOT NULL REFERENCES workflow.tasks(id) ON DELETE CASCADE,
    dependency_type VARCHAR(20) DEFAULT 'FINISH_TO_START' CHECK (
        dependency_type IN ('FINISH_TO_START', 'START_TO_START', 'FINISH_TO_FINISH', 'START_TO_FINISH')
    ),
    lag_time_minutes INTEGER DEFAULT 0,

    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT no_self_dependency CHECK (predecessor_task_id != successor_task_id),
    UNIQUE(predecessor_task_id, successor_task_id)
);

CREATE TABLE workflow.task_time_entries (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id UUID NOT NULL REFERENCES workflow.tasks(id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES auth.users(id),

    -- Time details
    start_time TIMESTAMPTZ NOT NULL,
    end_time TIMESTAMPTZ,
    duration_minutes INTEGER,

    -- Entry details
    description TEXT,
    activity_type VARCHAR(50), -- 'SETUP', 'WORK', 'REWORK', 'WAIT', 'BREAK'

    -- Status
    is_billable BOOLEAN DEFAULT TRUE,
    is_complete BOOLEAN DEFAULT FALSE,

    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT valid_time_range CHECK (end_time IS NULL OR end_time > start_time)
);

CREATE TABLE workflow.task_materials (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id UUID NOT NULL REFERENCES workflow.tasks(id) ON DELETE CASCADE,
    part_id UUID NOT NULL REFERENCES inventory.parts(id),

    -- Quantities
    quantity_required DECIMAL(10,4) NOT NULL,
    quantity_issued DECIMAL(10,4) DEFAULT 0,
    quantity_consumed DECIMAL(10,4) DEFAULT 0,
    quantity_returned DECIMAL(10,4) DEFAULT 0,

    -- Tracking
    issued_at TIMESTAMPTZ,
    issued_by UUID REFERENCES auth.users(id),
    consumed_at TIMESTAMPTZ,
    consumed_by UUID REFERENCES auth.users(id),

    -- Location
    bin_location VARCHAR(100),

    notes TEXT,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    UNIQUE(task_id, part_id)
);
