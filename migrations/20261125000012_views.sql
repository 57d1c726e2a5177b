-- Design section 9.2: dashboard views.

-- order_summary: the design's CASE has no PRODUCTION_COMPLETE branch (it gave
-- NULL); 'Production Complete' is added. total_sinks is bigint (SUM of integer).
CREATE VIEW orders.order_summary AS
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
    END AS status_display
FROM orders.orders o
JOIN customers c ON o.customer_id = c.id
JOIN auth.users u ON o.created_by = u.id
LEFT JOIN (
    SELECT order_id, SUM(quantity) AS total_sinks
    FROM orders.order_sink_configurations
    GROUP BY order_id
) sink_count ON o.id = sink_count.order_id;

CREATE VIEW inventory.parts_availability AS
SELECT
    p.id,
    p.part_number,
    p.name,
    p.quantity_on_hand,
    p.quantity_allocated,
    p.quantity_available,
    p.reorder_point,
    p.status,
    sa.name AS sub_assembly_name,
    a.name AS assembly_name,
    c.name AS category_name,
    CASE
        WHEN p.quantity_available <= 0 THEN 'OUT_OF_STOCK'
        WHEN p.quantity_available <= p.reorder_point THEN 'LOW_STOCK'
        WHEN p.quantity_available <= p.reorder_point * 2 THEN 'MEDIUM_STOCK'
        ELSE 'IN_STOCK'
    END AS stock_status
FROM inventory.parts p
LEFT JOIN inventory.sub_assemblies sa ON p.sub_assembly_id = sa.id
LEFT JOIN inventory.assemblies a ON sa.assembly_id = a.id
LEFT JOIN inventory.categories c ON a.category_id = c.id
WHERE p.status = 'ACTIVE';

CREATE VIEW workflow.user_workload AS
SELECT
    u.id AS user_id,
    u.first_name || ' ' || u.last_name AS user_name,
    u.role,
    COUNT(CASE WHEN t.status = 'PENDING' THEN 1 END) AS pending_tasks,
    COUNT(CASE WHEN t.status = 'IN_PROGRESS' THEN 1 END) AS active_tasks,
    COUNT(CASE WHEN t.status = 'COMPLETED' AND t.completed_at >= CURRENT_DATE - INTERVAL '30 days' THEN 1 END) AS completed_last_30_days,
    SUM(CASE WHEN t.status IN ('PENDING', 'IN_PROGRESS') THEN COALESCE(t.estimated_duration_minutes, 0) END) AS estimated_remaining_minutes,
    AVG(CASE WHEN t.status = 'COMPLETED' THEN t.actual_duration_minutes END) AS avg_completion_time_minutes
FROM auth.users u
LEFT JOIN workflow.tasks t ON u.id = t.assigned_to
WHERE u.status = 'ACTIVE'
GROUP BY u.id, u.first_name, u.last_name, u.role;
