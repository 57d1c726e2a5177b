-- updated_at maintenance and audit triggers.

-- BEFORE UPDATE: stamp updated_at on every table that has the column.
-- CURRENT_TIMESTAMP is the transaction start time, like the column defaults.
CREATE OR REPLACE FUNCTION public.set_updated_at()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at := CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER set_updated_at BEFORE UPDATE ON auth.users
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.customers
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON inventory.categories
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON inventory.assemblies
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON inventory.sub_assemblies
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON inventory.parts
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON orders.orders
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON orders.order_line_items
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON orders.order_sink_configurations
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON workflow.tasks
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON files.documents
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- Row audit (design 7.2 names its three triggers audit_orders_trigger,
-- audit_users_trigger and audit_inventory_trigger; the other tables users
-- change get audit_<table>_trigger). Not audited: audit.* itself,
-- auth.user_sessions, files.file_access_log, system.*, and the
-- inventory.part_number_sequences counter.
CREATE TRIGGER audit_users_trigger
    AFTER INSERT OR UPDATE OR DELETE ON auth.users
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_permissions_trigger
    AFTER INSERT OR UPDATE OR DELETE ON auth.permissions
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_role_permissions_trigger
    AFTER INSERT OR UPDATE OR DELETE ON auth.role_permissions
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_customers_trigger
    AFTER INSERT OR UPDATE OR DELETE ON public.customers
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_customer_addresses_trigger
    AFTER INSERT OR UPDATE OR DELETE ON public.customer_addresses
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_customer_contacts_trigger
    AFTER INSERT OR UPDATE OR DELETE ON public.customer_contacts
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_categories_trigger
    AFTER INSERT OR UPDATE OR DELETE ON inventory.categories
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_assemblies_trigger
    AFTER INSERT OR UPDATE OR DELETE ON inventory.assemblies
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_sub_assemblies_trigger
    AFTER INSERT OR UPDATE OR DELETE ON inventory.sub_assemblies
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_inventory_trigger
    AFTER INSERT OR UPDATE OR DELETE ON inventory.parts
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_part_substitutes_trigger
    AFTER INSERT OR UPDATE OR DELETE ON inventory.part_substitutes
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_orders_trigger
    AFTER INSERT OR UPDATE OR DELETE ON orders.orders
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_order_status_history_trigger
    AFTER INSERT OR UPDATE OR DELETE ON orders.order_status_history
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_order_line_items_trigger
    AFTER INSERT OR UPDATE OR DELETE ON orders.order_line_items
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_order_sink_configurations_trigger
    AFTER INSERT OR UPDATE OR DELETE ON orders.order_sink_configurations
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_boms_trigger
    AFTER INSERT OR UPDATE OR DELETE ON orders.boms
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_bom_items_trigger
    AFTER INSERT OR UPDATE OR DELETE ON orders.bom_items
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_sink_families_trigger
    AFTER INSERT OR UPDATE OR DELETE ON products.sink_families
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_bom_templates_trigger
    AFTER INSERT OR UPDATE OR DELETE ON products.bom_templates
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_bom_template_items_trigger
    AFTER INSERT OR UPDATE OR DELETE ON products.bom_template_items
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_qc_checklists_trigger
    AFTER INSERT OR UPDATE OR DELETE ON quality.qc_checklists
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_qc_checklist_items_trigger
    AFTER INSERT OR UPDATE OR DELETE ON quality.qc_checklist_items
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_qc_photos_trigger
    AFTER INSERT OR UPDATE OR DELETE ON quality.qc_photos
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_qc_defects_trigger
    AFTER INSERT OR UPDATE OR DELETE ON quality.qc_defects
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_tasks_trigger
    AFTER INSERT OR UPDATE OR DELETE ON workflow.tasks
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_task_dependencies_trigger
    AFTER INSERT OR UPDATE OR DELETE ON workflow.task_dependencies
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_task_time_entries_trigger
    AFTER INSERT OR UPDATE OR DELETE ON workflow.task_time_entries
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_task_materials_trigger
    AFTER INSERT OR UPDATE OR DELETE ON workflow.task_materials
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_documents_trigger
    AFTER INSERT OR UPDATE OR DELETE ON files.documents
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_document_relationships_trigger
    AFTER INSERT OR UPDATE OR DELETE ON files.document_relationships
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
