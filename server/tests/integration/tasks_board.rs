//! The boards and their moves: a work center's board in its columns with
//! each card's blocker named, its filters; every move checked by the
//! domain's rules under a row lock (a blocked start is refused naming the
//! blocker, a completion waits for its approval, two people moving one
//! card from the same version: one wins, the other is told), and an
//! assembler kept to their own work center's tasks; taking, assigning
//! and approving tasks.

use sqlx::PgPool;
use torvan::workflow::TaskStatus;
use torvan_app::error::AppError;
use torvan_app::tasks::board::{
    ApproveTask, AssignTask, Board, BoardFilter, BoardScope, GetBoard, MoveTask, TakeTask,
};

use crate::support::demo::users;
use crate::support::shop_floor::task;
use crate::support::{TestApp, arranging, rule_broken};

/// The demo rush order's first unit: frame (060) under way, basins (070)
/// waiting for it.
const FRAME: &str = "TB-2026-0110-01-1-060";
const BASINS: &str = "TB-2026-0110-01-1-070";
const UNIT: &str = "TB-2026-0110-01-1";

fn board_of(work_center: &str, filter: BoardFilter) -> GetBoard {
    GetBoard {
        scope: BoardScope::WorkCenter(work_center.to_owned()),
        filter,
    }
}

fn move_to(number: &str, to: TaskStatus, version: i32) -> MoveTask {
    use torvan::DbEnum;
    MoveTask {
        task_number: number.to_owned(),
        to: to.as_db_str().to_owned(),
        version,
        hold_reason: None,
    }
}

fn card_numbers(board: &Board, status: TaskStatus) -> Vec<String> {
    board
        .column(status)
        .map(|card| card.number.to_string())
        .collect()
}

async fn version_of(pool: &PgPool, number: &str) -> i32 {
    sqlx::query_scalar("SELECT version FROM workflow.tasks WHERE task_number = $1")
        .bind(number)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn status_of(pool: &PgPool, number: &str) -> String {
    sqlx::query_scalar("SELECT status::text FROM workflow.tasks WHERE task_number = $1")
        .bind(number)
        .fetch_one(pool)
        .await
        .unwrap()
}

fn message(error: AppError) -> String {
    match rule_broken(Err::<(), _>(error)) {
        AppError::Invalid { message, .. } => message,
        other => panic!("refused without one message: {other:?}"),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_work_center_board_has_its_columns_counts_and_blockers(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;

    let board = app
        .run(&cookie, board_of("ASSEMBLY", BoardFilter::default()))
        .await
        .unwrap();

    assert_eq!(board.title, "Assembly");
    assert!(
        board
            .cards
            .iter()
            .all(|card| card.work_center == "ASSEMBLY")
    );
    assert!(card_numbers(&board, TaskStatus::InProgress).contains(&FRAME.to_owned()));
    assert!(card_numbers(&board, TaskStatus::Pending).contains(&BASINS.to_owned()));
    let basins = board
        .cards
        .iter()
        .find(|card| card.number.as_str() == BASINS)
        .unwrap();
    assert_eq!(
        basins.blocked_by.as_deref(),
        Some("blocked by TB-2026-0110-01-1-060 Frame and legs")
    );
    let frame = board
        .cards
        .iter()
        .find(|card| card.number.as_str() == FRAME)
        .unwrap();
    assert_eq!(
        frame.blocked_by, None,
        "nothing holds the frame's completion back"
    );
    assert!(board.may_move);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_filters_narrow_the_board(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let all = app
        .run(&cookie, board_of("ASSEMBLY", BoardFilter::default()))
        .await
        .unwrap();
    let orders: std::collections::BTreeSet<_> = all
        .cards
        .iter()
        .map(|card| card.order_number.to_string())
        .collect();
    assert!(
        orders.len() > 1,
        "the demo has two orders at assembly: {orders:?}"
    );

    let one_order = app
        .run(
            &cookie,
            board_of(
                "ASSEMBLY",
                BoardFilter {
                    order: Some("ORD-2026-0110".to_owned()),
                    ..BoardFilter::default()
                },
            ),
        )
        .await
        .unwrap();
    assert!(!one_order.cards.is_empty());
    assert!(
        one_order
            .cards
            .iter()
            .all(|card| card.order_number.as_str() == "ORD-2026-0110")
    );

    let nobody = app
        .run(
            &cookie,
            board_of(
                "ASSEMBLY",
                BoardFilter {
                    assignee: Some("nobody".to_owned()),
                    ..BoardFilter::default()
                },
            ),
        )
        .await
        .unwrap();
    assert!(nobody.cards.iter().all(|card| card.assignee.is_none()));
    assert!(
        nobody.cards.len() < all.cards.len(),
        "the demo assembler has some"
    );

    let refused = app
        .run(
            &cookie,
            board_of(
                "ASSEMBLY",
                BoardFilter {
                    due: Some("next week".to_owned()),
                    ..BoardFilter::default()
                },
            ),
        )
        .await;
    assert!(matches!(rule_broken(refused), AppError::Invalid { field, .. } if field == "due"));
}

#[sqlx::test(migrations = "../migrations")]
async fn an_order_board_holds_every_unit_task_of_the_order(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let board = app
        .run(
            &cookie,
            GetBoard {
                scope: BoardScope::Order("ORD-2026-0110".to_owned()),
                filter: BoardFilter::default(),
            },
        )
        .await
        .unwrap();
    assert!(board.order_id.is_some());
    assert!(
        board
            .cards
            .iter()
            .any(|card| card.number.as_str() == "TB-2026-0110-01-1-010"),
        "done tasks stay on an order's board"
    );
    assert!(
        board
            .cards
            .iter()
            .all(|card| card.order_number.as_str() == "ORD-2026-0110")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_blocked_task_refuses_to_start_naming_its_blocker(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let version = version_of(&pool, BASINS).await;

    let refused = app
        .run(&cookie, move_to(BASINS, TaskStatus::InProgress, version))
        .await
        .unwrap_err();

    let said = message(refused);
    assert!(said.contains(FRAME), "{said}");
    assert!(said.contains("Frame and legs"), "{said}");
    assert_eq!(status_of(&pool, BASINS).await, "PENDING");
    assert_eq!(version_of(&pool, BASINS).await, version, "nothing written");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_free_task_moves_and_its_version_rises(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let version = version_of(&pool, FRAME).await;

    let raised = app
        .run(&cookie, move_to(FRAME, TaskStatus::Completed, version))
        .await
        .unwrap();

    assert_eq!(raised, version + 1);
    assert_eq!(status_of(&pool, FRAME).await, "COMPLETED");
    // The basins are free now.
    let basins = version_of(&pool, BASINS).await;
    app.run(&cookie, move_to(BASINS, TaskStatus::InProgress, basins))
        .await
        .unwrap();
    assert_eq!(status_of(&pool, BASINS).await, "IN_PROGRESS");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_move_sent_again_after_it_was_made_is_answered_and_writes_nothing(pool: PgPool) {
    // A tablet's offline queue replays a move whose first answer was lost.
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let version = version_of(&pool, FRAME).await;
    let first = app
        .run(&cookie, move_to(FRAME, TaskStatus::Completed, version))
        .await
        .unwrap();

    let again = app
        .run(&cookie, move_to(FRAME, TaskStatus::Completed, version))
        .await
        .unwrap();

    assert_eq!(again, first);
    assert_eq!(version_of(&pool, FRAME).await, version + 1);
    // Sent again to another column, the same old version is refused.
    let elsewhere = app
        .run(&cookie, move_to(FRAME, TaskStatus::Pending, version))
        .await
        .unwrap_err();
    assert!(message(elsewhere).contains("changed by someone else"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_hold_needs_its_reason(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let version = version_of(&pool, FRAME).await;

    let refused = app
        .run(&cookie, move_to(FRAME, TaskStatus::OnHold, version))
        .await;
    assert!(
        matches!(rule_broken(refused), AppError::Invalid { field, .. } if field == "hold_reason")
    );

    let mut with_reason = move_to(FRAME, TaskStatus::OnHold, version);
    with_reason.hold_reason = Some("Legs not delivered".to_owned());
    app.run(&cookie, with_reason).await.unwrap();
    assert_eq!(status_of(&pool, FRAME).await, "ON_HOLD");
}

#[sqlx::test(migrations = "../migrations")]
async fn completing_a_task_that_needs_approval_waits_for_it(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let made = task(&pool, UNIT, "901", "ASSEMBLY").await;
    sqlx::query("UPDATE workflow.tasks SET approval_required = TRUE WHERE id = $1")
        .bind(made.id)
        .execute(&mut arranging(&pool).await)
        .await
        .unwrap();
    let number = format!("{UNIT}-901");
    let version = version_of(&pool, &number).await;

    let refused = app
        .run(&cookie, move_to(&number, TaskStatus::Completed, version))
        .await
        .unwrap_err();

    let said = message(refused);
    assert!(said.contains("needs its approval"), "{said}");
    assert_eq!(status_of(&pool, &number).await, "PENDING");
}

#[sqlx::test(migrations = "../migrations")]
async fn two_people_moving_one_card_from_the_same_version_one_wins_the_other_is_told(pool: PgPool) {
    let (app, assembler) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    task(&pool, UNIT, "902", "ASSEMBLY").await;
    let number = format!("{UNIT}-902");
    let coordinator = app
        .sign_in(users::COORDINATOR, crate::support::demo::PASSWORD)
        .await
        .unwrap_or_else(|_| panic!("the coordinator signs in"));
    let version = version_of(&pool, &number).await;

    let (first, second) = tokio::join!(
        app.run(
            &assembler,
            move_to(&number, TaskStatus::InProgress, version)
        ),
        app.run(
            &coordinator,
            move_to(&number, TaskStatus::Completed, version)
        ),
    );

    let (won, lost) = match (first, second) {
        (Ok(won), Err(lost)) | (Err(lost), Ok(won)) => (won, lost),
        other => panic!("not exactly one winner: {other:?}"),
    };
    assert_eq!(won, version + 1);
    let said = message(lost);
    assert!(said.contains("changed by someone else"), "{said}");
    assert!(said.contains(&number), "{said}");
    assert_eq!(version_of(&pool, &number).await, version + 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_assembler_may_not_move_another_work_centers_task_given_to_someone_else(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let made = task(&pool, UNIT, "903", "WELDING").await;
    sqlx::query("UPDATE workflow.tasks SET assigned_to = $2 WHERE id = $1")
        .bind(made.id)
        .bind(users::ADMIN_ID)
        .execute(&mut arranging(&pool).await)
        .await
        .unwrap();
    let number = format!("{UNIT}-903");
    let version = version_of(&pool, &number).await;

    let refused = app
        .run(&cookie, move_to(&number, TaskStatus::InProgress, version))
        .await;

    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
    assert_eq!(status_of(&pool, &number).await, "PENDING");
}

async fn assignee_of(pool: &PgPool, number: &str) -> Option<uuid::Uuid> {
    sqlx::query_scalar("SELECT assigned_to FROM workflow.tasks WHERE task_number = $1")
        .bind(number)
        .fetch_one(pool)
        .await
        .unwrap()
}

fn take(number: &str) -> TakeTask {
    TakeTask {
        task_number: number.to_owned(),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn an_assembler_takes_an_unassigned_task_of_their_work_center_only(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    task(&pool, UNIT, "904", "ASSEMBLY").await;
    task(&pool, UNIT, "905", "WELDING").await;
    let (here, elsewhere) = (format!("{UNIT}-904"), format!("{UNIT}-905"));

    app.run(&cookie, take(&here)).await.unwrap();
    assert_eq!(assignee_of(&pool, &here).await, Some(users::ASSEMBLER_ID));

    let refused = app.run(&cookie, take(&elsewhere)).await.unwrap_err();
    assert!(message(refused).contains("not at your work center"));
    assert_eq!(assignee_of(&pool, &elsewhere).await, None);

    // Taken already: by the assembler themselves, still refused as someone's.
    let again = app.run(&cookie, take(&here)).await.unwrap_err();
    assert!(message(again).contains("already someone's task"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_coordinator_assigns_and_an_assembler_may_not(pool: PgPool) {
    let (app, assembler) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let coordinator = app
        .sign_in(users::COORDINATOR, crate::support::demo::PASSWORD)
        .await
        .unwrap_or_else(|_| panic!("the coordinator signs in"));
    task(&pool, UNIT, "906", "WELDING").await;
    let number = format!("{UNIT}-906");
    let give = |to: Option<uuid::Uuid>| AssignTask {
        task_number: number.clone(),
        assignee: to.map(|id| id.to_string()),
    };

    app.run(&coordinator, give(Some(users::ASSEMBLER_ID)))
        .await
        .unwrap();
    assert_eq!(assignee_of(&pool, &number).await, Some(users::ASSEMBLER_ID));

    let refused = app.run(&assembler, give(None)).await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
    assert_eq!(assignee_of(&pool, &number).await, Some(users::ASSEMBLER_ID));

    app.run(&coordinator, give(None)).await.unwrap();
    assert_eq!(assignee_of(&pool, &number).await, None);
}

#[sqlx::test(migrations = "../migrations")]
async fn an_approved_task_may_be_completed(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let made = task(&pool, UNIT, "907", "ASSEMBLY").await;
    sqlx::query("UPDATE workflow.tasks SET approval_required = TRUE WHERE id = $1")
        .bind(made.id)
        .execute(&mut arranging(&pool).await)
        .await
        .unwrap();
    let number = format!("{UNIT}-907");
    let approve = || ApproveTask {
        task_number: number.clone(),
    };

    app.run(&cookie, approve()).await.unwrap();
    let twice = app.run(&cookie, approve()).await.unwrap_err();
    assert!(message(twice).contains("approved already"));

    let version = version_of(&pool, &number).await;
    app.run(&cookie, move_to(&number, TaskStatus::Completed, version))
        .await
        .unwrap();
    assert_eq!(status_of(&pool, &number).await, "COMPLETED");
}
