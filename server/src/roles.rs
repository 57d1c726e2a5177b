//! The two database roles (README, security): what a DBA of an external
//! database sets up, and what the migrations then grant on their own.
//! `torvan migrate --print-grants` prints it.

/// Printed as it is: SQL a DBA can read and run, with its explanation.
pub const EXPECTED_GRANTS: &str = "\
-- TORVAN runs as two roles.
--   TORVAN_MIGRATION_DATABASE_URL: the owner. It owns the database's schemas
--     and tables and applies the migrations (`torvan migrate`).
--   DATABASE_URL: the app. A login role in the group torvan_runtime, which
--     owns nothing: it reads and writes the business tables, and may only
--     INSERT and SELECT in the audit schema (no UPDATE, DELETE, TRUNCATE,
--     no ALTER, no trigger control).
-- Names other than torvan_owner / torvan_app are fine; torvan_runtime is fixed.

-- 1. As a superuser (or a role with CREATEROLE), once per cluster:
CREATE ROLE torvan_runtime NOLOGIN;
CREATE ROLE torvan_owner LOGIN PASSWORD '...';
CREATE ROLE torvan_app LOGIN PASSWORD '...' IN ROLE torvan_runtime;
CREATE DATABASE torvan OWNER torvan_owner;

-- 2. The migrations (run as torvan_owner) then grant, and keep granting for
--    every table they add (ALTER DEFAULT PRIVILEGES):
--    in public, auth, inventory, orders, products, quality, workflow, files, system:
--      GRANT USAGE ON SCHEMA <schema> TO torvan_runtime;
--      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA <schema> TO torvan_runtime;
--      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA <schema> TO torvan_runtime;
--      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA <schema> TO torvan_runtime;
--    public._sqlx_migrations: SELECT only;
--    in audit:
--      GRANT USAGE ON SCHEMA audit TO torvan_runtime;
--      GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA audit TO torvan_runtime;
--      (audit.chain_head: SELECT only; the chain triggers write it)
-- and make the audit tables append-only for everybody (triggers that refuse
-- UPDATE, DELETE and TRUNCATE) and hash-chained (`torvan audit verify`).";
