-- TORVAN demo data (generated, deterministic, idempotent: every row has a fixed id
-- and every INSERT ends with ON CONFLICT DO NOTHING). Executed in name order in one
-- transaction.

-- Demo users, one per role. Password for all: torvan-demo-2026 (argon2id m=19456,t=2,p=1).
INSERT INTO auth.users (id, email, password_hash, role, status, first_name, last_name, phone, email_verified, email_verified_at, password_changed_at, timezone, created_at, updated_at, created_by) VALUES
('00000000-0000-4000-a000-000000000001', 'admin@torvan.test', '$argon2id$v=19$m=19456,t=2,p=1$+c2BMbOYqhs4GsvmsCcjpg$uPXz/CTawudn/5xuX58r+cil0HgTM9j+JR2OOTbkVFc', 'ADMIN', 'ACTIVE', 'Dana', 'Whitfield', '+1 (312) 555-0101', TRUE, '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', 'America/Chicago', '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', NULL)
ON CONFLICT DO NOTHING;
INSERT INTO auth.users (id, email, password_hash, role, status, first_name, last_name, phone, email_verified, email_verified_at, password_changed_at, timezone, created_at, updated_at, created_by) VALUES
('00000000-0000-4000-a000-000000000002', 'coordinator@torvan.test', '$argon2id$v=19$m=19456,t=2,p=1$+c2BMbOYqhs4GsvmsCcjpg$uPXz/CTawudn/5xuX58r+cil0HgTM9j+JR2OOTbkVFc', 'PRODUCTION_COORDINATOR', 'ACTIVE', 'Marcus', 'Reyes', '+1 (312) 555-0102', TRUE, '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', 'America/Chicago', '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', '00000000-0000-4000-a000-000000000001'),
('00000000-0000-4000-a000-000000000003', 'procurement@torvan.test', '$argon2id$v=19$m=19456,t=2,p=1$+c2BMbOYqhs4GsvmsCcjpg$uPXz/CTawudn/5xuX58r+cil0HgTM9j+JR2OOTbkVFc', 'PROCUREMENT', 'ACTIVE', 'Priya', 'Natarajan', '+1 (312) 555-0103', TRUE, '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', 'America/Chicago', '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', '00000000-0000-4000-a000-000000000001'),
('00000000-0000-4000-a000-000000000004', 'qc@torvan.test', '$argon2id$v=19$m=19456,t=2,p=1$+c2BMbOYqhs4GsvmsCcjpg$uPXz/CTawudn/5xuX58r+cil0HgTM9j+JR2OOTbkVFc', 'QC_PERSON', 'ACTIVE', 'Helen', 'Kowalski', '+1 (312) 555-0104', TRUE, '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', 'America/Chicago', '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', '00000000-0000-4000-a000-000000000001'),
('00000000-0000-4000-a000-000000000005', 'assembler@torvan.test', '$argon2id$v=19$m=19456,t=2,p=1$+c2BMbOYqhs4GsvmsCcjpg$uPXz/CTawudn/5xuX58r+cil0HgTM9j+JR2OOTbkVFc', 'ASSEMBLER', 'ACTIVE', 'Luis', 'Ortega', '+1 (312) 555-0105', TRUE, '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', 'America/Chicago', '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', '00000000-0000-4000-a000-000000000001'),
('00000000-0000-4000-a000-000000000006', 'service@torvan.test', '$argon2id$v=19$m=19456,t=2,p=1$+c2BMbOYqhs4GsvmsCcjpg$uPXz/CTawudn/5xuX58r+cil0HgTM9j+JR2OOTbkVFc', 'SERVICE_DEPARTMENT', 'ACTIVE', 'Kevin', 'O''Brien', '+1 (312) 555-0106', TRUE, '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', 'America/Chicago', '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', '00000000-0000-4000-a000-000000000001')
ON CONFLICT DO NOTHING;

-- Everything after this is written (and audited) as the demo admin.
SELECT set_config('app.current_user_id', '00000000-0000-4000-a000-000000000001', true);
