-- Sink configurations carry the same concurrency token as orders: an
-- integer version that every change bumps. A save names the version its page
-- showed, and an UPDATE ... WHERE version = $n that touches no row is a
-- conflict. (Until now the wizard named the row's updated_at in
-- microseconds, a second kind of token for the same rule.)
ALTER TABLE orders.order_sink_configurations
    ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
