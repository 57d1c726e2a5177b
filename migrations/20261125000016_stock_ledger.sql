-- The stock ledger (the design has none): every change of a part's on-hand or
-- allocated quantity is one append-only row, written in the same transaction
-- as the counter change on inventory.parts, with the levels after it.

CREATE TYPE stock_movement_type AS ENUM ('RECEIVE', 'ADJUST', 'ALLOCATE', 'RELEASE', 'ISSUE', 'RETURN');

CREATE TABLE inventory.stock_movements (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    part_id UUID NOT NULL REFERENCES inventory.parts(id),
    movement_type stock_movement_type NOT NULL,
    on_hand_change INTEGER NOT NULL,
    allocated_change INTEGER NOT NULL,
    on_hand_after INTEGER NOT NULL CHECK (on_hand_after >= 0),
    allocated_after INTEGER NOT NULL CHECK (allocated_after >= 0 AND allocated_after <= on_hand_after),
    -- What the movement is for: an order's BOM line, a purchase receipt, a count.
    reference_type VARCHAR(50),
    reference_id VARCHAR(100),
    reason TEXT,
    created_by UUID REFERENCES auth.users(id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT movement_changes_something CHECK (on_hand_change <> 0 OR allocated_change <> 0),
    CONSTRAINT adjustment_has_reason CHECK (
        movement_type <> 'ADJUST' OR (reason IS NOT NULL AND length(trim(reason)) > 0)
    )
);

CREATE INDEX idx_stock_movements_part_time ON inventory.stock_movements(part_id, created_at);
CREATE INDEX idx_stock_movements_reference ON inventory.stock_movements(reference_type, reference_id)
    WHERE reference_id IS NOT NULL;

CREATE FUNCTION inventory.stock_movements_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock movements are append-only: record a correcting movement instead'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER stock_movements_append_only
    BEFORE UPDATE OR DELETE ON inventory.stock_movements
    FOR EACH ROW EXECUTE FUNCTION inventory.stock_movements_append_only();

-- Nothing is allocated that is not on hand: the invariant the ledger keeps.
ALTER TABLE inventory.parts
    ADD CONSTRAINT allocated_within_on_hand CHECK (quantity_allocated <= quantity_on_hand);
