-- Every quantity on hand has its ledger rows (issue #17): summing a part's
-- movements gives its stock. The stock service writes a row for every change
-- of the counters; what it never saw is the quantity a part was inserted
-- with. A trigger writes that as the part's OPENING movement in the
-- inserting transaction, so no writer (seed, fixture, import) can skip it;
-- the parts already stored get theirs below, dated before their first
-- movement.
SET LOCAL app.system_actor = 'migrate';

CREATE FUNCTION inventory.parts_opening_balance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(NEW.quantity_on_hand, 0) <> 0 OR coalesce(NEW.quantity_allocated, 0) <> 0 THEN
        INSERT INTO inventory.stock_movements
            (part_id, movement_type, on_hand_change, allocated_change, on_hand_after,
             allocated_after, created_by, created_at)
        VALUES (NEW.id, 'OPENING', coalesce(NEW.quantity_on_hand, 0),
                coalesce(NEW.quantity_allocated, 0), coalesce(NEW.quantity_on_hand, 0),
                coalesce(NEW.quantity_allocated, 0), NEW.created_by,
                coalesce(NEW.created_at, CURRENT_TIMESTAMP));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER parts_opening_balance
    AFTER INSERT ON inventory.parts
    FOR EACH ROW EXECUTE FUNCTION inventory.parts_opening_balance();

-- The parts stored before this migration: what their movements do not
-- account for is their opening balance.
INSERT INTO inventory.stock_movements
    (part_id, movement_type, on_hand_change, allocated_change, on_hand_after, allocated_after,
     created_by, created_at)
SELECT p.id, 'OPENING', opening.on_hand, opening.allocated, opening.on_hand, opening.allocated,
       p.created_by,
       least(coalesce(p.created_at, CURRENT_TIMESTAMP), moved.first_at - interval '1 microsecond')
FROM inventory.parts p
LEFT JOIN LATERAL (
    SELECT coalesce(sum(m.on_hand_change), 0) AS on_hand,
           coalesce(sum(m.allocated_change), 0) AS allocated,
           min(m.created_at) AS first_at
    FROM inventory.stock_movements m
    WHERE m.part_id = p.id
) moved ON true
CROSS JOIN LATERAL (
    SELECT coalesce(p.quantity_on_hand, 0) - moved.on_hand AS on_hand,
           coalesce(p.quantity_allocated, 0) - moved.allocated AS allocated
) opening
WHERE opening.on_hand <> 0 OR opening.allocated <> 0;
