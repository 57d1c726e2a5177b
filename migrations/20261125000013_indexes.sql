-- Design section 9.1, unchanged (some duplicate a UNIQUE constraint's index;
-- kept under their design names), followed by additions listed in docs/schema.md.

-- User and authentication indexes
CREATE INDEX idx_users_email ON auth.users(email);
CREATE INDEX idx_users_role ON auth.users(role) WHERE status = 'ACTIVE';
CREATE INDEX idx_user_sessions_token ON auth.user_sessions(session_token);
CREATE INDEX idx_user_sessions_user_id ON auth.user_sessions(user_id) WHERE is_active = true;

-- Customer indexes
CREATE INDEX idx_customers_company_name ON customers(company_name);
CREATE INDEX idx_customers_active ON customers(id) WHERE is_active = true;
CREATE INDEX idx_customer_addresses_customer_id ON customer_addresses(customer_id);

-- Inventory indexes
CREATE INDEX idx_parts_part_number ON inventory.parts(part_number);
CREATE INDEX idx_parts_name_gin ON inventory.parts USING gin(to_tsvector('english', name));
CREATE INDEX idx_parts_status ON inventory.parts(status) WHERE status = 'ACTIVE';
CREATE INDEX idx_parts_sub_assembly ON inventory.parts(sub_assembly_id);
CREATE INDEX idx_parts_availability ON inventory.parts(quantity_available) WHERE quantity_available > 0;

-- Order indexes
CREATE INDEX idx_orders_order_number ON orders.orders(order_number);
CREATE INDEX idx_orders_customer_id ON orders.orders(customer_id);
CREATE INDEX idx_orders_status ON orders.orders(status);
CREATE INDEX idx_orders_created_date ON orders.orders(order_date);
CREATE INDEX idx_orders_assigned_user ON orders.orders(assigned_to) WHERE assigned_to IS NOT NULL;

-- BOM indexes
CREATE INDEX idx_boms_order_id ON orders.boms(order_id);
CREATE INDEX idx_boms_active ON orders.boms(order_id, version) WHERE is_active = true;
CREATE INDEX idx_bom_items_bom_id ON orders.bom_items(bom_id);
CREATE INDEX idx_bom_items_part_id ON orders.bom_items(part_id);

-- QC indexes
CREATE INDEX idx_qc_checklists_order_id ON quality.qc_checklists(order_id);
CREATE INDEX idx_qc_checklists_assigned ON quality.qc_checklists(assigned_to) WHERE status IN ('PENDING', 'IN_PROGRESS');
CREATE INDEX idx_qc_items_checklist_id ON quality.qc_checklist_items(checklist_id);

-- Task indexes
CREATE INDEX idx_tasks_order_id ON workflow.tasks(order_id);
CREATE INDEX idx_tasks_assigned_to ON workflow.tasks(assigned_to) WHERE status IN ('PENDING', 'IN_PROGRESS');
CREATE INDEX idx_tasks_status ON workflow.tasks(status);
CREATE INDEX idx_tasks_due_date ON workflow.tasks(due_date) WHERE status IN ('PENDING', 'IN_PROGRESS');

-- Audit indexes
CREATE INDEX idx_audit_log_user_id ON audit.audit_log(user_id);
CREATE INDEX idx_audit_log_resource ON audit.audit_log(resource_type, resource_id);
CREATE INDEX idx_audit_log_created_at ON audit.audit_log(created_at);
CREATE INDEX idx_audit_log_action ON audit.audit_log(action);

-- Document indexes
CREATE INDEX idx_documents_type ON files.documents(document_type);
CREATE INDEX idx_documents_uploaded_by ON files.documents(uploaded_by);
CREATE INDEX idx_documents_status ON files.documents(status) WHERE status = 'ACTIVE';
CREATE INDEX idx_document_relationships_entity ON files.document_relationships(entity_type, entity_id);

-- ---------------------------------------------------------------------------
-- Additions (not in the design)
-- ---------------------------------------------------------------------------

-- Parts search: full text over name + description, and part-number prefix
-- search (LIKE '710-%') independent of the database collation.
CREATE INDEX idx_parts_search_gin ON inventory.parts
    USING gin (to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, '')));
CREATE INDEX idx_parts_part_number_prefix ON inventory.parts (part_number text_pattern_ops);

-- Hierarchy joins (parts_availability view, catalogue tree)
CREATE INDEX idx_categories_parent_id ON inventory.categories(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX idx_assemblies_category_id ON inventory.assemblies(category_id);
CREATE INDEX idx_sub_assemblies_assembly_id ON inventory.sub_assemblies(assembly_id);
CREATE INDEX idx_part_substitutes_substitute ON inventory.part_substitutes(substitute_part_id);

-- Customers
CREATE INDEX idx_customer_contacts_customer_id ON customer_contacts(customer_id);

-- Orders: status timeline per order, configurations by family, line items by part
CREATE INDEX idx_order_status_history_order_changed ON orders.order_status_history(order_id, changed_at);
CREATE INDEX idx_order_sink_configurations_family ON orders.order_sink_configurations(sink_family_id);
CREATE INDEX idx_order_line_items_part_id ON orders.order_line_items(part_id) WHERE part_id IS NOT NULL;
CREATE INDEX idx_bom_items_parent ON orders.bom_items(parent_item_id) WHERE parent_item_id IS NOT NULL;

-- Products
CREATE INDEX idx_bom_template_items_template ON products.bom_template_items(template_id);

-- Quality
CREATE INDEX idx_qc_photos_checklist_item ON quality.qc_photos(checklist_item_id);
CREATE INDEX idx_qc_defects_checklist_item ON quality.qc_defects(checklist_item_id);
CREATE INDEX idx_qc_defects_open ON quality.qc_defects(resolution_status) WHERE resolution_status IN ('OPEN', 'IN_PROGRESS');

-- Workflow
CREATE INDEX idx_tasks_parent_task ON workflow.tasks(parent_task_id) WHERE parent_task_id IS NOT NULL;
CREATE INDEX idx_task_dependencies_successor ON workflow.task_dependencies(successor_task_id);
CREATE INDEX idx_task_time_entries_task ON workflow.task_time_entries(task_id);
CREATE INDEX idx_task_time_entries_user ON workflow.task_time_entries(user_id, start_time);
CREATE INDEX idx_task_materials_part ON workflow.task_materials(part_id);

-- Audit: per-record history and login throttling
CREATE INDEX idx_data_changes_audit_log_id ON audit.data_changes(audit_log_id);
CREATE INDEX idx_data_changes_record ON audit.data_changes(schema_name, table_name, record_id);
CREATE INDEX idx_login_attempts_email_time ON audit.login_attempts(lower(email), attempted_at);

-- Sessions: expiry sweeps
CREATE INDEX idx_user_sessions_expires_at ON auth.user_sessions(expires_at);

-- Files
CREATE INDEX idx_file_access_log_document ON files.file_access_log(document_id, accessed_at);
