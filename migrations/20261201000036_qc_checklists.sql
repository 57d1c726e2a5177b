-- Issue #16: QC checklists as data, one checklist per build and phase,
-- captures that replay safely, defects with their workflow.
--
-- 1. Templates. An admin writes, per sink family and phase, the items an
--    inspector checks (the domain notes' pre-QC and final-QC checks). A
--    template is versioned like a route: saving writes a new version, the
--    highest is in force, and a checklist records the version it was made
--    from, so a checklist already under way never changes under the
--    inspector's hands.
-- 2. Checklists per build. The design's UNIQUE(order_id, phase) said one
--    checklist per order, but each sink unit is inspected on its own (it has
--    its own build number, welds and basins), so it is UNIQUE(build_id,
--    phase) here (docs/schema.md). A re-inspection after rework is a new
--    `round` of the same checklist: the failed items reopen, the rest keep
--    their results.
-- 3. Captures. `qc_results` keeps every value an inspector recorded, in the
--    order recorded; its id is made by the tablet, so a capture sent twice
--    (a dropped connection, the offline queue replaying) is stored once.
--    An item's own columns hold its latest result.

-- 1. Templates ----------------------------------------------------------------

CREATE TABLE quality.checklist_templates (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    sink_family_id UUID NOT NULL REFERENCES products.sink_families(id),
    phase qc_phase NOT NULL,
    version INTEGER NOT NULL CONSTRAINT checklist_template_version_positive CHECK (version > 0),
    -- A second person reviews the inspector's sign-off.
    review_required BOOLEAN NOT NULL DEFAULT FALSE,
    notes TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by UUID NOT NULL REFERENCES auth.users(id),
    CONSTRAINT checklist_template_version_unique UNIQUE (sink_family_id, phase, version)
);

-- A tolerance is one of five shapes (`torvan::quality::Tolerance`):
-- tolerance_plus holds the upper deviation or limit, tolerance_minus the
-- lower one (symmetric: its deviation in tolerance_plus alone; minimum: its
-- limit in tolerance_minus; maximum: in tolerance_plus; range: both ends).
-- Only measurements carry one.
CREATE TABLE quality.checklist_template_items (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    template_id UUID NOT NULL REFERENCES quality.checklist_templates(id) ON DELETE CASCADE,
    item_number INTEGER NOT NULL CONSTRAINT template_item_number_positive CHECK (item_number > 0),
    category VARCHAR(100) NOT NULL,
    description TEXT NOT NULL CONSTRAINT template_item_description_present
        CHECK (length(trim(description)) > 0),
    item_type qc_item_type NOT NULL,
    specification TEXT,
    nominal_value NUMERIC(14, 6),
    tolerance_kind TEXT CONSTRAINT template_item_tolerance_kind_known
        CHECK (tolerance_kind IN ('SYMMETRIC', 'ASYMMETRIC', 'MINIMUM', 'MAXIMUM', 'RANGE')),
    tolerance_plus NUMERIC(14, 6),
    tolerance_minus NUMERIC(14, 6),
    unit TEXT,
    test_procedure TEXT,
    required_tools TEXT[] NOT NULL DEFAULT '{}',
    photo_required BOOLEAN NOT NULL DEFAULT FALSE,
    document_required BOOLEAN NOT NULL DEFAULT FALSE,
    signature_required BOOLEAN NOT NULL DEFAULT FALSE,
    is_required BOOLEAN NOT NULL DEFAULT TRUE,
    -- Rule language: when the item applies (NULL: always) and how many
    -- copies a build gets (NULL: one; `basin_count`: one per basin).
    condition TEXT,
    repeat_formula TEXT,
    CONSTRAINT template_item_number_unique UNIQUE (template_id, item_number),
    CONSTRAINT template_item_measurement_has_tolerance CHECK (
        (item_type = 'MEASUREMENT') = (tolerance_kind IS NOT NULL)
    )
);

-- 2. Checklists per build ------------------------------------------------------

ALTER TABLE quality.qc_checklists
    ADD COLUMN build_id UUID NOT NULL REFERENCES orders.sink_builds(id),
    ADD COLUMN template_id UUID NOT NULL REFERENCES quality.checklist_templates(id),
    ADD COLUMN round INTEGER NOT NULL DEFAULT 1 CONSTRAINT checklist_round_positive CHECK (round > 0),
    -- Raised by every change: a sign-off names the version it signs, so it
    -- never covers values recorded after the signer last looked. (The
    -- design's `version` column is the template's version, as text.)
    ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN review_required BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN reviewed_at TIMESTAMPTZ,
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ALTER COLUMN status SET NOT NULL,
    DROP CONSTRAINT qc_checklists_order_id_phase_key,
    ADD CONSTRAINT qc_checklist_one_per_build_phase UNIQUE (build_id, phase);

CREATE INDEX idx_qc_checklists_build ON quality.qc_checklists (build_id);

-- An item carries its own copy of the template item (the checklist is the
-- record of what was asked, whatever the template says later) and its
-- latest result. actual_value was text in the design: a measurement is a
-- number, judged exactly (NUMERIC, never float), with the unit it was
-- read in.
ALTER TABLE quality.qc_checklist_items
    ADD COLUMN template_item_id UUID REFERENCES quality.checklist_template_items(id),
    ADD COLUMN nominal_value NUMERIC(14, 6),
    ADD COLUMN tolerance_kind TEXT CONSTRAINT checklist_item_tolerance_kind_known
        CHECK (tolerance_kind IN ('SYMMETRIC', 'ASYMMETRIC', 'MINIMUM', 'MAXIMUM', 'RANGE')),
    ADD COLUMN tolerance_plus NUMERIC(14, 6),
    ADD COLUMN tolerance_minus NUMERIC(14, 6),
    ADD COLUMN actual_unit TEXT,
    ADD COLUMN round INTEGER NOT NULL DEFAULT 1,
    ALTER COLUMN actual_value TYPE NUMERIC(14, 6) USING actual_value::numeric,
    ALTER COLUMN status SET NOT NULL,
    ALTER COLUMN is_required SET NOT NULL,
    ALTER COLUMN photo_required SET NOT NULL,
    ALTER COLUMN document_required SET NOT NULL,
    ALTER COLUMN signature_required SET NOT NULL;

-- 3. Captures ------------------------------------------------------------------

CREATE TABLE quality.qc_results (
    -- Made by the tablet: the same capture sent twice is one row.
    id UUID PRIMARY KEY,
    item_id UUID NOT NULL REFERENCES quality.qc_checklist_items(id),
    round INTEGER NOT NULL,
    result TEXT NOT NULL CONSTRAINT qc_result_known
        CHECK (result IN ('PASS', 'FAIL', 'NOT_APPLICABLE')),
    value NUMERIC(14, 6),
    unit TEXT,
    comment TEXT,
    recorded_by UUID NOT NULL REFERENCES auth.users(id),
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX idx_qc_results_item ON quality.qc_results (item_id, recorded_at);

ALTER TABLE quality.qc_checklist_items
    ADD COLUMN result_id UUID REFERENCES quality.qc_results(id);

-- A capture is evidence: it is never changed or removed, only followed by a
-- later one.
CREATE TRIGGER qc_results_append_only
    BEFORE UPDATE OR DELETE ON quality.qc_results
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER qc_results_no_truncate
    BEFORE TRUNCATE ON quality.qc_results
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- 4. Defects -------------------------------------------------------------------

ALTER TABLE quality.qc_defects
    ADD COLUMN checklist_id UUID NOT NULL REFERENCES quality.qc_checklists(id),
    ADD COLUMN build_id UUID NOT NULL REFERENCES orders.sink_builds(id),
    ADD COLUMN defect_number VARCHAR(80) NOT NULL CONSTRAINT qc_defect_number_unique UNIQUE,
    ADD COLUMN version INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN waiver_reason TEXT,
    -- The waiver's signature. No foreign key into the audit schema: the
    -- signatures table is append-only and refuses TRUNCATE itself, which a
    -- key from a business table would pre-empt with another error.
    ADD COLUMN waiver_signature_id UUID,
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ALTER COLUMN severity SET NOT NULL,
    ALTER COLUMN resolution_status SET NOT NULL,
    ADD CONSTRAINT qc_defect_waiver_signed CHECK (
        resolution_status <> 'WAIVED'
        OR (waiver_signature_id IS NOT NULL AND length(trim(waiver_reason)) > 0)
    );

CREATE INDEX idx_qc_defects_build ON quality.qc_defects (build_id);
CREATE INDEX idx_qc_defects_item ON quality.qc_defects (checklist_item_id);

-- 5. Signatures on checklists (sign-off, review) and defects (waiver) -----------

ALTER TABLE audit.signatures
    DROP CONSTRAINT signature_record_kind_known,
    ADD CONSTRAINT signature_record_kind_known
        CHECK (record_kind IN ('BOM', 'SINK_CONFIGURATION', 'ORDER', 'QC_CHECKLIST', 'QC_DEFECT'));

-- 6. Audit ---------------------------------------------------------------------

-- The new tables are audited like every record people change, each with the
-- chain's statement lock beside its audit trigger (migration 30). The
-- changed tables kept theirs.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['checklist_templates', 'checklist_template_items', 'qc_results'] LOOP
        EXECUTE format('CREATE TRIGGER audit_%s_trigger AFTER INSERT OR UPDATE OR DELETE '
                       'ON quality.%I FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function()', t, t);
        EXECUTE format('CREATE TRIGGER audit_chain_lock BEFORE INSERT OR UPDATE OR DELETE '
                       'ON quality.%I FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_lock()', t);
    END LOOP;
END;
$$;

-- 7. Rework ---------------------------------------------------------------------

-- A build whose inspection failed goes back to the floor as a rework task
-- of its own, outside the route (`tasks::rework`): step 91n after pre-QC
-- round n, 92n after final QC, with no route step behind it.
ALTER TABLE workflow.tasks
    ALTER COLUMN route_step_id DROP NOT NULL,
    ADD CONSTRAINT task_route_step_or_rework
        CHECK (route_step_id IS NOT NULL OR step_code ~ '^9[12][0-9]$');
