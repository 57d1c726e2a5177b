-- The frozen production records (issue #17): when an order ships, each of
-- its builds' records is rendered as a PDF, stored in S3 and named here as
-- revision 1 with the hashes of its text and of its file. A later change
-- to a shipped build's record is kept as a new revision, which needs a
-- reason and the electronic signature of the person who issues it; an
-- earlier revision is never changed or removed, so every PDF once frozen
-- stays readable.
CREATE TABLE orders.build_record_revisions (
    id UUID PRIMARY KEY,
    build_id UUID NOT NULL REFERENCES orders.sink_builds(id),
    revision INTEGER NOT NULL CONSTRAINT build_record_revision_positive CHECK (revision >= 1),
    object_key VARCHAR(500) NOT NULL,
    -- The SHA-256 of the record's text (the hash printed on every page) and
    -- of the stored file, both in hex.
    content_sha256 CHAR(64) NOT NULL,
    file_sha256 CHAR(64) NOT NULL,
    file_size_bytes BIGINT NOT NULL CONSTRAINT build_record_file_not_empty CHECK (file_size_bytes > 0),
    -- Revision 1 is the freeze at shipment; every later one is a correction
    -- with its reason and signature.
    reason TEXT,
    -- The correction's row in audit.signatures. No foreign key: that table
    -- is append-only, and a reference would make its TRUNCATE fail on the
    -- reference instead of on its own guard.
    signature_id UUID,
    created_by UUID REFERENCES auth.users(id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT build_record_revision_unique UNIQUE (build_id, revision),
    CONSTRAINT build_record_correction_signed
        CHECK (revision = 1 OR (reason IS NOT NULL AND btrim(reason) <> '' AND signature_id IS NOT NULL))
);

CREATE FUNCTION orders.build_record_revisions_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a frozen production record is never changed: issue a new revision instead'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER build_record_revisions_append_only
    BEFORE UPDATE OR DELETE ON orders.build_record_revisions
    FOR EACH ROW EXECUTE FUNCTION orders.build_record_revisions_append_only();

-- Audited like every record, with the chain's statement lock (migration 30).
CREATE TRIGGER audit_build_record_revisions_trigger
    AFTER INSERT OR UPDATE OR DELETE ON orders.build_record_revisions
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_chain_lock
    BEFORE INSERT OR UPDATE OR DELETE ON orders.build_record_revisions
    FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_lock();

-- A correction's signature is bound to its revision.
ALTER TABLE audit.signatures
    DROP CONSTRAINT signature_record_kind_known,
    ADD CONSTRAINT signature_record_kind_known
        CHECK (record_kind IN ('BOM', 'SINK_CONFIGURATION', 'ORDER', 'QC_CHECKLIST', 'QC_DEFECT',
                               'BUILD_RECORD'));

-- The job that freezes shipped builds' records acts as the system.
CREATE OR REPLACE FUNCTION audit.system_actors()
RETURNS TEXT[]
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
RETURN ARRAY['sign-in', 'create-admin', 'migrate', 'seed-demo', 'session-expiry', 'record-freeze'];
