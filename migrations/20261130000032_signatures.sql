-- Electronic signatures (issue #14, 21 CFR Part 11 §11.50, §11.70, §11.300).
--
-- audit.signatures: one row per signature, never changed or removed. It
-- sits in the audit schema, so the runtime role's INSERT/SELECT-only grants
-- on audit.* apply to it; it is append-only and joins the hash chain as the
-- other audit tables do (migration 30), so `torvan audit verify` names a
-- signature changed behind the triggers' back; and its inserts are audited
-- like any record.
--
-- The signed record is named by kind, id and the version it had when it
-- was signed; content_hash is the SHA-256 of the record's canonical content
-- (`torvan::signature::Content`), which the record page recomputes to show
-- whether the record still reads as it was signed.
CREATE TABLE audit.signatures (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    signer_id UUID NOT NULL REFERENCES auth.users(id),
    printed_name TEXT NOT NULL,
    signer_role user_role NOT NULL,
    meaning TEXT NOT NULL CONSTRAINT signature_meaning_known
        CHECK (meaning IN ('AUTHORED', 'PERFORMED', 'REVIEWED', 'APPROVED', 'VERIFIED')),
    signed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    record_kind TEXT NOT NULL CONSTRAINT signature_record_kind_known
        CHECK (record_kind IN ('BOM', 'SINK_CONFIGURATION', 'ORDER')),
    record_id UUID NOT NULL,
    record_version INTEGER NOT NULL,
    content_hash BYTEA NOT NULL CONSTRAINT signature_hash_is_sha256
        CHECK (octet_length(content_hash) = 32),
    -- The signer produced the record and approved it under the small-shop
    -- setting (system.signature_policy.author_may_approve).
    duties_waived BOOLEAN NOT NULL DEFAULT FALSE,
    session_id UUID,
    -- The chain (migration 30): set by the chain triggers below.
    seq BIGINT NOT NULL,
    prev_hash BYTEA NOT NULL,
    row_hash BYTEA NOT NULL
);

CREATE INDEX idx_signatures_record ON audit.signatures (record_kind, record_id, signed_at);

CREATE UNIQUE INDEX uq_signatures_seq ON audit.signatures (seq);
CREATE TRIGGER zz_chain_link BEFORE INSERT ON audit.signatures
    FOR EACH ROW EXECUTE FUNCTION audit.chain_link();
CREATE TRIGGER chain_lock BEFORE INSERT ON audit.signatures
    FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_lock();
CREATE TRIGGER chain_store_tail AFTER INSERT ON audit.signatures
    FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_store_tail();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit.signatures
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit.signatures
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER audit_signatures_trigger
    AFTER INSERT ON audit.signatures
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();

-- Separation of duties: who generated a BOM or validated a configuration
-- may not approve it, unless an administrator turns this on for a small
-- shop. One row; every change audited.
CREATE TABLE system.signature_policy (
    id BOOLEAN PRIMARY KEY DEFAULT TRUE CONSTRAINT signature_policy_one_row CHECK (id),
    author_may_approve BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by UUID REFERENCES auth.users(id)
);

INSERT INTO system.signature_policy DEFAULT VALUES;

CREATE TRIGGER set_updated_at BEFORE UPDATE ON system.signature_policy
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
-- An audited table takes the chain's lock before its rows' (migration 30).
CREATE TRIGGER audit_chain_lock BEFORE INSERT OR UPDATE OR DELETE ON system.signature_policy
    FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_lock();
CREATE TRIGGER audit_signature_policy_trigger
    AFTER INSERT OR UPDATE OR DELETE ON system.signature_policy
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
