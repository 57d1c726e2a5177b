-- A part stocked in counted units (EACH, PAIR, SET) is drawn in whole units:
-- 2 deck panels with 2% scrap is 3 panels, not 2.04. Each BOM line records
-- whether its part is counted, and the generated total (and the extended
-- cost read from it) rounds up for those lines, as `torvan::bom::cost` does.
-- PostgreSQL 15 cannot change a generated column's expression, so both are
-- dropped and added again (existing lines keep their fractional totals:
-- is_whole_units is false for them).
ALTER TABLE orders.bom_items
    ADD COLUMN is_whole_units BOOLEAN NOT NULL DEFAULT FALSE,
    DROP COLUMN extended_cost,
    DROP COLUMN total_quantity;
ALTER TABLE orders.bom_items
    ADD COLUMN total_quantity DECIMAL(14,4) GENERATED ALWAYS AS (
        CASE WHEN is_whole_units THEN ceil(round(quantity_required * (1 + scrap_factor), 4))
             ELSE quantity_required * (1 + scrap_factor) END
    ) STORED,
    ADD COLUMN extended_cost DECIMAL(14,2) GENERATED ALWAYS AS (
        CASE WHEN is_whole_units THEN ceil(round(quantity_required * (1 + scrap_factor), 4))
             ELSE round(quantity_required * (1 + scrap_factor), 4) END * unit_cost
    ) STORED;

-- What each BOM version needs of each part and what the stock ledger shows
-- for it: held (allocated and not yet issued or released) and issued (net of
-- returns). Approval allocates what is outstanding, issue tops up and
-- consumes it, the lifecycle ships an order only when every approved
-- version's parts are issued in full, and the order page lists shortages:
-- all read this one view, so they cannot count differently.
--
-- A leaf, non-phantom line with a part is what the build consumes; each line
-- counts in whole units (rounded up), as stock is counted. Ledger rows name
-- their BOM with reference_type 'BOM' (the app's REFERENCE_KIND) and the
-- version's id. The ledger is read per part through a lateral join, so a
-- query for one version uses idx_stock_movements_reference instead of
-- summing every BOM's movements.
CREATE VIEW orders.bom_part_standing AS
SELECT n.bom_id, n.part_id, n.needed,
       coalesce(l.held, 0) AS held,
       coalesce(l.issued, 0) AS issued
FROM (
    SELECT i.bom_id, i.part_id, sum(ceil(greatest(i.total_quantity, 0)))::int AS needed
    FROM orders.bom_items i
    WHERE i.part_id IS NOT NULL AND NOT i.is_phantom
      AND NOT EXISTS (SELECT 1 FROM orders.bom_items c WHERE c.parent_item_id = i.id)
    GROUP BY i.bom_id, i.part_id
) n
LEFT JOIN LATERAL (
    SELECT sum(m.allocated_change)::int AS held,
           sum(CASE WHEN m.movement_type IN ('ISSUE', 'RETURN') THEN -m.on_hand_change ELSE 0 END)::int AS issued
    FROM inventory.stock_movements m
    WHERE m.reference_type = 'BOM' AND m.reference_id = n.bom_id::text AND m.part_id = n.part_id
) l ON TRUE;
