//! A task's materials against the stock ledger on the demo data: the rush
//! order ORD-2026-0110 builds two units from one BOM, so each unit's
//! assembly task needs half of the BOM's lines. Issues take from the BOM's
//! hold, returns go back into it, refusals move nothing, every counter
//! change is a ledger row, and the BOM's own all-at-once issue and the ship
//! gate see the task issues.

use futures::future::join_all;
use rust_decimal::Decimal;
use sqlx::PgPool;
use torvan::workflow::{MaterialAction, MaterialLine};
use torvan_app::boms::IssueBom;
use torvan_app::error::AppError;
use torvan_app::inventory::part::GetPart;
use torvan_app::orders::build_state::BuildState;
use torvan_app::tasks::materials::{
    ConsumeMaterial, GetTaskMaterials, IssueEntry, IssueMaterial, ReturnMaterial,
};
use uuid::Uuid;

use crate::support::demo::{orders, users};
use crate::support::{TestApp, arranging, rule_broken};

/// The first unit's assembly task, at the demo assembler's station.
pub(crate) const TASK: &str = "TB-2026-0110-01-1-070";
/// The second unit's, fed by the same BOM.
const OTHER_UNIT: &str = "TB-2026-0110-01-2-070";
/// A plumbing task nobody was given: not the demo assembler's.
const PLUMBING: &str = "TB-2026-0110-01-1-090";
/// 4.5 per unit, 9 for the BOM, all of it held since approval.
pub(crate) const PART: &str = "112-0004";
/// 1.5 per unit, 3 for the BOM.
const HALF: &str = "111-0005";

/// The demo's route welds `PART` and `HALF` into the body at step 030,
/// which the demo has already finished without issuing them; these tests
/// need a fractional share on an open task, so both units' lines of the
/// two parts move to their assembly step 070, as a route that fitted them
/// there would have planned.
async fn welded_parts_at_assembly(pool: &PgPool) {
    let moved = sqlx::query(
        "UPDATE workflow.task_materials m SET task_id = assembly.id
         FROM workflow.tasks welding, workflow.tasks assembly, inventory.parts p
         WHERE m.task_id = welding.id AND p.id = m.part_id
           AND welding.task_number LIKE 'TB-2026-0110-01-_-030'
           AND assembly.build_id = welding.build_id AND assembly.step_code = '070'
           AND p.part_number IN ($1, $2)",
    )
    .bind(PART)
    .bind(HALF)
    .execute(&mut arranging(pool).await)
    .await
    .unwrap();
    assert_eq!(moved.rows_affected(), 4, "the demo's welding lines changed");
}

/// The demo signed in as the assembler, `PART` and `HALF` at assembly.
pub(crate) async fn at_the_bench(pool: &PgPool) -> (TestApp, String) {
    let signed_in = TestApp::demo_signed_in(pool, users::ASSEMBLER).await;
    welded_parts_at_assembly(pool).await;
    signed_in
}

fn issue(task: &str, part: &str, quantity: &str) -> IssueMaterial {
    IssueMaterial {
        task_number: task.to_owned(),
        part_number: part.to_owned(),
        quantity: quantity.to_owned(),
        choice: IssueEntry::default(),
    }
}

fn consume(task: &str, part: &str, quantity: &str) -> ConsumeMaterial {
    ConsumeMaterial {
        task_number: task.to_owned(),
        part_number: part.to_owned(),
        quantity: quantity.to_owned(),
    }
}

fn give_back(task: &str, part: &str, quantity: &str) -> ReturnMaterial {
    ReturnMaterial {
        task_number: task.to_owned(),
        part_number: part.to_owned(),
        quantity: quantity.to_owned(),
    }
}

fn units(value: i64) -> Decimal {
    Decimal::from(value)
}

/// The task's line of `part`, as the task page reads it.
async fn line(app: &TestApp, cookie: &str, task: &str, part: &str) -> MaterialLine {
    let materials = app
        .run(
            cookie,
            GetTaskMaterials {
                task_number: task.to_owned(),
            },
        )
        .await
        .unwrap();
    materials
        .lines
        .into_iter()
        .find(|row| row.part_number == part)
        .unwrap()
        .line
}

/// What the unit's approved BOM holds of `part` and has had issued.
async fn standing(pool: &PgPool, task: &str, part: &str) -> (i32, i32) {
    sqlx::query_as(
        "SELECT s.held, s.issued
         FROM workflow.tasks t
         JOIN orders.sink_builds sb ON sb.id = t.build_id
         JOIN orders.boms b ON b.configuration_id = sb.configuration_id AND b.status = 'APPROVED'
         JOIN inventory.parts p ON p.part_number = $2
         JOIN orders.bom_part_standing s ON s.bom_id = b.id AND s.part_id = p.id
         WHERE t.task_number = $1",
    )
    .bind(task)
    .bind(part)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// The part's counters (on hand, allocated).
async fn level(pool: &PgPool, part: &str) -> (i32, i32) {
    sqlx::query_as(
        "SELECT quantity_on_hand, quantity_allocated FROM inventory.parts WHERE part_number = $1",
    )
    .bind(part)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// The parts whose counters are not the sums of their ledger rows, the
/// opening balances included: none, as every change of a counter is a
/// ledger row.
async fn parts_off_the_ledger(pool: &PgPool) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT p.part_number
         FROM inventory.parts p LEFT JOIN inventory.stock_movements m ON m.part_id = p.id
         GROUP BY p.id
         HAVING p.quantity_on_hand <> coalesce(sum(m.on_hand_change), 0)
             OR p.quantity_allocated <> coalesce(sum(m.allocated_change), 0)
         ORDER BY p.part_number",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn ledger_rows(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM inventory.stock_movements")
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn approved_bom(pool: &PgPool, task: &str) -> Uuid {
    sqlx::query_scalar(
        "SELECT b.id FROM workflow.tasks t
         JOIN orders.sink_builds sb ON sb.id = t.build_id
         JOIN orders.boms b ON b.configuration_id = sb.configuration_id AND b.status = 'APPROVED'
         WHERE t.task_number = $1",
    )
    .bind(task)
    .fetch_one(pool)
    .await
    .unwrap()
}

fn at_quantity(error: AppError) -> String {
    error
        .for_field("quantity")
        .unwrap_or_else(|| panic!("not refused at the quantity: {error:?}"))
}

#[sqlx::test(migrations = "../migrations")]
async fn a_partial_issue_takes_from_the_bom_s_hold_and_the_ledger_records_it(pool: PgPool) {
    let (app, cookie) = at_the_bench(&pool).await;
    let (on_hand, allocated) = level(&pool, PART).await;
    assert_eq!(standing(&pool, TASK, PART).await, (9, 0));

    app.run(&cookie, issue(TASK, PART, "2")).await.unwrap();

    let after = line(&app, &cookie, TASK, PART).await;
    assert_eq!(
        (after.issued, after.still_needed()),
        (units(2), "2.5".parse().unwrap())
    );
    assert_eq!(standing(&pool, TASK, PART).await, (7, 2));
    assert_eq!(level(&pool, PART).await, (on_hand - 2, allocated - 2));
    assert!(parts_off_the_ledger(&pool).await.is_empty());

    // The part's page shows the issue with the task that took it.
    let part = app
        .run(
            &cookie,
            GetPart {
                part_number: PART.to_owned(),
            },
        )
        .await
        .unwrap();
    let newest = &part.movements[0];
    assert_eq!(newest.on_hand_change, -2);
    assert_eq!(
        newest.note.as_deref(),
        Some(format!("Task {TASK}").as_str())
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn quantities_past_the_need_or_the_bench_are_refused_at_the_quantity_and_move_nothing(
    pool: PgPool,
) {
    let (app, cookie) = at_the_bench(&pool).await;
    let rows = ledger_rows(&pool).await;
    let refused = |result| at_quantity(rule_broken(result));

    let nothing_issued = refused(app.run(&cookie, consume(TASK, PART, "1")).await);
    assert_eq!(
        nothing_issued,
        "Only 0 issued and not yet consumed or returned; 1 entered."
    );
    let past_need = refused(app.run(&cookie, issue(TASK, PART, "6")).await);
    assert_eq!(past_need, "The task needs only 5 more; 6 requested.");
    assert_eq!(ledger_rows(&pool).await, rows);
    assert_eq!(standing(&pool, TASK, PART).await, (9, 0));

    app.run(&cookie, issue(TASK, PART, "5")).await.unwrap();
    app.run(&cookie, consume(TASK, PART, "2")).await.unwrap();
    let rows = ledger_rows(&pool).await;
    let before = line(&app, &cookie, TASK, PART).await;

    let over_consumed = refused(app.run(&cookie, consume(TASK, PART, "4")).await);
    assert_eq!(
        over_consumed,
        "Only 3 issued and not yet consumed or returned; 4 entered."
    );
    let over_returned = refused(app.run(&cookie, give_back(TASK, PART, "4")).await);
    assert!(over_returned.starts_with("Only 3 at the bench to return"));
    let issued_again = refused(app.run(&cookie, issue(TASK, PART, "1")).await);
    assert!(issued_again.starts_with("Nothing more to issue"));
    let half_a_piece = refused(app.run(&cookie, consume(TASK, PART, "0.5")).await);
    assert!(half_a_piece.contains("whole"));

    assert_eq!(line(&app, &cookie, TASK, PART).await, before);
    assert_eq!(ledger_rows(&pool).await, rows);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_return_goes_back_to_the_shelf_and_into_the_bom_s_hold(pool: PgPool) {
    let (app, cookie) = at_the_bench(&pool).await;
    let (on_hand, allocated) = level(&pool, PART).await;
    app.run(&cookie, issue(TASK, PART, "3")).await.unwrap();

    app.run(&cookie, give_back(TASK, PART, "2")).await.unwrap();

    // Back on the shelf and held for the BOM again, which no longer counts
    // the two as issued; the task may issue them again.
    assert_eq!(level(&pool, PART).await, (on_hand - 1, allocated - 1));
    assert_eq!(standing(&pool, TASK, PART).await, (8, 1));
    let after = line(&app, &cookie, TASK, PART).await;
    assert_eq!((after.issued, after.returned), (units(3), units(2)));
    assert_eq!(after.issuable(), 4);
    assert!(parts_off_the_ledger(&pool).await.is_empty());
    app.run(&cookie, issue(TASK, PART, "4")).await.unwrap();
    assert_eq!(standing(&pool, TASK, PART).await, (4, 5));
}

#[sqlx::test(migrations = "../migrations")]
async fn after_task_issues_the_bom_s_issue_takes_only_the_rest_and_the_ship_gate_sees_it(
    pool: PgPool,
) {
    let (app, assembler) = at_the_bench(&pool).await;
    let coordinator = app
        .sign_in(users::COORDINATOR, crate::support::demo::PASSWORD)
        .await
        .unwrap();
    let (on_hand, _) = level(&pool, PART).await;
    app.run(&assembler, issue(TASK, PART, "2")).await.unwrap();

    let bom = approved_bom(&pool, TASK).await;
    app.run(&coordinator, IssueBom { bom_id: bom })
        .await
        .unwrap();

    // Nine in all left the shelf: two for the task, seven by the BOM.
    assert_eq!(standing(&pool, TASK, PART).await, (0, 9));
    assert_eq!(level(&pool, PART).await.0, on_hand - 9);
    assert!(parts_off_the_ledger(&pool).await.is_empty());
    let order_id: Uuid = sqlx::query_scalar("SELECT id FROM orders.orders WHERE order_number = $1")
        .bind(orders::IN_PRODUCTION)
        .fetch_one(&pool)
        .await
        .unwrap();
    let mut conn = pool.acquire().await.unwrap();
    let facts = BuildState::read(&mut conn, order_id).await.unwrap().facts();
    assert!(facts.unissued_builds.is_empty(), "{facts:?}");

    // The BOM has given all it needs: the other unit's task takes no more.
    let refused = at_quantity(rule_broken(
        app.run(&assembler, issue(OTHER_UNIT, PART, "1")).await,
    ));
    assert!(refused.starts_with("None of this part is left to issue"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_fractional_share_is_issued_in_whole_units_within_the_unit_s_bom(pool: PgPool) {
    let (app, cookie) = at_the_bench(&pool).await;

    // 1.5 each for two units, 3 in the BOM: the first unit takes 2.
    app.run(&cookie, issue(TASK, HALF, "2")).await.unwrap();
    let refused = at_quantity(rule_broken(
        app.run(&cookie, issue(OTHER_UNIT, HALF, "2")).await,
    ));
    assert_eq!(
        refused,
        "Only 1 can be issued now: 1 held for the bill of materials and 0 more on the shelf for it."
    );
    app.run(&cookie, issue(OTHER_UNIT, HALF, "1"))
        .await
        .unwrap();
    assert_eq!(standing(&pool, TASK, HALF).await, (0, 3));
}

#[sqlx::test(migrations = "../migrations")]
async fn concurrent_issues_of_one_line_never_issue_past_its_need(pool: PgPool) {
    let (app, cookie) = at_the_bench(&pool).await;

    // 4.5 needed: five whole units, however many ask at once.
    let answers = join_all((0..10).map(|_| app.run(&cookie, issue(TASK, PART, "1")))).await;

    assert_eq!(answers.iter().filter(|answer| answer.is_ok()).count(), 5);
    for refused in answers.into_iter().filter_map(Result::err) {
        assert!(at_quantity(refused).starts_with("Nothing more to issue"));
    }
    assert_eq!(line(&app, &cookie, TASK, PART).await.issued, units(5));
    assert_eq!(standing(&pool, TASK, PART).await, (4, 5));
    assert!(parts_off_the_ledger(&pool).await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn the_bench_does_all_three_a_store_person_issues_and_returns_others_nothing(pool: PgPool) {
    let (app, assembler) = at_the_bench(&pool).await;
    let store = app
        .sign_in(users::PROCUREMENT, crate::support::demo::PASSWORD)
        .await
        .unwrap();
    let qc = app
        .sign_in(users::QC, crate::support::demo::PASSWORD)
        .await
        .unwrap();

    app.run(&store, issue(TASK, PART, "2")).await.unwrap();
    app.run(&store, give_back(TASK, PART, "1")).await.unwrap();
    assert_eq!(
        app.run(&store, consume(TASK, PART, "1")).await,
        Err(AppError::Forbidden)
    );
    app.run(&assembler, consume(TASK, PART, "1")).await.unwrap();
    assert_eq!(
        app.run(&qc, issue(TASK, PART, "1")).await,
        Err(AppError::Forbidden)
    );
    // Not the assembler's station, nor given to them.
    assert_eq!(
        app.run(&assembler, issue(PLUMBING, PART, "1")).await,
        Err(AppError::Forbidden)
    );

    let may = |cookie: String| {
        let app = &app;
        async move {
            app.run(
                &cookie,
                GetTaskMaterials {
                    task_number: TASK.to_owned(),
                },
            )
            .await
            .unwrap()
            .may
        }
    };
    assert_eq!(may(assembler).await, MaterialAction::ALL);
    assert_eq!(
        may(store).await,
        [MaterialAction::Issue, MaterialAction::Return]
    );
    assert!(may(qc).await.is_empty());
}
