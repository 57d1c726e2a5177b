-- The shop floor (issue #15): work centers, routes, tasks per build.
--
-- A route is a versioned list of steps per sink family. Each step is
-- written in the rule language the BOM templates use: a condition that
-- decides whether a build needs it (electrical only for powered legs) and
-- a formula for its estimated minutes. Saving a route writes a new
-- version; the version in force is the family's highest, and every task
-- names the step (so the version) it came from, so a route edited later
-- never rewrites the work already on the floor.
--
-- Tasks are generated per build (orders.sink_builds, one per sink unit)
-- when the order enters IN_PRODUCTION. Their number is the build number
-- and the step code (TB-2026-0106-01-1-040), unique per build and step,
-- which makes generating twice a no-op. A task carries an integer
-- version, raised by every change, so a move made from a stale board is
-- refused instead of overwriting the newer state.
SET LOCAL app.system_actor = 'migrate';

-- ---------------------------------------------------------------- centers
CREATE TABLE workflow.work_centers (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    code VARCHAR(20) NOT NULL CONSTRAINT work_center_code_unique UNIQUE
        CONSTRAINT work_center_code_format CHECK (code ~ '^[A-Z][A-Z_]{1,19}$'),
    name VARCHAR(100) NOT NULL,
    -- At most this many tasks IN_PROGRESS at once; NULL: no limit.
    wip_limit INTEGER CONSTRAINT work_center_wip_limit_positive
        CHECK (wip_limit IS NULL OR wip_limit > 0),
    sort_order INTEGER NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT TRUE
);


-- The shop's stations (domain notes, "The shop floor").
INSERT INTO workflow.work_centers (code, name, wip_limit, sort_order) VALUES
    ('CUTTING', 'Cutting and forming', NULL, 10),
    ('WELDING', 'Welding', NULL, 20),
    ('FINISHING', 'Finishing and passivation', NULL, 30),
    ('ASSEMBLY', 'Assembly', NULL, 40),
    ('PLUMBING', 'Plumbing', NULL, 50),
    ('ELECTRICAL', 'Electrical', NULL, 60),
    ('QC', 'Quality control', NULL, 70),
    ('SHIPPING', 'Clean, label, crate and ship', NULL, 80);

-- Where an assembler works: their board and the tasks they may take.
ALTER TABLE auth.users
    ADD COLUMN work_center VARCHAR(20) REFERENCES workflow.work_centers(code);

-- ----------------------------------------------------------------- routes
CREATE TABLE workflow.routes (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    sink_family_id UUID NOT NULL REFERENCES products.sink_families(id),
    version INTEGER NOT NULL CONSTRAINT route_version_positive CHECK (version > 0),
    notes TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by UUID NOT NULL REFERENCES auth.users(id),
    CONSTRAINT route_version_unique UNIQUE (sink_family_id, version)
);

CREATE TABLE workflow.route_steps (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    route_id UUID NOT NULL REFERENCES workflow.routes(id) ON DELETE CASCADE,
    -- Three digits, the step's place in the route and the tail of its
    -- tasks' numbers.
    step_code VARCHAR(3) NOT NULL CONSTRAINT route_step_code_format CHECK (step_code ~ '^[0-9]{3}$'),
    title VARCHAR(255) NOT NULL CONSTRAINT route_step_title_present CHECK (length(trim(title)) > 0),
    task_type task_type NOT NULL,
    work_center VARCHAR(20) NOT NULL REFERENCES workflow.work_centers(code),
    -- Rule language: when the step applies (NULL: always) and its minutes.
    condition TEXT,
    estimate_formula TEXT NOT NULL,
    work_instructions TEXT,
    required_tools TEXT[] NOT NULL DEFAULT '{}',
    required_skills TEXT[] NOT NULL DEFAULT '{}',
    inspection_required BOOLEAN NOT NULL DEFAULT FALSE,
    approval_required BOOLEAN NOT NULL DEFAULT FALSE,
    -- BOM lines that name no step are consumed here; one per route.
    takes_unassigned_materials BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT route_step_code_unique UNIQUE (route_id, step_code)
);

CREATE UNIQUE INDEX route_one_default_material_step
    ON workflow.route_steps (route_id) WHERE takes_unassigned_materials;

CREATE TABLE workflow.route_step_predecessors (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    step_id UUID NOT NULL REFERENCES workflow.route_steps(id) ON DELETE CASCADE,
    predecessor_code VARCHAR(3) NOT NULL,
    dependency_type VARCHAR(20) NOT NULL CONSTRAINT route_dependency_type_known CHECK (
        dependency_type IN ('FINISH_TO_START', 'START_TO_START', 'FINISH_TO_FINISH', 'START_TO_FINISH')
    ),
    lag_minutes INTEGER NOT NULL DEFAULT 0
        CONSTRAINT route_dependency_lag_range CHECK (lag_minutes BETWEEN -10080 AND 10080),
    CONSTRAINT route_predecessor_unique UNIQUE (step_id, predecessor_code)
);

-- Audited like every record people change, each with the chain's
-- statement lock beside its audit trigger (migration 30).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['work_centers', 'routes', 'route_steps', 'route_step_predecessors'] LOOP
        EXECUTE format('CREATE TRIGGER audit_%s_trigger AFTER INSERT OR UPDATE OR DELETE '
                       'ON workflow.%I FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function()', t, t);
        EXECUTE format('CREATE TRIGGER audit_chain_lock BEFORE INSERT OR UPDATE OR DELETE '
                       'ON workflow.%I FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_lock()', t);
    END LOOP;
END;
$$;

-- A BOM line names the route step that consumes it (NULL: the route's
-- default material step).
ALTER TABLE products.bom_template_items
    ADD COLUMN route_step VARCHAR(3)
        CONSTRAINT template_item_route_step_format CHECK (route_step ~ '^[0-9]{3}$');
ALTER TABLE orders.bom_items
    ADD COLUMN route_step VARCHAR(3)
        CONSTRAINT bom_item_route_step_format CHECK (route_step ~ '^[0-9]{3}$');

-- ------------------------------------------------------------------ tasks
-- The design's task rows predate builds; the board needs every task to
-- belong to a build and a work center, and a status that is never NULL.
DELETE FROM workflow.task_materials;
DELETE FROM workflow.task_time_entries;
DELETE FROM workflow.task_dependencies;
DELETE FROM workflow.tasks;

ALTER TABLE workflow.tasks
    ADD COLUMN build_id UUID NOT NULL REFERENCES orders.sink_builds(id),
    ADD COLUMN route_step_id UUID NOT NULL REFERENCES workflow.route_steps(id),
    ADD COLUMN step_code VARCHAR(3) NOT NULL,
    ADD COLUMN version INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN hold_reason TEXT,
    ALTER COLUMN task_number SET NOT NULL,
    ALTER COLUMN status SET NOT NULL,
    ALTER COLUMN priority SET NOT NULL,
    ALTER COLUMN work_center TYPE VARCHAR(20),
    ALTER COLUMN work_center SET NOT NULL,
    ADD CONSTRAINT task_work_center_known
        FOREIGN KEY (work_center) REFERENCES workflow.work_centers(code),
    ADD CONSTRAINT task_one_per_build_step UNIQUE (build_id, step_code),
    ADD CONSTRAINT task_held_with_reason CHECK (status <> 'ON_HOLD' OR hold_reason IS NOT NULL);

CREATE INDEX idx_tasks_board ON workflow.tasks (work_center, status);
CREATE INDEX idx_tasks_build ON workflow.tasks (build_id);

-- One running timer per person; a finished entry has its minutes.
ALTER TABLE workflow.task_time_entries
    ADD CONSTRAINT time_entry_activity_known
        CHECK (activity_type IN ('SETUP', 'WORK', 'REWORK', 'WAIT')),
    ADD COLUMN is_manual BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT time_entry_finished_has_minutes
        CHECK (end_time IS NULL OR duration_minutes IS NOT NULL);
CREATE UNIQUE INDEX time_entry_one_running_per_person
    ON workflow.task_time_entries (user_id) WHERE end_time IS NULL;

ALTER TABLE workflow.task_dependencies
    ALTER COLUMN dependency_type SET NOT NULL,
    ALTER COLUMN lag_time_minutes SET NOT NULL;

ALTER TABLE workflow.task_materials
    ADD CONSTRAINT task_material_quantities CHECK (
        quantity_required > 0
        AND quantity_issued >= 0 AND quantity_consumed >= 0 AND quantity_returned >= 0
        AND quantity_consumed + quantity_returned <= quantity_issued
    );
