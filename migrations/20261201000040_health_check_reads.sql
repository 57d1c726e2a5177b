-- The admin screen reads the latest database health check of each kind
-- (issue #17); a check writes four rows every five minutes, some 420,000 a
-- year, so the latest per kind is read from this index, not a scan.
CREATE INDEX idx_health_checks_latest
    ON system.database_health_checks (check_type, checked_at DESC);
