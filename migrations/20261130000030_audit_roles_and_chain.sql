-- Issue #14, items 1 and 2: an audit trail the app cannot rewrite, and
-- evidence when anybody else does.
--
-- 1. Two roles. This migration (and every later one) runs as the owner of
--    the schema. The app serves as a member of `torvan_runtime`, a NOLOGIN
--    group role that owns nothing: it reads and writes the business tables,
--    but on `audit.*` it may only INSERT and SELECT. Owning nothing, it can
--    neither ALTER an audit table nor disable its triggers. A group role
--    (rather than one login role) lets each installation name and rotate its
--    own login roles without a migration: `GRANT torvan_runtime TO <login>`.
-- 2. Append-only. `audit.refuse_change()` refuses UPDATE, DELETE and
--    TRUNCATE on every audit table, whoever asks, the owner included: only
--    someone who disables the trigger (the owner or a superuser, knowingly)
--    can change a row, and the chain below shows that they did.
-- 3. A hash chain. Every row of `audit.audit_log`, `audit.data_changes` and
--    `audit.login_attempts` carries `seq` (its place in one chain over all
--    three tables), `prev_hash` (the previous row's hash) and `row_hash`
--    (SHA-256 over the previous hash, the table's name and the row's
--    content), set by `audit.chain_link()` before the row is stored, in the
--    transaction that makes the change. One chain, not one per table: a
--    change writes its audit_log and data_changes rows together, so one
--    chain states their order as well, costs one lock instead of two (two
--    locks taken in trigger order would be a deadlock waiting to happen) and
--    `torvan audit verify` walks one sequence.

-- 1. The runtime group role --------------------------------------------------

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'torvan_runtime') THEN
        IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
            RAISE EXCEPTION 'the role torvan_runtime does not exist and % may not create roles', current_user
                USING HINT = 'As a superuser (or a role with CREATEROLE) run: CREATE ROLE torvan_runtime NOLOGIN; '
                          || 'then migrate again. `torvan migrate --print-grants` lists the rest.';
        END IF;
        BEGIN
            CREATE ROLE torvan_runtime NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- another database of this cluster created it meanwhile (parallel tests)
        END;
    END IF;
END;
$$;

-- Everything but the audit trail: what the app reads and writes. Default
-- privileges give the same to tables, sequences and functions that later
-- migrations (run by this same owner) create.
DO $$
DECLARE
    s TEXT;
BEGIN
    FOREACH s IN ARRAY ARRAY['public', 'auth', 'inventory', 'orders', 'products', 'quality',
                             'workflow', 'files', 'system']
    LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO torvan_runtime', s);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO torvan_runtime', s);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO torvan_runtime', s);
        EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO torvan_runtime', s);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO torvan_runtime', s);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO torvan_runtime', s);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT EXECUTE ON FUNCTIONS TO torvan_runtime', s);
    END LOOP;
END;
$$;

-- The migrations' own bookkeeping: the app only reads it (to see that no
-- migration is pending when it has no owner URL to apply one).
REVOKE ALL ON public._sqlx_migrations FROM torvan_runtime;
GRANT SELECT ON public._sqlx_migrations TO torvan_runtime;

-- 2. Append-only audit tables ------------------------------------------------

-- One function for every audit table, present and future: a table becomes
-- append-only with the two triggers below. Row-level for UPDATE and DELETE,
-- statement-level for TRUNCATE (which fires no row triggers).
CREATE FUNCTION audit.refuse_change()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '%.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- 3. The chain ---------------------------------------------------------------

ALTER TABLE audit.audit_log
    ADD COLUMN seq BIGINT,
    ADD COLUMN prev_hash BYTEA,
    ADD COLUMN row_hash BYTEA;
ALTER TABLE audit.data_changes
    ADD COLUMN seq BIGINT,
    ADD COLUMN prev_hash BYTEA,
    ADD COLUMN row_hash BYTEA;
ALTER TABLE audit.login_attempts
    ADD COLUMN seq BIGINT,
    ADD COLUMN prev_hash BYTEA,
    ADD COLUMN row_hash BYTEA;

-- The chain's committed end: its last seq and hash. The one row is also the
-- chain's lock: `chain_link` locks it FOR UPDATE before linking a row and
-- the lock is held until commit, so two transactions never link to the same
-- row (no fork), seq order is commit order, and a rollback takes its links
-- with it. The cost: audited writes are serialised from their first audit
-- row to their commit (BENCHMARKS.md, "#14 audit chain").
CREATE TABLE audit.chain_head (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CONSTRAINT chain_head_one_row CHECK (singleton),
    seq BIGINT NOT NULL,
    row_hash BYTEA NOT NULL
);

-- A row's hash: SHA-256 over the table's name and the row as jsonb (its
-- seq and prev_hash included, row_hash left out). Canonical: jsonb's text
-- form is one per value (keys sorted, no spacing choices). Nulls are left
-- out, so a column added later (NULL in old rows) does not change old rows'
-- hashes; jsonb_strip_nulls drops them inside old_values/new_values too (a
-- key whose value is null weighs nothing), at half the cost of dropping only
-- the top level's (BENCHMARKS.md). The caller renders the row with TimeZone
-- = UTC, because to_jsonb writes a timestamptz in the session's zone.
CREATE FUNCTION audit.chain_digest(table_name TEXT, content JSONB)
RETURNS BYTEA
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $$
    SELECT sha256(convert_to(table_name || E'\n' || jsonb_strip_nulls(content - 'row_hash')::text, 'UTF8'))
$$;

-- BEFORE INSERT on every chained table. Named zz_… where it is attached, so
-- it fires after any other BEFORE INSERT trigger and hashes the row as stored.
-- The statement already holds the head's lock (`chain_lock`, below, fires
-- before each statement on a chained table). Within a transaction the chain's
-- end travels in the transaction-local setting `audit.chain_tail`
-- ('seq:hex'): updating chain_head once per row would leave a thousand dead
-- versions of one row in a BOM generation's transaction, each walked by the
-- next update (quadratic). A savepoint rolled back restores the setting along
-- with removing its rows. `chain_store_tail` writes the head after each
-- statement. A session that forges the setting can only break the chain (a
-- link `verify` names), never mend one.
CREATE FUNCTION audit.chain_link()
RETURNS TRIGGER
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
SET "TimeZone" = 'UTC'
AS $$
DECLARE
    v_tail TEXT := NULLIF(current_setting('audit.chain_tail', true), '');
    v_seq BIGINT;
    v_prev BYTEA;
BEGIN
    IF v_tail IS NULL THEN
        SELECT h.seq, h.row_hash INTO v_seq, v_prev
          FROM audit.chain_head AS h
         WHERE h.singleton
           FOR UPDATE;
    ELSE
        v_seq := split_part(v_tail, ':', 1)::bigint;
        v_prev := decode(split_part(v_tail, ':', 2), 'hex');
    END IF;

    NEW.seq := v_seq + 1;
    NEW.prev_hash := v_prev;
    NEW.row_hash := NULL;
    NEW.row_hash := audit.chain_digest(TG_TABLE_NAME, to_jsonb(NEW));
    PERFORM set_config('audit.chain_tail', NEW.seq || ':' || encode(NEW.row_hash, 'hex'), true);
    RETURN NEW;
END;
$$;

-- AFTER INSERT, once per statement: writes the chain's end to chain_head, so
-- the next transaction starts from it (a handful of updates of the head per
-- transaction, not one per row).
CREATE FUNCTION audit.chain_store_tail()
RETURNS TRIGGER
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
    v_tail TEXT := NULLIF(current_setting('audit.chain_tail', true), '');
BEGIN
    IF v_tail IS NOT NULL THEN
        UPDATE audit.chain_head
           SET seq = split_part(v_tail, ':', 1)::bigint,
               row_hash = decode(split_part(v_tail, ':', 2), 'hex')
         WHERE singleton
           AND seq < split_part(v_tail, ':', 1)::bigint;
    END IF;
    RETURN NULL;
END;
$$;

-- The head's lock is taken before a statement on an audited table locks
-- any row of it. Were it taken only when the first audit row is linked (after
-- the statement's row locks), two transactions could each hold what the other
-- waits for: T1 changed order A (and holds the head), T2 changed order B and
-- waits for the head, T1 now changes B. Taking it first, T2 waits without
-- holding B, and T1 finishes. (A transaction that locked rows by other means
-- before its first audited statement can still deadlock; PostgreSQL then
-- refuses one of the two, as it does any deadlock.)
CREATE FUNCTION audit.chain_lock()
RETURNS TRIGGER
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
BEGIN
    PERFORM 1 FROM audit.chain_head WHERE singleton FOR UPDATE;
    RETURN NULL;
END;
$$;

-- On every table the audit triggers watch; a table audited by a later
-- migration gets the same trigger beside its audit trigger.
DO $$
DECLARE
    t REGCLASS;
BEGIN
    FOR t IN
        SELECT DISTINCT tr.tgrelid::regclass
          FROM pg_trigger AS tr
          JOIN pg_proc AS p ON p.oid = tr.tgfoid
         WHERE p.pronamespace = 'audit'::regnamespace
           AND p.proname IN ('audit_trigger_function', 'audit_inserted_rows')
    LOOP
        EXECUTE format('CREATE TRIGGER audit_chain_lock BEFORE INSERT OR UPDATE OR DELETE ON %s '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_lock()', t);
    END LOOP;
END;
$$;

-- Rows written before this migration join the chain in the order they were
-- written (created_at, then id). The genesis link is 32 zero bytes.
INSERT INTO audit.chain_head (seq, row_hash) VALUES (0, decode(repeat('00', 32), 'hex'));

DO $$
DECLARE
    r RECORD;
    v_seq BIGINT := 0;
    v_prev BYTEA := decode(repeat('00', 32), 'hex');
    v_hash BYTEA;
BEGIN
    SET LOCAL TimeZone = 'UTC';
    FOR r IN
        SELECT 'audit_log' AS tbl, id, created_at AS at FROM audit.audit_log
        UNION ALL
        SELECT 'data_changes', id, created_at FROM audit.data_changes
        UNION ALL
        SELECT 'login_attempts', id, attempted_at FROM audit.login_attempts
        ORDER BY at, id
    LOOP
        v_seq := v_seq + 1;
        EXECUTE format('UPDATE audit.%I AS t SET seq = $1, prev_hash = $2, '
                       'row_hash = audit.chain_digest(%L, to_jsonb(t) '
                       '|| jsonb_build_object(''seq'', $1, ''prev_hash'', $2)) '
                       'WHERE t.id = $3 RETURNING t.row_hash', r.tbl, r.tbl)
            USING v_seq, v_prev, r.id
            INTO v_hash;
        v_prev := v_hash;
    END LOOP;
    UPDATE audit.chain_head SET seq = v_seq, row_hash = v_prev;
END;
$$;

-- What `torvan audit verify` found, each time it ran: the admin screen
-- shows the last one. `last_seq`/`last_hash` (the chain's end when it was
-- verified) anchor the next run: a chain cut short below them is named.
CREATE TABLE audit.chain_verifications (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    verified_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    rows_checked BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    last_hash BYTEA,
    ok BOOLEAN NOT NULL,
    -- The first row that does not match, when one does not.
    bad_seq BIGINT,
    bad_table TEXT,
    bad_id UUID,
    problem TEXT,
    CONSTRAINT chain_verifications_problem_named CHECK (ok = (problem IS NULL))
);
CREATE INDEX idx_chain_verifications_verified_at ON audit.chain_verifications (verified_at DESC);

-- Chain, order and protect each audit table.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['audit_log', 'data_changes', 'login_attempts']
    LOOP
        EXECUTE format('ALTER TABLE audit.%I ALTER COLUMN seq SET NOT NULL, '
                       'ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN row_hash SET NOT NULL', t);
        EXECUTE format('CREATE UNIQUE INDEX %I ON audit.%I (seq)', 'uq_' || t || '_seq', t);
        EXECUTE format('CREATE TRIGGER zz_chain_link BEFORE INSERT ON audit.%I '
                       'FOR EACH ROW EXECUTE FUNCTION audit.chain_link()', t);
        EXECUTE format('CREATE TRIGGER chain_lock BEFORE INSERT ON audit.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_lock()', t);
        EXECUTE format('CREATE TRIGGER chain_store_tail AFTER INSERT ON audit.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_store_tail()', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['audit_log', 'data_changes', 'login_attempts', 'chain_verifications']
    LOOP
        EXECUTE format('CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit.%I '
                       'FOR EACH ROW EXECUTE FUNCTION audit.refuse_change()', t);
        EXECUTE format('CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()', t);
    END LOOP;
END;
$$;

-- The audit schema for the runtime role: read and append, nothing else.
-- The chain's head is written only by the SECURITY DEFINER chain functions.
GRANT USAGE ON SCHEMA audit TO torvan_runtime;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA audit TO torvan_runtime;
REVOKE INSERT ON audit.chain_head FROM torvan_runtime;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA audit TO torvan_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA audit GRANT SELECT, INSERT ON TABLES TO torvan_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA audit GRANT EXECUTE ON FUNCTIONS TO torvan_runtime;
