-- No anonymous writes. A change to an audited table must name who makes it:
-- an acting user (app.current_user_id, set by db::begin_as) or one of a
-- fixed list of system actors (app.system_actor, set by db::begin_system),
-- which the audit row now records. A change that names neither is refused,
-- so a write path that forgets to say who it acts for fails at once instead
-- of leaving an anonymous row. The request's client address and user agent
-- (app.client_address, app.user_agent) are recorded too.
--
-- A migration that writes audited rows must say so itself, as its first
-- statement: SET LOCAL app.system_actor = 'migrate';

-- The one list of system actors in the database; `torvan::SystemActor`
-- holds the same names (a test keeps the two equal).
CREATE FUNCTION audit.system_actors()
RETURNS TEXT[]
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
RETURN ARRAY['sign-in', 'create-admin', 'migrate', 'seed-demo', 'session-expiry'];

ALTER TABLE audit.audit_log
    ADD COLUMN system_actor TEXT
        CONSTRAINT audit_log_system_actor_known
        CHECK (system_actor = ANY (audit.system_actors()));

-- Rows from before this migration may name nobody; every new one names a
-- user or a system actor, however it is written (trigger or direct insert).
ALTER TABLE audit.audit_log
    ADD CONSTRAINT audit_log_names_who_acted
    CHECK (user_id IS NOT NULL OR system_actor IS NOT NULL) NOT VALID;

COMMENT ON COLUMN audit.audit_log.system_actor IS
    'the part of the system that made the change when no user did (audit.system_actors())';

-- Who acts in this transaction, as an audit row records it.
CREATE TYPE audit.acting AS (
    user_id UUID,
    user_email VARCHAR(255),
    user_role public.user_role,
    session_id VARCHAR(255),
    system_actor TEXT,
    ip_address INET,
    user_agent TEXT
);

-- The transaction's actor, from its settings; refuses a change to `tbl`
-- that names no user and no system actor, or an actor not on the list.
-- Settings read '' (not NULL) once a SET LOCAL has ended in the session,
-- hence NULLIF.
CREATE FUNCTION audit.acting(tbl TEXT)
RETURNS audit.acting
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
    v audit.acting;
BEGIN
    v.user_id := NULLIF(current_setting('app.current_user_id', true), '')::uuid;
    v.session_id := NULLIF(current_setting('app.current_session_id', true), '');
    v.system_actor := NULLIF(current_setting('app.system_actor', true), '');
    v.ip_address := NULLIF(current_setting('app.client_address', true), '')::inet;
    v.user_agent := NULLIF(current_setting('app.user_agent', true), '');

    IF v.system_actor IS NOT NULL AND NOT v.system_actor = ANY (audit.system_actors()) THEN
        RAISE EXCEPTION 'change to % refused: "%" is not a system actor', tbl, v.system_actor
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'The system actors are: '
                         || array_to_string(audit.system_actors(), ', ') || '.';
    END IF;
    IF v.user_id IS NULL AND v.system_actor IS NULL THEN
        RAISE EXCEPTION 'change to % refused: no acting user and no system actor', tbl
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Write through db::begin_as (a user) or db::begin_system (one of: '
                         || array_to_string(audit.system_actors(), ', ')
                         || '); a migration starts with SET LOCAL app.system_actor = ''migrate''.';
    END IF;

    IF v.user_id IS NOT NULL THEN
        SELECT u.email, u.role
          INTO v.user_email, v.user_role
          FROM auth.users AS u
         WHERE u.id = v.user_id;
    END IF;
    RETURN v;
END;
$$;

-- The row audit trigger of migration 9, now through audit.acting: the same
-- rows, refused when nobody acts, with the system actor and the client.
CREATE OR REPLACE FUNCTION audit.audit_trigger_function()
RETURNS TRIGGER
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
    secret_keys CONSTANT TEXT[] := ARRAY['password_hash', 'session_token', 'refresh_token'];
    v_acting audit.acting;
    v_audit_id UUID;
    v_old JSONB;
    v_new JSONB;
    v_changed TEXT[];
    v_secret_changed BOOLEAN := FALSE;
    v_record_id TEXT;
    v_description TEXT;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        v_old := to_jsonb(OLD);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        v_new := to_jsonb(NEW);
    END IF;

    IF TG_OP = 'UPDATE' THEN
        SELECT coalesce(array_agg(n.key ORDER BY n.key), '{}')
          INTO v_changed
          FROM jsonb_each(v_new) AS n
         WHERE n.key <> 'updated_at'
           AND n.value IS DISTINCT FROM (v_old -> n.key);

        IF cardinality(v_changed) = 0 THEN
            RETURN NULL; -- nothing but updated_at changed: no audit row
        END IF;

        v_secret_changed := v_changed && secret_keys;
        SELECT coalesce(array_agg(k ORDER BY k), '{}')
          INTO v_changed
          FROM unnest(v_changed) AS k
         WHERE k <> ALL (secret_keys);
    END IF;

    v_acting := audit.acting(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);

    v_old := v_old - secret_keys;
    v_new := v_new - secret_keys;
    v_record_id := coalesce(v_new ->> 'id', v_old ->> 'id');

    v_description := TG_OP || ' on ' || TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
    IF v_secret_changed THEN
        v_description := v_description || ' (credentials changed, values redacted)';
    END IF;

    INSERT INTO audit.audit_log (
        action,
        resource_type,
        resource_id,
        user_id,
        user_email,
        user_role,
        session_id,
        system_actor,
        ip_address,
        user_agent,
        old_values,
        new_values,
        changed_fields,
        description
    ) VALUES (
        CASE TG_OP
            WHEN 'INSERT' THEN 'CREATE'::public.audit_action
            WHEN 'UPDATE' THEN 'UPDATE'::public.audit_action
            ELSE 'DELETE'::public.audit_action
        END,
        TG_TABLE_NAME,
        v_record_id,
        v_acting.user_id,
        v_acting.user_email,
        v_acting.user_role,
        v_acting.session_id,
        v_acting.system_actor,
        v_acting.ip_address,
        v_acting.user_agent,
        v_old,
        v_new,
        v_changed,
        v_description
    ) RETURNING id INTO v_audit_id;

    INSERT INTO audit.data_changes (
        audit_log_id,
        schema_name,
        table_name,
        record_id,
        operation,
        old_row,
        new_row
    ) VALUES (
        v_audit_id,
        TG_TABLE_SCHEMA,
        TG_TABLE_NAME,
        coalesce(v_record_id, ''),
        CASE TG_OP WHEN 'INSERT' THEN 'I' WHEN 'UPDATE' THEN 'U' ELSE 'D' END,
        v_old,
        v_new
    );

    RETURN NULL; -- AFTER trigger: the return value is ignored
END;
$$;

-- The statement-level insert audit of migration 25, likewise.
CREATE OR REPLACE FUNCTION audit.audit_inserted_rows()
RETURNS TRIGGER
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
    secret_keys CONSTANT TEXT[] := ARRAY['password_hash', 'session_token', 'refresh_token'];
    v_acting audit.acting;
BEGIN
    -- A statement that inserts nothing names nobody and is not refused.
    IF NOT EXISTS (SELECT FROM new_rows) THEN
        RETURN NULL;
    END IF;
    v_acting := audit.acting(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);

    WITH inserted AS (
        SELECT to_jsonb(n) - secret_keys AS row FROM new_rows AS n
    ), logged AS (
        INSERT INTO audit.audit_log (action, resource_type, resource_id, user_id, user_email,
            user_role, session_id, system_actor, ip_address, user_agent, old_values,
            new_values, changed_fields, description)
        SELECT 'CREATE'::public.audit_action, TG_TABLE_NAME, row ->> 'id', v_acting.user_id,
               v_acting.user_email, v_acting.user_role, v_acting.session_id,
               v_acting.system_actor, v_acting.ip_address, v_acting.user_agent, NULL, row, NULL,
               'INSERT on ' || TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
        FROM inserted
        RETURNING id, resource_id, new_values
    )
    INSERT INTO audit.data_changes (audit_log_id, schema_name, table_name, record_id,
        operation, old_row, new_row)
    SELECT id, TG_TABLE_SCHEMA, TG_TABLE_NAME, coalesce(resource_id, ''), 'I', NULL, new_values
    FROM logged;

    RETURN NULL;
END;
$$;
