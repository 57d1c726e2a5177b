-- Design section 7: audit trail tables and the generic row audit trigger.

CREATE TABLE audit.audit_log (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Action details
    action audit_action NOT NULL,
    resource_type VARCHAR(100) NOT NULL, -- table name for row changes
    resource_id VARCHAR(100), -- ID of the affected resource

    -- User context
    user_id UUID REFERENCES auth.users(id),
    user_email VARCHAR(255),
    user_role user_role,

    -- Session context
    session_id VARCHAR(255),
    ip_address INET,
    user_agent TEXT,

    -- Change details
    old_values JSONB,
    new_values JSONB,
    changed_fields TEXT[], -- Array of field names that changed

    -- Additional context
    description TEXT,
    business_context JSONB,

    -- Request details
    request_method VARCHAR(10),
    request_path VARCHAR(500),
    request_params JSONB,

    -- Results
    success BOOLEAN DEFAULT TRUE,
    error_message TEXT,
    response_status INTEGER,

    -- Timing
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    duration_ms INTEGER
);

CREATE TABLE audit.data_changes (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    audit_log_id UUID NOT NULL REFERENCES audit.audit_log(id),

    -- Table identification
    schema_name VARCHAR(100) NOT NULL,
    table_name VARCHAR(100) NOT NULL,
    record_id VARCHAR(100) NOT NULL,

    -- Operation details
    operation CHAR(1) NOT NULL CHECK (operation IN ('I', 'U', 'D')), -- Insert, Update, Delete

    -- Row data
    old_row JSONB,
    new_row JSONB,

    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE audit.login_attempts (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- Attempt details
    email VARCHAR(255) NOT NULL,
    success BOOLEAN NOT NULL,
    failure_reason VARCHAR(255),

    -- Context
    ip_address INET,
    user_agent TEXT,
    country VARCHAR(100),
    city VARCHAR(100),

    -- Security
    is_suspicious BOOLEAN DEFAULT FALSE,
    risk_score INTEGER DEFAULT 0,

    attempted_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

-- Generic row audit trigger (design 7.2, corrected):
--  * acting user from app.current_user_id, session from app.current_session_id;
--    both are '' (not NULL) once a SET LOCAL has ended in the session, hence NULLIF;
--  * user_email / user_role looked up from auth.users;
--  * rows stored with to_jsonb() minus secrets (password_hash, session_token,
--    refresh_token) in audit_log.old_values/new_values and data_changes.old_row/new_row;
--  * changed_fields on UPDATE = keys whose values differ, without updated_at and
--    without the secret keys;
--  * an UPDATE that changes nothing but updated_at writes no audit row. An UPDATE
--    that changes only a secret is still logged (description says so), without
--    the secret's name or value.
CREATE OR REPLACE FUNCTION audit.audit_trigger_function()
RETURNS TRIGGER
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
    secret_keys CONSTANT TEXT[] := ARRAY['password_hash', 'session_token', 'refresh_token'];
    v_audit_id UUID;
    v_user_id UUID;
    v_session_id VARCHAR(255);
    v_user_email VARCHAR(255);
    v_user_role public.user_role;
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

    v_old := v_old - secret_keys;
    v_new := v_new - secret_keys;
    v_record_id := coalesce(v_new ->> 'id', v_old ->> 'id');

    v_user_id := NULLIF(current_setting('app.current_user_id', true), '')::uuid;
    v_session_id := NULLIF(current_setting('app.current_session_id', true), '');

    IF v_user_id IS NOT NULL THEN
        SELECT u.email, u.role
          INTO v_user_email, v_user_role
          FROM auth.users AS u
         WHERE u.id = v_user_id;
    END IF;

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
        v_user_id,
        v_user_email,
        v_user_role,
        v_session_id,
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
