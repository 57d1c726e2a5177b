-- Optimistic concurrency for orders: every change bumps `version`, and a
-- change made from a page that showed an older version is refused, so two
-- people changing one order never overwrite each other silently.
ALTER TABLE orders.orders ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
