//! Route editing as an administrator meets it: a save writes the family's
//! next version, which the next order entering production follows while the
//! tasks already generated keep their steps; every problem is named at its
//! step and field with nothing saved; a save of a version no longer in force
//! is a conflict; only the roles that edit templates edit routes; and a
//! template line naming a step puts its part on that step's task.

use sqlx::PgPool;
use torvan::OrderStatus;
use torvan::bom::line_field;
use torvan::workflow::route::{PredecessorDraft, RouteStepDraft};
use torvan_app::bom_templates::{GetTemplate, SaveTemplate};
use torvan_app::error::AppError;
use torvan_app::work_routes::{GetRoute, RouteEditor, SaveRoute};
use uuid::Uuid;

use crate::boms_approval::{latest, regenerate};
use crate::orders_lifecycle::{approve_bom, request_move};
use crate::orders_sinks::approve_sink;
use crate::signatures::second_signer;
use crate::support::demo::{self, orders, users};
use crate::support::{TestApp, rule_broken};

/// The pending demo order is of this family.
const LAB: &str = "LAB";

async fn route(app: &TestApp, cookie: &str) -> RouteEditor {
    app.run(
        cookie,
        GetRoute {
            family: LAB.to_owned(),
            copy_from: None,
        },
    )
    .await
    .unwrap()
}

async fn save(app: &TestApp, cookie: &str, editor: &RouteEditor) -> Result<i32, AppError> {
    app.run(
        cookie,
        SaveRoute {
            family: LAB.to_owned(),
            version: editor.version,
            draft: editor.draft.clone(),
        },
    )
    .await
}

fn step_mut<'a>(editor: &'a mut RouteEditor, code: &str) -> &'a mut RouteStepDraft {
    editor
        .draft
        .steps
        .iter_mut()
        .find(|step| step.code == code)
        .unwrap()
}

/// A step `code` right after `after`, waiting for it.
fn insert_after(editor: &mut RouteEditor, after: &str, code: &str) {
    let at = editor
        .draft
        .steps
        .iter()
        .position(|step| step.code == after)
        .unwrap();
    editor.draft.steps.insert(
        at + 1,
        RouteStepDraft {
            code: code.to_owned(),
            title: "Fit the splash guard".to_owned(),
            task_type: "ASSEMBLY".to_owned(),
            work_center: "ASSEMBLY".to_owned(),
            estimate_formula: "10 + basin_count * 5".to_owned(),
            predecessors: vec![PredecessorDraft {
                step: after.to_owned(),
                ..PredecessorDraft::default()
            }],
            ..RouteStepDraft::default()
        },
    );
}

/// How many versions the family's route has.
async fn versions(pool: &PgPool) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM workflow.routes r
         JOIN products.sink_families f ON f.id = r.sink_family_id WHERE f.code = $1",
    )
    .bind(LAB)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// Every task's step, and the version of the route it came from.
async fn task_steps(pool: &PgPool) -> Vec<(Uuid, Uuid, i32)> {
    sqlx::query_as(
        "SELECT t.id, t.route_step_id, r.version FROM workflow.tasks t
         JOIN workflow.route_steps s ON s.id = t.route_step_id
         JOIN workflow.routes r ON r.id = s.route_id
         ORDER BY t.id",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

/// The pending order's (step code, title, route version) for its first unit.
async fn pending_tasks(pool: &PgPool) -> Vec<(String, String, i32)> {
    sqlx::query_as(
        "SELECT t.step_code, t.title, r.version FROM workflow.tasks t
         JOIN workflow.route_steps s ON s.id = t.route_step_id
         JOIN workflow.routes r ON r.id = s.route_id
         JOIN orders.sink_builds b ON b.id = t.build_id
         WHERE b.build_number = $1 ORDER BY t.step_code",
    )
    .bind(format!("{}-1", orders::PENDING_BUILD))
    .fetch_all(pool)
    .await
    .unwrap()
}

/// The pending order's sink approved by the administrator, which
/// generates its BOM from the templates in force.
async fn approve_configuration(app: &TestApp) {
    let admin = second_signer(app).await;
    app.run(&admin, approve_sink(orders::PENDING, orders::PENDING_BUILD))
        .await
        .unwrap();
}

/// The pending order's newest BOM approved by the coordinator, and the
/// order moved into production.
async fn produce(pool: &PgPool, app: &TestApp) {
    let coordinator = app
        .sign_in(users::COORDINATOR, demo::PASSWORD)
        .await
        .unwrap();
    approve_bom(app, &coordinator, latest(pool, orders::PENDING_BUILD).await).await;
    request_move(
        app,
        &coordinator,
        pool,
        orders::PENDING,
        OrderStatus::InProduction,
    )
    .await
    .unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn a_saved_route_is_the_next_version_which_the_next_order_follows_while_older_tasks_keep_theirs(
    pool: PgPool,
) {
    let (app, admin) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let before = task_steps(&pool).await;
    assert!(!before.is_empty(), "the demo has tasks in production");
    let mut editor = route(&app, &admin).await;
    assert_eq!(editor.version, 1);
    step_mut(&mut editor, "060").title = "Frame, legs and feet".to_owned();
    insert_after(&mut editor, "060", "065");
    editor.draft.notes = "A splash guard after the frame.".to_owned();

    assert_eq!(save(&app, &admin, &editor).await, Ok(2));

    assert_eq!(task_steps(&pool).await, before);
    let reloaded = route(&app, &admin).await;
    assert_eq!(reloaded.version, 2);
    assert_eq!(reloaded.draft.notes, "A splash guard after the frame.");
    approve_configuration(&app).await;
    produce(&pool, &app).await;
    let tasks = pending_tasks(&pool).await;
    assert!(
        tasks.iter().all(|(_, _, version)| *version == 2),
        "{tasks:?}"
    );
    assert!(
        tasks.contains(&("060".to_owned(), "Frame, legs and feet".to_owned(), 2)),
        "{tasks:?}"
    );
    assert!(tasks.iter().any(|(code, _, _)| code == "065"), "{tasks:?}");
}

#[sqlx::test(migrations = "../migrations")]
async fn every_problem_is_reported_at_its_step_and_field_and_nothing_is_saved(pool: PgPool) {
    let (app, admin) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let mut editor = route(&app, &admin).await;
    editor.draft.steps[0].condition = "legs.kind = ".to_owned();
    editor.draft.steps[1].work_center = "NOWHERE".to_owned();
    editor.draft.steps[2].estimate_formula = "basin_count *".to_owned();

    let refused = rule_broken(save(&app, &admin, &editor).await);

    for field in ["0:condition", "1:work_center", "2:estimate_formula"] {
        assert!(refused.for_field(field).is_some(), "{field} in {refused:?}");
    }
    assert_eq!(versions(&pool).await, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_save_of_a_version_no_longer_in_force_is_a_conflict(pool: PgPool) {
    let (app, admin) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let editor = route(&app, &admin).await;
    save(&app, &admin, &editor).await.unwrap();

    assert_eq!(save(&app, &admin, &editor).await, Err(AppError::Conflict));
    assert_eq!(versions(&pool).await, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_role_that_only_reads_templates_cannot_save_a_route(pool: PgPool) {
    let (app, coordinator) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let editor = route(&app, &coordinator).await;

    assert_eq!(
        save(&app, &coordinator, &editor).await,
        Err(AppError::Forbidden)
    );
    assert_eq!(versions(&pool).await, 1);
}

/// A leaf line of the pending build's BOM whose part is on no other line:
/// its template line number and part.
async fn single_part_line(pool: &PgPool) -> (i32, Uuid) {
    sqlx::query_as(
        "SELECT i.line_number, i.part_id FROM orders.bom_items i
         WHERE i.bom_id = $1 AND i.part_id IS NOT NULL AND NOT i.is_phantom
           AND NOT EXISTS (SELECT 1 FROM orders.bom_items c WHERE c.parent_item_id = i.id)
           AND (SELECT count(*) FROM orders.bom_items j
                WHERE j.bom_id = i.bom_id AND (j.part_id = i.part_id OR j.line_number = i.line_number)) = 1
         ORDER BY i.line_number LIMIT 1",
    )
    .bind(latest(pool, orders::PENDING_BUILD).await)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_template_line_naming_step_090_puts_its_part_on_the_090_task(pool: PgPool) {
    let (app, admin) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    approve_configuration(&app).await;
    let (line_number, part) = single_part_line(&pool).await;
    let template: Uuid = sqlx::query_scalar("SELECT template_id FROM orders.boms WHERE id = $1")
        .bind(latest(&pool, orders::PENDING_BUILD).await)
        .fetch_one(&pool)
        .await
        .unwrap();
    let mut editor = app.run(&admin, GetTemplate { id: template }).await.unwrap();
    let line = editor
        .lines
        .iter_mut()
        .find(|line| line.line_number == line_number)
        .unwrap();
    line.route_step = "095".to_owned();
    let saving = |lines| SaveTemplate {
        id: template,
        header: editor.header.clone(),
        lines,
    };

    let refused = rule_broken(app.run(&admin, saving(editor.lines.clone())).await);
    assert!(
        refused
            .for_field(&line_field(line_number, "route_step"))
            .is_some_and(|message| message.contains("095")),
        "{refused:?}"
    );

    let mut lines = editor.lines.clone();
    for line in &mut lines {
        if line.line_number == line_number {
            line.route_step = "090".to_owned();
        }
    }
    app.run(&admin, saving(lines)).await.unwrap();
    app.run(
        &admin,
        regenerate(
            orders::PENDING,
            orders::PENDING_BUILD,
            "A line names its step",
        ),
    )
    .await
    .unwrap();
    produce(&pool, &app).await;

    let stored: Vec<Option<String>> = sqlx::query_scalar(
        "SELECT route_step FROM orders.bom_items WHERE bom_id = $1 AND line_number = $2",
    )
    .bind(latest(&pool, orders::PENDING_BUILD).await)
    .bind(line_number)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(stored, [Some("090".to_owned())]);
    let steps: Vec<String> = sqlx::query_scalar(
        "SELECT t.step_code FROM workflow.task_materials m
         JOIN workflow.tasks t ON t.id = m.task_id
         JOIN orders.sink_builds b ON b.id = t.build_id
         WHERE b.build_number = $1 AND m.part_id = $2",
    )
    .bind(format!("{}-1", orders::PENDING_BUILD))
    .bind(part)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(steps, ["090"]);
}
