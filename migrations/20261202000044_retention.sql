-- Data retention (issue #17). The retention job applies
-- system.data_retention_policies: past their period, sessions and sign-in
-- attempts are archived to S3 (JSON lines, a manifest and their SHA-256)
-- and then removed; regulated records are only counted for a person to
-- decide (`torvan::retention`). Every run is recorded here.

CREATE TABLE system.retention_runs (
    id UUID PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    ok BOOLEAN NOT NULL,
    -- Where the run's archive is and the SHA-256 (hex) of its manifest,
    -- which names each archived file with its own hash.
    manifest_key VARCHAR(500),
    manifest_sha256 CHAR(64),
    -- Why a run failed, in words for the admin screen (the log has more).
    problem TEXT,
    CONSTRAINT retention_run_problem_named CHECK (ok = (problem IS NULL)),
    CONSTRAINT retention_run_manifest_hashed CHECK ((manifest_key IS NULL) = (manifest_sha256 IS NULL))
);
CREATE INDEX idx_retention_runs_started_at ON system.retention_runs (started_at DESC);

-- What a run did about each policy.
CREATE TABLE system.retention_run_tables (
    run_id UUID NOT NULL REFERENCES system.retention_runs(id),
    table_schema VARCHAR(100) NOT NULL,
    table_name VARCHAR(100) NOT NULL,
    action VARCHAR(20) NOT NULL CONSTRAINT retention_action_known
        CHECK (action IN ('REMOVED', 'REVIEW', 'SKIPPED')),
    cutoff TIMESTAMPTZ,
    -- Rows removed (REMOVED) or past their period and kept (REVIEW).
    row_count BIGINT NOT NULL DEFAULT 0 CONSTRAINT retention_row_count_not_negative CHECK (row_count >= 0),
    oldest_at TIMESTAMPTZ,
    archive_key VARCHAR(500),
    archive_sha256 CHAR(64),
    note TEXT,
    PRIMARY KEY (run_id, table_schema, table_name),
    -- Nothing is removed without its archive.
    CONSTRAINT retention_removal_archived
        CHECK (action <> 'REMOVED' OR row_count = 0 OR (archive_key IS NOT NULL AND archive_sha256 IS NOT NULL))
);

-- A run is a record of what happened: kept as written.
CREATE FUNCTION system.retention_runs_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a retention run is recorded once and never changed'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER retention_runs_append_only
    BEFORE UPDATE OR DELETE ON system.retention_runs
    FOR EACH ROW EXECUTE FUNCTION system.retention_runs_append_only();
CREATE TRIGGER retention_run_tables_append_only
    BEFORE UPDATE OR DELETE ON system.retention_run_tables
    FOR EACH ROW EXECUTE FUNCTION system.retention_runs_append_only();

-- The run is in the audit trail, as the retention system actor.
CREATE TRIGGER audit_retention_runs_trigger
    AFTER INSERT OR UPDATE OR DELETE ON system.retention_runs
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_chain_lock
    BEFORE INSERT OR UPDATE OR DELETE ON system.retention_runs
    FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_lock();

CREATE OR REPLACE FUNCTION audit.system_actors()
RETURNS TEXT[]
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
RETURN ARRAY['sign-in', 'create-admin', 'migrate', 'seed-demo', 'session-expiry', 'record-freeze',
             'retention'];

-- Sign-in attempts are links of the audit chain (migration 30). Removing
-- one would break the chain for every row after it, so each removed row
-- leaves a tombstone: its place, its hashes and the archive that holds its
-- content. `torvan audit verify` walks the tombstone in the row's place: the
-- links on both sides still have to match it, and the row's content can be
-- checked against the archive, whose hash the run recorded.
CREATE TABLE audit.chain_tombstones (
    seq BIGINT PRIMARY KEY,
    table_name TEXT NOT NULL CONSTRAINT chain_tombstone_removable CHECK (table_name = 'login_attempts'),
    row_id UUID NOT NULL,
    prev_hash BYTEA NOT NULL,
    row_hash BYTEA NOT NULL,
    archive_key VARCHAR(500) NOT NULL,
    removed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit.chain_tombstones
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit.chain_tombstones
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
-- Only the function below writes tombstones.
REVOKE INSERT ON audit.chain_tombstones FROM torvan_runtime;

-- The audit tables stay append-only, with one exception: a sign-in attempt
-- whose tombstone (same place, same hash) was written first may be
-- removed. Only the owner may DELETE there at all, which the runtime role
-- reaches through audit.remove_login_attempts() alone.
CREATE OR REPLACE FUNCTION audit.refuse_change()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    -- Nested: OLD has no `seq` on the other tables (nor at all on
    -- TRUNCATE), and PL/pgSQL does not short-circuit one condition.
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'login_attempts' THEN
        IF EXISTS (
            SELECT 1 FROM audit.chain_tombstones t
            WHERE t.seq = OLD.seq AND t.row_hash = OLD.row_hash AND t.row_id = OLD.id
        ) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION '%.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Removes the sign-in attempts past the period of their retention policy,
-- up to `p_through_seq`, which the caller has archived at `p_archive_key`:
-- exactly `p_expected` rows, or nothing. The period is read here, not
-- passed in, so no caller can remove younger rows than the policy allows
-- (nor any, with the policy inactive or shorter than 30 days).
CREATE FUNCTION audit.remove_login_attempts(p_through_seq BIGINT, p_expected BIGINT, p_archive_key TEXT)
RETURNS BIGINT
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_days INTEGER;
    v_removed BIGINT;
BEGIN
    SELECT retention_period_days INTO v_days
    FROM system.data_retention_policies
    WHERE table_schema = 'audit' AND table_name = 'login_attempts' AND is_active;
    IF v_days IS NULL OR v_days < 30 THEN
        RAISE EXCEPTION 'no active retention policy of 30 days or more for audit.login_attempts'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_archive_key IS NULL OR btrim(p_archive_key) = '' THEN
        RAISE EXCEPTION 'sign-in attempts are removed only after they are archived'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit.chain_tombstones (seq, table_name, row_id, prev_hash, row_hash, archive_key)
    SELECT a.seq, 'login_attempts', a.id, a.prev_hash, a.row_hash, p_archive_key
    FROM audit.login_attempts a
    WHERE a.attempted_at < now() - make_interval(days => v_days) AND a.seq <= p_through_seq;
    GET DIAGNOSTICS v_removed = ROW_COUNT;
    IF v_removed <> p_expected THEN
        RAISE EXCEPTION 'the archive holds % sign-in attempts but % are past their period', p_expected, v_removed
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    DELETE FROM audit.login_attempts a
    WHERE a.attempted_at < now() - make_interval(days => v_days) AND a.seq <= p_through_seq;
    RETURN v_removed;
END;
$$;
REVOKE ALL ON FUNCTION audit.remove_login_attempts(BIGINT, BIGINT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.remove_login_attempts(BIGINT, BIGINT, TEXT) TO torvan_runtime;

CREATE INDEX idx_login_attempts_attempted_at ON audit.login_attempts (attempted_at);
