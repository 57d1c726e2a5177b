//! Moving orders through their lifecycle over HTTP: the domain's state
//! machine enforced by the server, the history it writes, and the version
//! check that stops two people overwriting each other.

use sqlx::PgPool;
use torvan::OrderStatus;
use torvan::bom::BomStatus;
use torvan::order_draft::{HeaderDraft, OrderDraft};
use torvan::signature::{Meaning, order_move_meaning};
use torvan_app::boms::{ApproveBom, MoveBom};
use torvan_app::error::AppError;
use torvan_app::orders::create::CreateOrder;
use torvan_app::orders::detail::{ChangeOrderStatus, GetOrder, OfferedMove};
use uuid::Uuid;

use crate::boms_approval::latest;
use crate::orders_sinks::approve_sink;
use crate::signatures::{second_signer, signing};
use crate::support::demo::{self, customers, orders, users};
use crate::support::{TestApp, arranging};

pub(crate) async fn order(pool: &PgPool, number: &str) -> (String, i32) {
    sqlx::query_as("SELECT status::text, version FROM orders.orders WHERE order_number = $1")
        .bind(number)
        .fetch_one(pool)
        .await
        .unwrap()
}

fn move_to(number: &str, to: OrderStatus, reason: &str, version: i32) -> ChangeOrderStatus {
    ChangeOrderStatus {
        order_number: number.to_owned(),
        to: torvan::DbEnum::as_db_str(to).to_owned(),
        reason: reason.to_owned(),
        version,
        signing: order_move_meaning(to).map(signing),
    }
}

/// A new order for `customer` as the new-order form sends it.
pub(crate) fn new_order(customer: &str, header: HeaderDraft) -> CreateOrder {
    CreateOrder {
        order: OrderDraft {
            customer_number: customer.to_owned(),
            header,
            ..OrderDraft::default()
        },
    }
}

/// Asks for a forward move of `order` from the version it has now.
pub(crate) async fn request_move(
    app: &TestApp,
    cookie: &str,
    pool: &PgPool,
    order_number: &str,
    to: OrderStatus,
) -> Result<(), AppError> {
    let (_, version) = order(pool, order_number).await;
    app.run(cookie, move_to(order_number, to, "", version))
        .await
}

/// Submits a draft BOM version and approves it, allocating what is there.
pub(crate) async fn approve_bom(app: &TestApp, cookie: &str, bom: Uuid) {
    let submit = MoveBom {
        bom_id: bom,
        to: BomStatus::PendingApproval,
    };
    app.run(cookie, submit).await.unwrap();
    let approve = ApproveBom {
        bom_id: bom,
        partial: true,
        signing: signing(Meaning::Approved),
    };
    app.run(cookie, approve).await.unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn starting_production_writes_the_status_history_with_who_and_from_where(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    // The coordinator validated the sink: the administrator approves it,
    // generating its BOM, which the coordinator then approves.
    let admin = second_signer(&app).await;
    let sink = approve_sink(orders::PENDING, orders::PENDING_BUILD);
    app.run(&admin, sink).await.unwrap();
    approve_bom(&app, &cookie, latest(&pool, orders::PENDING_BUILD).await).await;
    let (_, version) = order(&pool, orders::PENDING).await;

    let start = move_to(orders::PENDING, OrderStatus::InProduction, "", version);
    app.run(&cookie, start).await.unwrap();
    assert_eq!(
        order(&pool, orders::PENDING).await,
        ("IN_PRODUCTION".to_owned(), version + 1)
    );
    let (from, by, user_agent): (String, String, Option<String>) = sqlx::query_as(
        "SELECT h.from_status::text, u.email, h.user_agent
         FROM orders.order_status_history h
         JOIN orders.orders o ON o.id = h.order_id JOIN auth.users u ON u.id = h.changed_by
         WHERE o.order_number = $1 AND h.to_status = 'IN_PRODUCTION'",
    )
    .bind(orders::PENDING)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (from.as_str(), by.as_str()),
        ("PENDING", users::COORDINATOR)
    );
    assert_eq!(user_agent.as_deref(), Some(crate::support::USER_AGENT));
    let sinks: String = sqlx::query_scalar(
        "SELECT string_agg(DISTINCT configuration_status, ',') FROM orders.order_sink_configurations c
         JOIN orders.orders o ON o.id = c.order_id WHERE o.order_number = $1",
    )
    .bind(orders::PENDING)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(sinks, "IN_PRODUCTION");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_change_from_a_stale_page_is_refused_and_writes_nothing(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let (_, version) = order(&pool, orders::SERVICE).await;
    let first = move_to(orders::SERVICE, OrderStatus::InProduction, "", version);
    app.run(&cookie, first).await.unwrap();
    let second = move_to(orders::SERVICE, OrderStatus::PreQc, "", version);
    assert_eq!(app.run(&cookie, second).await, Err(AppError::Conflict));
    assert_eq!(
        order(&pool, orders::SERVICE).await,
        ("IN_PRODUCTION".to_owned(), version + 1)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn each_role_makes_only_its_own_moves_and_rework_needs_a_reason(pool: PgPool) {
    let (app, assembler) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let qc = app.sign_in(users::QC, demo::PASSWORD).await.unwrap();
    let (_, version) = order(&pool, orders::IN_FINAL_QC).await;
    let in_final_qc = |to, reason| move_to(orders::IN_FINAL_QC, to, reason, version);

    let not_theirs = app
        .run(&assembler, in_final_qc(OrderStatus::QcComplete, ""))
        .await
        .unwrap_err();
    assert!(
        not_theirs.to_string().contains("Your role may not"),
        "{not_theirs:?}"
    );

    let no_reason = app
        .run(&qc, in_final_qc(OrderStatus::InProduction, ""))
        .await
        .unwrap_err();
    assert_eq!(no_reason.fields(), ["reason"]);

    let rework = in_final_qc(OrderStatus::InProduction, "Weld porosity on basin 2");
    app.run(&qc, rework).await.unwrap();
    let reason: Option<String> = sqlx::query_scalar(
        "SELECT h.change_reason FROM orders.order_status_history h
         JOIN orders.orders o ON o.id = h.order_id
         WHERE o.order_number = $1 ORDER BY h.changed_at DESC, h.id DESC LIMIT 1",
    )
    .bind(orders::IN_FINAL_QC)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(reason.as_deref(), Some("Weld porosity on basin 2"));

    let page = GetOrder {
        order_number: orders::IN_FINAL_QC.to_owned(),
    };
    let page = app.run(&assembler, page).await.unwrap();
    assert_eq!(
        page.moves,
        [OfferedMove {
            to: OrderStatus::PreQc,
            back: false
        }]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_order_gets_the_next_number_of_its_year_and_starts_pending(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let header = HeaderDraft {
        customer_po_number: "PO-778".into(),
        priority: "RUSH".into(),
        ..HeaderDraft::default()
    };
    let number = app
        .run(&cookie, new_order(customers::NORTHWIND, header))
        .await
        .unwrap()
        .to_string();
    let year: String = sqlx::query_scalar("SELECT to_char(CURRENT_DATE, 'YYYY')")
        .fetch_one(&pool)
        .await
        .unwrap();
    let expected_sequence = if year == "2026" { "0115" } else { "0001" };
    assert_eq!(number, format!("ORD-{year}-{expected_sequence}"));
    let (status, priority, history): (String, String, String) = sqlx::query_as(
        "SELECT o.status::text, o.priority::text, h.to_status::text
         FROM orders.orders o JOIN orders.order_status_history h ON h.order_id = o.id
         WHERE o.order_number = $1",
    )
    .bind(&number)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (status.as_str(), priority.as_str(), history.as_str()),
        ("PENDING", "RUSH", "PENDING")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_order_for_the_past_or_an_inactive_customer_is_refused(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let in_the_past = HeaderDraft {
        requested_ship_date: "2020-01-01".into(),
        ..HeaderDraft::default()
    };
    let past = app
        .run(&cookie, new_order(customers::ST_MARYS, in_the_past))
        .await
        .unwrap_err();
    assert!(past.for_field("requested_ship_date").is_some(), "{past:?}");
    sqlx::query("UPDATE public.customers SET is_active = FALSE WHERE customer_number = $1")
        .bind(customers::ST_MARYS)
        .execute(&mut arranging(&pool).await)
        .await
        .unwrap();
    let inactive = app
        .run(
            &cookie,
            new_order(customers::ST_MARYS, HeaderDraft::default()),
        )
        .await
        .unwrap_err();
    assert!(
        inactive.for_field("customer_number").is_some(),
        "{inactive:?}"
    );
}
