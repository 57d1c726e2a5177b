-- A million more rows in the audit chain for `torvan audit verify`: order
-- updates as the trigger writes them (old and new row as jsonb), in ten
-- transactions of 100,000, each row linked by the chain trigger.
SELECT to_jsonb(o) AS sample FROM orders.orders AS o LIMIT 1 \gset
\set count 100000
SELECT format('INSERT INTO audit.audit_log (action, resource_type, resource_id, old_values, new_values, changed_fields, description)
               SELECT ''UPDATE'', ''orders'', gen_random_uuid()::text, %L::jsonb, %L::jsonb || jsonb_build_object(''priority'', ''RUSH'', ''n'', n),
                      ARRAY[''priority''], ''UPDATE on orders.orders''
               FROM generate_series(1, %s) AS n', :'sample', :'sample', :count) AS batch \gset
:batch;
:batch;
:batch;
:batch;
:batch;
:batch;
:batch;
:batch;
:batch;
:batch;
