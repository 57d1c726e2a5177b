-- A ledger row for the quantity a part was entered with (the demo data, a
-- fixture, a part created with stock): its opening balance. Added alone, as
-- PostgreSQL will not use a new enum value in the transaction that adds it.
ALTER TYPE stock_movement_type ADD VALUE 'OPENING' BEFORE 'RECEIVE';
