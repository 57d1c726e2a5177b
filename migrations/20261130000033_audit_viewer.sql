-- #14 audit viewer: /admin/audit pages the trail newest first by the key
-- (created_at, id) and narrows it by table and record, user, action and a
-- span of days. Each filter gets an index that ends in that key, so any page
-- of any filter, however deep, is an index range read of one page's rows;
-- the old single-column indexes are prefixes of these and go.
--
-- If the viewer's key moves to the chain's `seq` (audit-chain, migration 30),
-- these become (…, seq) indexes.

-- Every row the triggers and the app write takes the default; a row without
-- a time would sort nowhere in the key.
ALTER TABLE audit.audit_log ALTER COLUMN created_at SET NOT NULL;

DROP INDEX audit.idx_audit_log_created_at;
DROP INDEX audit.idx_audit_log_resource;
DROP INDEX audit.idx_audit_log_user_id;
DROP INDEX audit.idx_audit_log_action;

-- No filter, or only a span of days.
CREATE INDEX idx_audit_log_newest ON audit.audit_log (created_at, id);
-- A table; a table and a record (a record's history).
CREATE INDEX idx_audit_log_table_newest ON audit.audit_log (resource_type, created_at, id);
CREATE INDEX idx_audit_log_record_newest
    ON audit.audit_log (resource_type, resource_id, created_at, id);
-- A user (also the foreign key's index).
CREATE INDEX idx_audit_log_user_newest ON audit.audit_log (user_id, created_at, id);
-- An action.
CREATE INDEX idx_audit_log_action_newest ON audit.audit_log (action, created_at, id);
