-- Catalogue upkeep the design leaves open: vendors for parts.primary_vendor_id
-- (the design has the column but no table), a replacement for obsolete
-- sub-assemblies and parts (the design has one on assemblies only), and the
-- ordering rules the reorder calculation relies on as constraints.

CREATE TABLE inventory.vendors (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    code VARCHAR(50) UNIQUE NOT NULL,
    name VARCHAR(255) NOT NULL,
    email VARCHAR(255),
    phone VARCHAR(50),
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT vendor_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]*$')
);

CREATE TRIGGER set_updated_at BEFORE UPDATE ON inventory.vendors
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER audit_vendors_trigger
    AFTER INSERT OR UPDATE OR DELETE ON inventory.vendors
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();

ALTER TABLE inventory.parts
    ADD CONSTRAINT parts_primary_vendor_fk
        FOREIGN KEY (primary_vendor_id) REFERENCES inventory.vendors(id),
    ADD COLUMN replacement_part_id UUID REFERENCES inventory.parts(id),
    ADD CONSTRAINT parts_replacement_only_when_obsolete
        CHECK (replacement_part_id IS NULL OR status = 'OBSOLETE'),
    ADD CONSTRAINT parts_no_self_replacement CHECK (replacement_part_id <> id),
    ADD CONSTRAINT parts_ordering_rules CHECK (
        safety_stock >= 0 AND
        lead_time_days >= 0 AND
        minimum_order_quantity >= 1 AND
        order_multiple >= 1
    );

ALTER TABLE inventory.sub_assemblies
    ADD COLUMN replacement_part_id UUID REFERENCES inventory.sub_assemblies(id),
    ADD CONSTRAINT sub_assemblies_replacement_only_when_obsolete
        CHECK (replacement_part_id IS NULL OR status = 'OBSOLETE'),
    ADD CONSTRAINT sub_assemblies_no_self_replacement CHECK (replacement_part_id <> id);

ALTER TABLE inventory.assemblies
    ADD CONSTRAINT assemblies_replacement_only_when_obsolete
        CHECK (replacement_part_id IS NULL OR status = 'OBSOLETE'),
    ADD CONSTRAINT assemblies_no_self_replacement CHECK (replacement_part_id <> id);

CREATE INDEX idx_parts_primary_vendor ON inventory.parts(primary_vendor_id)
    WHERE primary_vendor_id IS NOT NULL;
