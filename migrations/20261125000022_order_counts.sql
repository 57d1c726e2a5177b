-- The order list shows how many orders match its filter. Counting every
-- order on each page view was most of the list's cost, so the number of
-- orders per status and priority is kept here by a trigger: a list filtered
-- by nothing, status or priority sums a few of these rows instead.
CREATE TABLE orders.order_counts (
    status order_status NOT NULL,
    priority order_priority NOT NULL,
    orders BIGINT NOT NULL DEFAULT 0 CHECK (orders >= 0),
    PRIMARY KEY (status, priority)
);

INSERT INTO orders.order_counts (status, priority, orders)
SELECT s, p, (SELECT count(*) FROM orders.orders o WHERE o.status = s AND o.priority = p)
FROM unnest(enum_range(NULL::order_status)) AS s
CROSS JOIN unnest(enum_range(NULL::order_priority)) AS p;

CREATE FUNCTION orders.count_orders() RETURNS TRIGGER AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE orders.order_counts SET orders = orders - 1
        WHERE status = OLD.status AND priority = OLD.priority;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE orders.order_counts SET orders = orders + 1
        WHERE status = NEW.status AND priority = NEW.priority;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER count_orders
    AFTER INSERT OR DELETE ON orders.orders
    FOR EACH ROW EXECUTE FUNCTION orders.count_orders();
CREATE TRIGGER count_orders_moves
    AFTER UPDATE OF status, priority ON orders.orders
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.priority IS DISTINCT FROM NEW.priority)
    EXECUTE FUNCTION orders.count_orders();
