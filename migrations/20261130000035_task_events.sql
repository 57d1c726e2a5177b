-- #15 live boards: every change to a task, or to a task's timers, is told
-- on the channel `torvan_tasks` when its transaction commits. Each app
-- server LISTENs on it and relays to its open boards, so boards served by
-- different servers agree.
--
-- The triggers are per statement with transition tables: generating a
-- build's tasks inserts hundreds of rows in one statement, and that sends
-- one notification per work center, not one per row. A notification names
-- what a board filters on: the work center, and the order and build when
-- the statement touched one of each; the task, its assignee and version
-- when it touched one task (a move, a timer). PostgreSQL folds identical
-- payloads within one transaction. A payload is some 250 bytes, far under
-- the 8000 the channel takes.

SET LOCAL app.system_actor = 'migrate';

-- One changed task as a notification tells it.
CREATE TYPE workflow.task_change AS (
    task UUID,
    work_center VARCHAR(20),
    order_id UUID,
    build_id UUID,
    assignee UUID,
    version INTEGER
);

CREATE FUNCTION workflow.announce_task_changes(changes workflow.task_change[])
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    announced RECORD;
BEGIN
    FOR announced IN
        SELECT c.work_center,
               count(DISTINCT c.task) AS tasks,
               array_agg(DISTINCT c.task) AS task_ids,
               array_agg(DISTINCT c.order_id) AS order_ids,
               array_agg(DISTINCT c.build_id) AS build_ids,
               -- One task's latest state: the row with the highest version.
               (array_agg(c.assignee ORDER BY c.version DESC))[1] AS assignee,
               max(c.version) AS version
        FROM unnest(changes) AS c
        GROUP BY c.work_center
    LOOP
        PERFORM pg_notify('torvan_tasks', json_build_object(
            'work_center', announced.work_center,
            'order', CASE WHEN cardinality(announced.order_ids) = 1 THEN announced.order_ids[1] END,
            'build', CASE WHEN cardinality(announced.build_ids) = 1 THEN announced.build_ids[1] END,
            'task', CASE WHEN announced.tasks = 1 THEN announced.task_ids[1] END,
            'assignee', CASE WHEN announced.tasks = 1 THEN announced.assignee END,
            'version', CASE WHEN announced.tasks = 1 THEN announced.version END,
            'tasks', announced.tasks
        )::text);
    END LOOP;
END;
$$;

-- The three triggers on tasks share this function; each names its
-- transition tables `new_rows` / `old_rows` (a trigger with transition
-- tables fires for one event only).
CREATE FUNCTION workflow.announce_tasks()
RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM workflow.announce_task_changes(ARRAY(
            SELECT ROW(id, work_center, order_id, build_id, assigned_to, version)::workflow.task_change
            FROM new_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        -- A task moved to another work center leaves the old board too.
        PERFORM workflow.announce_task_changes(ARRAY(
            SELECT ROW(id, work_center, order_id, build_id, assigned_to, version)::workflow.task_change
            FROM new_rows
            UNION ALL
            SELECT ROW(n.id, o.work_center, n.order_id, n.build_id, n.assigned_to, n.version)::workflow.task_change
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.work_center IS DISTINCT FROM n.work_center));
    ELSE
        PERFORM workflow.announce_task_changes(ARRAY(
            SELECT ROW(id, work_center, order_id, build_id, assigned_to, version)::workflow.task_change
            FROM old_rows));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tasks_announce_insert AFTER INSERT ON workflow.tasks
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION workflow.announce_tasks();
CREATE TRIGGER tasks_announce_update AFTER UPDATE ON workflow.tasks
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION workflow.announce_tasks();
CREATE TRIGGER tasks_announce_delete AFTER DELETE ON workflow.tasks
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION workflow.announce_tasks();

-- A timer started or stopped changes its task's card: the task is looked
-- up, as it stands, for what the notification names.
CREATE FUNCTION workflow.announce_time_entries()
RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM workflow.announce_task_changes(ARRAY(
            SELECT ROW(t.id, t.work_center, t.order_id, t.build_id, t.assigned_to, t.version)::workflow.task_change
            FROM workflow.tasks t WHERE t.id IN (SELECT task_id FROM old_rows)));
    ELSE
        PERFORM workflow.announce_task_changes(ARRAY(
            SELECT ROW(t.id, t.work_center, t.order_id, t.build_id, t.assigned_to, t.version)::workflow.task_change
            FROM workflow.tasks t WHERE t.id IN (SELECT task_id FROM new_rows)));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER time_entries_announce_insert AFTER INSERT ON workflow.task_time_entries
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION workflow.announce_time_entries();
CREATE TRIGGER time_entries_announce_update AFTER UPDATE ON workflow.task_time_entries
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION workflow.announce_time_entries();
CREATE TRIGGER time_entries_announce_delete AFTER DELETE ON workflow.task_time_entries
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION workflow.announce_time_entries();
