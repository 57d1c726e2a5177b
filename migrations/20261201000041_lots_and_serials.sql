-- Lots and serial numbers (issue #17): stock on hand known per lot, each
-- serial number of a part once, and every movement that moves a lot naming
-- it, so a lot's ledger rows say where it went and a build's say what went
-- into it (the genealogy, both ways).
--
-- A lot's quantity changes only with a ledger row naming the lot, written
-- by the stock service in the same transaction: a lot's movements sum to
-- its quantity, as a part's sum to its stock. Stock received before lots
-- were recorded (opening balances, untracked receipts) is the part's
-- quantity outside its lots; the stock service never lets a movement
-- without a lot take more than that, so the lots never hold more than the
-- shelf.

CREATE TABLE inventory.stock_lots (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    part_id UUID NOT NULL REFERENCES inventory.parts(id),
    -- The supplier's lot as printed on the delivery (torvan::lots::LotNumber).
    lot_number VARCHAR(50) NOT NULL,
    expires_on DATE,
    quantity_on_hand INTEGER NOT NULL DEFAULT 0 CHECK (quantity_on_hand >= 0),
    -- The first receipt of the lot: first-in order among lots of one expiry.
    received_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by UUID REFERENCES auth.users(id),
    CONSTRAINT lot_number_once_per_part UNIQUE (part_id, lot_number)
);

-- A recall names a lot number, often without the part.
CREATE INDEX idx_stock_lots_number ON inventory.stock_lots (lot_number);

CREATE TABLE inventory.part_serials (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    part_id UUID NOT NULL REFERENCES inventory.parts(id),
    serial_number VARCHAR(60) NOT NULL,
    lot_id UUID REFERENCES inventory.stock_lots(id),
    -- On the shelf (received or returned) or out (issued): an issue takes
    -- only serials on the shelf, in one guarded UPDATE, so none goes twice.
    in_stock BOOLEAN NOT NULL DEFAULT TRUE,
    received_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT serial_number_once_per_part UNIQUE (part_id, serial_number)
);

CREATE INDEX idx_part_serials_shelf ON inventory.part_serials (part_id, received_at)
    WHERE in_stock;
CREATE INDEX idx_part_serials_number ON inventory.part_serials (serial_number);

-- Which serials each movement moved: a serial's history, append-only like
-- the ledger it extends.
CREATE TABLE inventory.serial_movements (
    movement_id UUID NOT NULL REFERENCES inventory.stock_movements(id),
    serial_id UUID NOT NULL REFERENCES inventory.part_serials(id),
    PRIMARY KEY (movement_id, serial_id)
);

CREATE INDEX idx_serial_movements_serial ON inventory.serial_movements (serial_id);

CREATE TRIGGER serial_movements_append_only
    BEFORE UPDATE OR DELETE ON inventory.serial_movements
    FOR EACH ROW EXECUTE FUNCTION inventory.stock_movements_append_only();

-- The lot a movement moved, and the build it went to when a task took it
-- (an issue from a BOM's page goes to every unit of its configuration: the
-- BOM reference says which).
ALTER TABLE inventory.stock_movements
    ADD COLUMN lot_id UUID REFERENCES inventory.stock_lots(id),
    ADD COLUMN build_id UUID REFERENCES orders.sink_builds(id);

CREATE INDEX idx_stock_movements_lot ON inventory.stock_movements (lot_id)
    WHERE lot_id IS NOT NULL;
CREATE INDEX idx_stock_movements_build ON inventory.stock_movements (build_id)
    WHERE build_id IS NOT NULL;

-- Audited like every record people change, each with the chain's statement
-- lock beside its audit trigger (migration 30).
CREATE TRIGGER audit_stock_lots_trigger
    AFTER INSERT OR UPDATE OR DELETE ON inventory.stock_lots
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_chain_lock
    BEFORE INSERT OR UPDATE OR DELETE ON inventory.stock_lots
    FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_lock();

CREATE TRIGGER audit_part_serials_trigger
    AFTER INSERT OR UPDATE OR DELETE ON inventory.part_serials
    FOR EACH ROW EXECUTE FUNCTION audit.audit_trigger_function();
CREATE TRIGGER audit_chain_lock
    BEFORE INSERT OR UPDATE OR DELETE ON inventory.part_serials
    FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_lock();
