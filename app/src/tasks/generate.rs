//! Tasks for an order's builds, written in the transaction that moves the
//! order into production. Each build (one sink unit) gets the steps its
//! family's route in force plans for the configuration its approved BOM
//! was generated from (the BOM's snapshot, so tasks and parts agree), with
//! the links between them and the parts each step consumes: a BOM line
//! naming a step the build has goes there, any other to the route's
//! material step.
//!
//! A build that already has tasks is left alone, and a task is unique per
//! build and step code, so generating twice creates nothing new.

use std::collections::{BTreeMap, HashMap};

use sqlx::PgConnection;
use torvan::rule_language::Value;
use torvan::workflow::route::{PlannedStep, plan};
use torvan::workflow::{StepCode, TaskNumber, TaskPriority};
use torvan::{BuildNumber, DbEnum, OrderPriority};
use uuid::Uuid;

use crate::error::AppError;
use crate::work_routes::queries::{RouteInForce, in_force};

/// A build with no tasks yet, and what its tasks are made from.
struct Build {
    id: Uuid,
    number: BuildNumber,
    family: String,
    vars: BTreeMap<String, Value>,
}

/// The columns of the tasks to insert, one entry per task.
#[derive(Default)]
struct TaskColumns {
    build_ids: Vec<Uuid>,
    step_ids: Vec<Uuid>,
    codes: Vec<String>,
    numbers: Vec<String>,
    titles: Vec<String>,
    types: Vec<String>,
    centers: Vec<String>,
    minutes: Vec<i32>,
    instructions: Vec<String>,
    tools: Vec<String>,
    skills: Vec<String>,
    inspections: Vec<bool>,
    approvals: Vec<bool>,
}

/// The links between one build's steps, by step code.
struct Links {
    build_id: Uuid,
    steps: Vec<PlannedStep>,
}

/// Generates the tasks of every build of the order that has none; returns
/// how many it wrote.
pub async fn for_order(
    conn: &mut PgConnection,
    user_id: Uuid,
    order_id: Uuid,
) -> Result<usize, AppError> {
    let order = sqlx::query!(
        r#"SELECT priority::text AS "priority!",
                  coalesce(promised_ship_date, requested_ship_date)::timestamptz AS due
           FROM orders.orders WHERE id = $1"#,
        order_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let priority = TaskPriority::of_order(OrderPriority::parse(&order.priority)?);
    let builds = builds_without_tasks(conn, order_id).await?;
    if builds.is_empty() {
        return Ok(0);
    }
    let mut routes: HashMap<String, RouteInForce> = HashMap::new();
    let mut columns = TaskColumns::default();
    let mut links = Vec::new();
    for build in builds {
        if !routes.contains_key(&build.family) {
            let route = in_force(conn, &build.family).await?.ok_or_else(|| {
                AppError::invalid(
                    "to",
                    format!("The {} family has no route yet: an administrator writes one under Routes first.", build.family),
                )
            })?;
            routes.insert(build.family.clone(), route);
        }
        let route = &routes[&build.family];
        let steps = plan(&route.route, &build.vars).map_err(|failure| {
            AppError::invalid(
                "to",
                format!(
                    "Build {}: the {} route cannot be worked out ({failure}).",
                    build.number, build.family
                ),
            )
        })?;
        columns.add(&build, route, &steps);
        links.push(Links {
            build_id: build.id,
            steps,
        });
    }
    let written = columns.numbers.len();
    let ids = insert_tasks(conn, user_id, order_id, priority, order.due, &columns).await?;
    insert_links(conn, &ids, &links).await?;
    insert_materials(conn, &columns.build_ids).await?;
    Ok(written)
}

async fn builds_without_tasks(
    conn: &mut PgConnection,
    order_id: Uuid,
) -> Result<Vec<Build>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT b.id, b.build_number, f.code AS family, bom.configuration_snapshot AS "snapshot?"
           FROM orders.sink_builds b
           JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
           JOIN products.sink_families f ON f.id = c.sink_family_id
           LEFT JOIN orders.boms bom ON bom.configuration_id = c.id AND bom.status = 'APPROVED'
           WHERE c.order_id = $1
             AND NOT EXISTS (SELECT 1 FROM workflow.tasks t WHERE t.build_id = b.id)
           ORDER BY b.build_number"#,
        order_id
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let number = BuildNumber::parse(&row.build_number).map_err(|error| {
                tracing::error!(%error, "stored build number");
                AppError::Internal
            })?;
            let vars = row
                .snapshot
                .map(serde_json::from_value::<BTreeMap<String, Value>>)
                .transpose()
                .map_err(|error| {
                    tracing::error!(%error, build = %number, "BOM configuration snapshot");
                    AppError::Internal
                })?
                .ok_or_else(|| {
                    AppError::invalid("to", format!("Build {number} has no approved BOM."))
                })?;
            Ok(Build {
                id: row.id,
                number,
                family: row.family,
                vars,
            })
        })
        .collect()
}

impl TaskColumns {
    fn add(&mut self, build: &Build, route: &RouteInForce, steps: &[PlannedStep]) {
        for step in steps {
            self.build_ids.push(build.id);
            self.step_ids.push(route.step_ids[&step.code]);
            self.codes.push(step.code.to_string());
            self.numbers
                .push(TaskNumber::of(&build.number, &step.code).to_string());
            self.titles.push(step.title.clone());
            self.types.push(step.task_type.as_db_str().to_owned());
            self.centers.push(step.work_center.to_string());
            self.minutes.push(step.estimated_minutes);
            self.instructions.push(step.instructions.clone());
            self.tools.push(step.tools.join("\n"));
            self.skills.push(step.skills.join("\n"));
            self.inspections.push(step.inspection_required);
            self.approvals.push(step.approval_required);
        }
    }
}

/// Inserts every task in one statement; their ids by build and step code.
async fn insert_tasks(
    conn: &mut PgConnection,
    user_id: Uuid,
    order_id: Uuid,
    priority: TaskPriority,
    due: Option<chrono::DateTime<chrono::Utc>>,
    columns: &TaskColumns,
) -> Result<HashMap<(Uuid, String), Uuid>, AppError> {
    let rows = sqlx::query!(
        r#"INSERT INTO workflow.tasks
               (order_id, build_id, route_step_id, step_code, task_number, title, task_type,
                work_center, estimated_duration_minutes, work_instructions, required_tools,
                required_skills, inspection_required, approval_required, priority, due_date,
                sequence_number, created_by)
           SELECT $1, t.build_id, t.step_id, t.code, t.number, t.title, t.task_type::task_type,
                  t.center, t.minutes, nullif(t.instructions, ''),
                  coalesce(array_remove(string_to_array(t.tools, E'\n'), ''), '{}'),
                  coalesce(array_remove(string_to_array(t.skills, E'\n'), ''), '{}'),
                  t.inspection, t.approval, $2::text::task_priority, $3, t.code::int, $4
           FROM UNNEST($5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[],
                       $11::text[], $12::int[], $13::text[], $14::text[], $15::text[],
                       $16::bool[], $17::bool[])
                AS t(build_id, step_id, code, number, title, task_type, center, minutes,
                     instructions, tools, skills, inspection, approval)
           RETURNING id, build_id, step_code"#,
        order_id,
        priority.as_db_str(),
        due,
        user_id,
        &columns.build_ids,
        &columns.step_ids,
        &columns.codes,
        &columns.numbers,
        &columns.titles,
        &columns.types,
        &columns.centers,
        &columns.minutes,
        &columns.instructions,
        &columns.tools,
        &columns.skills,
        &columns.inspections,
        &columns.approvals,
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ((row.build_id, row.step_code), row.id))
        .collect())
}

async fn insert_links(
    conn: &mut PgConnection,
    ids: &HashMap<(Uuid, String), Uuid>,
    links: &[Links],
) -> Result<(), AppError> {
    let (mut before, mut after, mut kinds, mut lags) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let id = |build: Uuid, code: &StepCode| ids[&(build, code.to_string())];
    for build in links {
        for step in &build.steps {
            for link in &step.predecessors {
                before.push(id(build.build_id, &link.step));
                after.push(id(build.build_id, &step.code));
                kinds.push(link.dependency.as_db_str().to_owned());
                lags.push(link.lag_minutes);
            }
        }
    }
    sqlx::query!(
        "INSERT INTO workflow.task_dependencies
             (predecessor_task_id, successor_task_id, dependency_type, lag_time_minutes)
         SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::text[], $4::int[])",
        &before,
        &after,
        &kinds,
        &lags,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Each build's share of its approved BOM's stocked lines (the BOM covers
/// every unit of the configuration), at the step that consumes it.
async fn insert_materials(conn: &mut PgConnection, build_ids: &[Uuid]) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO workflow.task_materials (task_id, part_id, quantity_required)
         SELECT t.id, i.part_id, round(sum(i.total_quantity) / c.quantity, 4)
         FROM orders.sink_builds b
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         JOIN orders.boms bom ON bom.configuration_id = c.id AND bom.status = 'APPROVED'
         JOIN orders.bom_items i ON i.bom_id = bom.id
         JOIN LATERAL (
             SELECT t.id FROM workflow.tasks t
             JOIN workflow.route_steps s ON s.id = t.route_step_id
             WHERE t.build_id = b.id
               AND (t.step_code = i.route_step OR s.takes_unassigned_materials)
             ORDER BY t.step_code = i.route_step DESC NULLS LAST
             LIMIT 1
         ) t ON TRUE
         WHERE b.id = ANY($1::uuid[])
           AND i.part_id IS NOT NULL AND NOT coalesce(i.is_phantom, FALSE)
           AND NOT EXISTS (SELECT 1 FROM orders.bom_items child WHERE child.parent_item_id = i.id)
         GROUP BY t.id, i.part_id, c.quantity
         HAVING round(sum(i.total_quantity) / c.quantity, 4) > 0",
        build_ids
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
