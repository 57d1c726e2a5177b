-- The order list filters and pages `orders.order_summary`. The design's view
-- sums sink quantities for every order before joining, so each page paid for
-- all orders; a LATERAL sum is evaluated only for the rows a page returns.
-- Same columns as before, plus the customer's number (appended, as CREATE OR
-- REPLACE VIEW requires) so the list can be searched by it.
CREATE OR REPLACE VIEW orders.order_summary AS
SELECT
    o.id,
    o.order_number,
    o.status,
    o.priority,
    o.order_date,
    o.total_amount,
    c.company_name AS customer_name,
    u.first_name || ' ' || u.last_name AS created_by_name,
    COALESCE(sink_count.total_sinks, 0) AS total_sinks,
    CASE
        WHEN o.status = 'PENDING' THEN 'Awaiting Production'
        WHEN o.status = 'IN_PRODUCTION' THEN 'In Progress'
        WHEN o.status IN ('PRE_QC', 'FINAL_QC') THEN 'Quality Control'
        WHEN o.status = 'PRODUCTION_COMPLETE' THEN 'Production Complete'
        WHEN o.status = 'QC_COMPLETE' THEN 'Ready to Ship'
        WHEN o.status = 'SHIPPED' THEN 'Shipped'
        WHEN o.status = 'DELIVERED' THEN 'Delivered'
    END AS status_display,
    c.customer_number
FROM orders.orders o
JOIN customers c ON o.customer_id = c.id
JOIN auth.users u ON o.created_by = u.id
LEFT JOIN LATERAL (
    SELECT SUM(sc.quantity) AS total_sinks
    FROM orders.order_sink_configurations sc
    WHERE sc.order_id = o.id
) sink_count ON true;

CREATE INDEX idx_orders_order_date_number ON orders.orders (order_date DESC, order_number DESC);
