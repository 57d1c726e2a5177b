-- TORVAN demo data (generated, deterministic, idempotent: every row has a fixed id
-- and every INSERT ends with ON CONFLICT DO NOTHING). Executed in name order in one
-- transaction.

-- Customers (public.customers)
INSERT INTO customers (id, customer_number, company_name, customer_type, tax_id, primary_contact_name, primary_contact_title, primary_contact_email, primary_contact_phone, website, industry, is_active, credit_limit, payment_terms, notes, tags, created_at, updated_at, created_by) VALUES
(md5('torvan-demo:customer:C-10001')::uuid, 'C-10001', 'St. Mary''s Regional Medical Center', 'HEALTHCARE', '37-1042211', 'Angela Brooks', 'Director, Sterile Processing', 'abrooks@stmarys-regional.example', '+1 (217) 555-0140', 'https://stmarys-regional.example', 'Hospital', TRUE, 250000.00, 45, 'Nonprofit, tax exempt. SPD remodel 2026: ESR and decon sinks.', ARRAY['hospital', 'spd', 'tax-exempt'], '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', '00000000-0000-4000-a000-000000000001'),
(md5('torvan-demo:customer:C-10002')::uuid, 'C-10002', 'Lakeside University Hospital', 'HEALTHCARE', '34-0714577', 'Thomas Grant', 'Perioperative Services Manager', 'tgrant@lakeside-uh.example', '+1 (216) 555-0192', 'https://lakeside-uh.example', 'Academic medical center', TRUE, 400000.00, 30, 'Surgical suite expansion; endoscopy unit uses electric-lift ESR sinks.', ARRAY['hospital', 'academic', 'tax-exempt'], '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', '00000000-0000-4000-a000-000000000001'),
(md5('torvan-demo:customer:C-10003')::uuid, 'C-10003', 'Northwind Clinical Laboratories', 'LABORATORY', '56-2219083', 'Sofia Alvarez', 'Lab Operations Director', 'salvarez@northwindlabs.example', '+1 (919) 555-0163', 'https://northwindlabs.example', 'Clinical laboratory', TRUE, 120000.00, 30, 'Reference lab; chemical-resistant finishes, casters on mobile units.', ARRAY['laboratory', 'taxable'], '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', '00000000-0000-4000-a000-000000000001'),
(md5('torvan-demo:customer:C-10004')::uuid, 'C-10004', 'Cedar Valley Surgery Center', 'HEALTHCARE', '42-1593370', 'Megan Holt', 'Administrator', 'mholt@cedarvalley-asc.example', '+1 (319) 555-0135', 'https://cedarvalley-asc.example', 'Ambulatory surgery center', TRUE, 60000.00, 30, 'Ambulatory surgery center; scrub sinks for 4 ORs.', ARRAY['asc', 'taxable'], '2026-09-01 14:00:00+00', '2026-09-01 14:00:00+00', '00000000-0000-4000-a000-000000000001')
ON CONFLICT DO NOTHING;

-- Addresses
INSERT INTO customer_addresses (id, customer_id, address_type, label, street_address_1, street_address_2, city, state_province, postal_code, country, is_validated, validated_at, is_default_billing, is_default_shipping, created_at) VALUES
(md5('torvan-demo:customer-address:C-10001:1')::uuid, md5('torvan-demo:customer:C-10001')::uuid, 'BILLING', 'Accounts Payable', '800 E Carpenter St', NULL, 'Springfield', 'IL', '62769', 'United States', TRUE, '2026-09-01 14:00:00+00', TRUE, FALSE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-address:C-10001:2')::uuid, md5('torvan-demo:customer:C-10001')::uuid, 'SHIPPING', 'Receiving Dock B', '815 E Carpenter St', 'Dock B, Door 4', 'Springfield', 'IL', '62769', 'United States', TRUE, '2026-09-01 14:00:00+00', FALSE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-address:C-10002:1')::uuid, md5('torvan-demo:customer:C-10002')::uuid, 'BILLING', 'Supply Chain Finance', '11100 Euclid Ave', 'Suite 300', 'Cleveland', 'OH', '44106', 'United States', TRUE, '2026-09-01 14:00:00+00', TRUE, FALSE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-address:C-10002:2')::uuid, md5('torvan-demo:customer:C-10002')::uuid, 'SHIPPING', 'Central Receiving', '2085 Cornell Rd', NULL, 'Cleveland', 'OH', '44106', 'United States', TRUE, '2026-09-01 14:00:00+00', FALSE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-address:C-10003:1')::uuid, md5('torvan-demo:customer:C-10003')::uuid, 'BOTH', 'Main Campus', '4300 Emperor Blvd', 'Building C', 'Durham', 'NC', '27703', 'United States', TRUE, '2026-09-01 14:00:00+00', TRUE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-address:C-10004:1')::uuid, md5('torvan-demo:customer:C-10004')::uuid, 'BILLING', 'Business Office', '1200 1st Ave NE', NULL, 'Cedar Rapids', 'IA', '52402', 'United States', TRUE, '2026-09-01 14:00:00+00', TRUE, FALSE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-address:C-10004:2')::uuid, md5('torvan-demo:customer:C-10004')::uuid, 'SHIPPING', 'Loading Dock', '1200 1st Ave NE', 'Rear loading dock', 'Cedar Rapids', 'IA', '52402', 'United States', TRUE, '2026-09-01 14:00:00+00', FALSE, TRUE, '2026-09-01 14:00:00+00')
ON CONFLICT DO NOTHING;

-- Contacts
INSERT INTO customer_contacts (id, customer_id, first_name, last_name, title, department, email, phone, preferred_contact_method, receives_notifications, is_primary, is_active, created_at) VALUES
(md5('torvan-demo:customer-contact:C-10001:1')::uuid, md5('torvan-demo:customer:C-10001')::uuid, 'Angela', 'Brooks', 'Director, Sterile Processing', 'Sterile Processing', 'abrooks@stmarys-regional.example', '+1 (217) 555-0140', 'email', TRUE, TRUE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-contact:C-10001:2')::uuid, md5('torvan-demo:customer:C-10001')::uuid, 'Raj', 'Mehta', 'Facilities Project Manager', 'Facilities', 'rmehta@stmarys-regional.example', '+1 (217) 555-0177', 'email', TRUE, FALSE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-contact:C-10002:1')::uuid, md5('torvan-demo:customer:C-10002')::uuid, 'Thomas', 'Grant', 'Perioperative Services Manager', 'Surgery', 'tgrant@lakeside-uh.example', '+1 (216) 555-0192', 'email', TRUE, TRUE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-contact:C-10002:2')::uuid, md5('torvan-demo:customer:C-10002')::uuid, 'Lisa', 'Nguyen', 'Endoscopy Nurse Manager', 'GI / Endoscopy', 'lnguyen@lakeside-uh.example', '+1 (216) 555-0118', 'email', TRUE, FALSE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-contact:C-10002:3')::uuid, md5('torvan-demo:customer:C-10002')::uuid, 'Carl', 'Jensen', 'Buyer', 'Purchasing', 'cjensen@lakeside-uh.example', '+1 (216) 555-0150', 'email', TRUE, FALSE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-contact:C-10003:1')::uuid, md5('torvan-demo:customer:C-10003')::uuid, 'Sofia', 'Alvarez', 'Lab Operations Director', 'Operations', 'salvarez@northwindlabs.example', '+1 (919) 555-0163', 'email', TRUE, TRUE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-contact:C-10003:2')::uuid, md5('torvan-demo:customer:C-10003')::uuid, 'Ben', 'Okafor', 'EHS Coordinator', 'Environmental Health & Safety', 'bokafor@northwindlabs.example', '+1 (919) 555-0124', 'email', TRUE, FALSE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-contact:C-10004:1')::uuid, md5('torvan-demo:customer:C-10004')::uuid, 'Megan', 'Holt', 'Administrator', 'Administration', 'mholt@cedarvalley-asc.example', '+1 (319) 555-0135', 'email', TRUE, TRUE, TRUE, '2026-09-01 14:00:00+00'),
(md5('torvan-demo:customer-contact:C-10004:2')::uuid, md5('torvan-demo:customer:C-10004')::uuid, 'Dr. Paul', 'Fischer', 'Medical Director', 'Surgery', 'pfischer@cedarvalley-asc.example', '+1 (319) 555-0171', 'email', TRUE, FALSE, TRUE, '2026-09-01 14:00:00+00')
ON CONFLICT DO NOTHING;

-- The customer numbers the demo data uses (C-10001 to C-10004).
INSERT INTO system.number_sequences AS s (kind, scope, current_value) VALUES ('CUSTOMER', '', 4)
ON CONFLICT (kind, scope) DO UPDATE SET current_value = greatest(s.current_value, excluded.current_value);
