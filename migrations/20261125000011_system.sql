-- Design section 10: retention policies, backup jobs, health checks.
--
-- Left out on purpose: system.cleanup_expired_data(). It deletes rows of
-- regulated records (orders, audit log, QC photos) through dynamic SQL with no
-- archive step and no legal-hold check. Retention becomes an application job
-- in a later issue; the policies below are configuration for it.

CREATE TABLE system.data_retention_policies (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    table_schema VARCHAR(100) NOT NULL,
    table_name VARCHAR(100) NOT NULL,
    retention_period_days INTEGER NOT NULL,
    archive_before_delete BOOLEAN DEFAULT TRUE,
    policy_description TEXT,
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    UNIQUE(table_schema, table_name)
);

INSERT INTO system.data_retention_policies (table_schema, table_name, retention_period_days, policy_description) VALUES
('orders', 'orders', 2555, '7 years retention for financial compliance'),
('audit', 'audit_log', 730, '2 years audit trail retention'),
('files', 'file_access_log', 365, '1 year file access logging'),
('auth', 'user_sessions', 90, '90 days session history'),
('audit', 'login_attempts', 365, '1 year login attempt history'),
('workflow', 'task_time_entries', 1095, '3 years time tracking data'),
('quality', 'qc_photos', 2555, '7 years QC documentation retention');

CREATE TABLE system.backup_jobs (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    backup_type VARCHAR(50) NOT NULL, -- 'FULL', 'INCREMENTAL', 'DIFFERENTIAL'
    backup_size_bytes BIGINT,
    backup_location VARCHAR(500),

    -- Timing
    started_at TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    duration_seconds INTEGER,

    -- Status
    status VARCHAR(20) DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    error_message TEXT,

    -- Metadata
    backup_tool VARCHAR(100),
    compression_ratio DECIMAL(5,2),
    verification_status VARCHAR(20),

    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE system.database_health_checks (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    check_type VARCHAR(100) NOT NULL,
    check_result VARCHAR(20) NOT NULL CHECK (check_result IN ('PASS', 'WARN', 'FAIL')),
    details JSONB,
    message TEXT,
    checked_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
