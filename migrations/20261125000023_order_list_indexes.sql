-- The order list's common pages read their 50 rows straight off an index in
-- the page's order: one status, newest first (the desk's view of a stage),
-- and most urgent first, with or without a status (the production view).
CREATE INDEX idx_orders_status_newest ON orders.orders (status, order_date DESC, order_number DESC);
CREATE INDEX idx_orders_status_urgency ON orders.orders (status, priority DESC, order_date, order_number);
CREATE INDEX idx_orders_urgency ON orders.orders (priority DESC, order_date, order_number);
