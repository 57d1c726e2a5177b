//! Moving orders through their lifecycle over HTTP: the domain's state
//! machine enforced by the server, the history it writes, and the version
//! check that stops two people overwriting each other.

use axum::http::StatusCode;
use sqlx::PgPool;

use crate::boms_approval::latest;
use crate::support::demo::{orders, users};
use crate::support::{TestApp, demo};

async fn app(pool: &PgPool) -> TestApp {
    torvan_server::seed::seed_demo(pool).await.unwrap();
    TestApp::new(pool.clone()).await
}

pub(crate) async fn order(pool: &PgPool, number: &str) -> (String, i32) {
    sqlx::query_as("SELECT status::text, version FROM orders.orders WHERE order_number = $1")
        .bind(number)
        .fetch_one(pool)
        .await
        .unwrap()
}

fn move_to(number: &str, to: &str, reason: &str, version: i32) -> String {
    format!("order_number={number}&to={to}&reason={reason}&version={version}")
}

/// Calls a server function as `cookie`; the reply's status and body.
pub(crate) async fn post(
    app: &TestApp,
    cookie: &str,
    path: &str,
    form: &str,
) -> (StatusCode, String) {
    let reply = app.call(path, form, Some(cookie)).await;
    (reply.status, reply.body)
}

/// Asks for a forward move of `order` from the version it has now.
pub(crate) async fn request_move(
    app: &TestApp,
    cookie: &str,
    pool: &PgPool,
    order_number: &str,
    to: &str,
) -> (StatusCode, String) {
    let (_, version) = order(pool, order_number).await;
    let form = move_to(order_number, to, "", version);
    post(app, cookie, "/api/orders/status", &form).await
}

/// Submits a draft BOM version and approves it, allocating what is there.
pub(crate) async fn approve_bom(app: &TestApp, cookie: &str, bom: uuid::Uuid) {
    let submitted = post(
        app,
        cookie,
        "/api/boms/status",
        &format!("bom_id={bom}&to=PENDING_APPROVAL"),
    )
    .await;
    assert_eq!(submitted.0, StatusCode::OK, "{}", submitted.1);
    let approved = post(
        app,
        cookie,
        "/api/boms/approve",
        &format!("bom_id={bom}&partial=true"),
    )
    .await;
    assert_eq!(approved.0, StatusCode::OK, "{}", approved.1);
}

#[sqlx::test(migrations = "../migrations")]
async fn starting_production_writes_the_status_history_with_who_and_from_where(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app
        .sign_in(users::COORDINATOR, demo::PASSWORD)
        .await
        .unwrap();
    let sink = "order_number=ORD-2026-0112&build_number=TB-2026-0112-01";
    let approved = post(&app, &cookie, "/api/orders/sinks/approve", sink).await;
    assert_eq!(approved.0, StatusCode::OK, "{}", approved.1);
    approve_bom(&app, &cookie, latest(&pool, orders::PENDING_BUILD).await).await;
    let (_, version) = order(&pool, orders::PENDING).await;

    let reply = app
        .call(
            "/api/orders/status",
            &move_to(orders::PENDING, "IN_PRODUCTION", "", version),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        order(&pool, orders::PENDING).await,
        ("IN_PRODUCTION".to_owned(), version + 1)
    );
    let (from, by, user_agent): (String, String, Option<String>) = sqlx::query_as(
        "SELECT h.from_status::text, u.email, h.user_agent
         FROM orders.order_status_history h
         JOIN orders.orders o ON o.id = h.order_id JOIN auth.users u ON u.id = h.changed_by
         WHERE o.order_number = 'ORD-2026-0112' AND h.to_status = 'IN_PRODUCTION'",
    )
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
         JOIN orders.orders o ON o.id = c.order_id WHERE o.order_number = 'ORD-2026-0112'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(sinks, "IN_PRODUCTION");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_change_from_a_stale_page_is_refused_and_writes_nothing(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap();
    let (_, version) = order(&pool, orders::SERVICE).await;
    let first = app
        .call(
            "/api/orders/status",
            &move_to(orders::SERVICE, "IN_PRODUCTION", "", version),
            Some(&cookie),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let second = app
        .call(
            "/api/orders/status",
            &move_to(orders::SERVICE, "PRE_QC", "", version),
            Some(&cookie),
        )
        .await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert_eq!(second.body, r#""Conflict""#);
    assert_eq!(
        order(&pool, orders::SERVICE).await,
        ("IN_PRODUCTION".to_owned(), version + 1)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn each_role_makes_only_its_own_moves_and_rework_needs_a_reason(pool: PgPool) {
    let app = app(&pool).await;
    let assembler = app.sign_in(users::ASSEMBLER, demo::PASSWORD).await.unwrap();
    let qc = app.sign_in(users::QC, demo::PASSWORD).await.unwrap();
    let (_, version) = order(&pool, orders::IN_FINAL_QC).await;

    let not_theirs = app
        .call(
            "/api/orders/status",
            &move_to(orders::IN_FINAL_QC, "QC_COMPLETE", "", version),
            Some(&assembler),
        )
        .await;
    assert!(
        not_theirs.body.contains("Your role may not"),
        "{}",
        not_theirs.body
    );

    let no_reason = app
        .call(
            "/api/orders/status",
            &move_to(orders::IN_FINAL_QC, "IN_PRODUCTION", "", version),
            Some(&qc),
        )
        .await;
    assert!(
        no_reason.body.contains(r#""field":"reason""#),
        "{}",
        no_reason.body
    );

    let rework = app
        .call(
            "/api/orders/status",
            &move_to(
                orders::IN_FINAL_QC,
                "IN_PRODUCTION",
                "Weld+porosity+on+basin+2",
                version,
            ),
            Some(&qc),
        )
        .await;
    assert_eq!(rework.status, StatusCode::OK, "{}", rework.body);
    let reason: Option<String> = sqlx::query_scalar(
        "SELECT h.change_reason FROM orders.order_status_history h
         JOIN orders.orders o ON o.id = h.order_id
         WHERE o.order_number = 'ORD-2026-0105' ORDER BY h.changed_at DESC, h.id DESC LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(reason.as_deref(), Some("Weld porosity on basin 2"));

    let page = app
        .call(
            "/api/orders/order",
            "order_number=ORD-2026-0105",
            Some(&assembler),
        )
        .await;
    assert!(
        page.body
            .contains(r#""moves":[{"to":"PRE_QC","back":false}]"#),
        "{}",
        page.body
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_order_gets_the_next_number_of_its_year_and_starts_pending(pool: PgPool) {
    let app = app(&pool).await;
    let cookie = app
        .sign_in(users::COORDINATOR, demo::PASSWORD)
        .await
        .unwrap();
    let form = "order[customer_number]=C-10003&order[header][customer_po_number]=PO-778&order[header][priority]=RUSH";
    let reply = app.call("/api/orders/create", form, Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let number = reply.body.trim_matches('"').to_owned();
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
    let app = app(&pool).await;
    let cookie = app
        .sign_in(users::COORDINATOR, demo::PASSWORD)
        .await
        .unwrap();
    let past = app
        .call(
            "/api/orders/create",
            "order[customer_number]=C-10001&order[header][requested_ship_date]=2020-01-01",
            Some(&cookie),
        )
        .await;
    assert!(
        past.body.contains(r#""field":"requested_ship_date""#),
        "{}",
        past.body
    );
    sqlx::query("UPDATE public.customers SET is_active = FALSE WHERE customer_number = 'C-10001'")
        .execute(&pool)
        .await
        .unwrap();
    let inactive = app
        .call(
            "/api/orders/create",
            "order[customer_number]=C-10001",
            Some(&cookie),
        )
        .await;
    assert!(
        inactive.body.contains(r#""field":"customer_number""#),
        "{}",
        inactive.body
    );
}
