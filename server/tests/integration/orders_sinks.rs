//! Sink configurations over HTTP as the coordinator makes them: drafts,
//! the rules the server enforces again, approval with a build number per
//! sink, duplicates, and the order states that allow none of it.

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;
use torvan::sink::SinkChoices;

use crate::support::TestApp;
use crate::support::demo::{orders, users};

pub(crate) const ORDER: &str = orders::OTHER_PENDING;

pub(crate) async fn coordinator(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::COORDINATOR).await
}

pub(crate) async fn add(
    app: &TestApp,
    cookie: &str,
    order: &str,
    family: &str,
) -> (StatusCode, String) {
    let reply = app
        .call(
            "/api/orders/sinks/add",
            &format!("order_number={order}&family={family}"),
            Some(cookie),
        )
        .await;
    (reply.status, reply.body.trim_matches('"').to_owned())
}

/// The configuration as the wizard loads it: its choices and version.
async fn current(app: &TestApp, cookie: &str, order: &str, build: &str) -> (SinkChoices, i64) {
    let reply = app
        .call(
            "/api/orders/sinks/get",
            &format!("order_number={order}&build_number={build}"),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let wizard: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let choices = serde_json::from_value(wizard["choices"].clone()).unwrap();
    (choices, wizard["version"].as_i64().unwrap())
}

pub(crate) async fn choices(app: &TestApp, cookie: &str, build: &str) -> SinkChoices {
    current(app, cookie, ORDER, build).await.0
}

/// Saves or validates as a page that has just loaded the configuration.
pub(crate) async fn send(
    app: &TestApp,
    cookie: &str,
    what: &str,
    build: &str,
    choices: &SinkChoices,
) -> (StatusCode, String) {
    let version = current(app, cookie, ORDER, build).await.1;
    let body = json!({ "order_number": ORDER, "build_number": build, "version": version, "choices": choices });
    let reply = app
        .call(
            &format!("/api/orders/sinks/{what}"),
            &body.to_string(),
            Some(cookie),
        )
        .await;
    (reply.status, reply.body)
}

async fn stored(pool: &PgPool, build: &str) -> (String, i32, serde_json::Value) {
    sqlx::query_as(
        "SELECT configuration_status, quantity, body_dimensions
         FROM orders.order_sink_configurations WHERE build_number = $1",
    )
    .bind(build)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_sink_goes_from_draft_to_approved_with_a_build_number_per_sink(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let (status, build) = add(&app, &cookie, ORDER, "LAB").await;
    assert_eq!(status, StatusCode::OK, "{build}");
    assert_eq!(build, "TB-2026-0113-02");

    let mut sink = choices(&app, &cookie, &build).await;
    assert_eq!((sink.family.as_str(), sink.width.as_str()), ("LAB", "48"));
    sink.quantity = "3".into();
    sink.width = "60.5".into();
    assert_eq!(
        send(&app, &cookie, "save", &build, &sink).await.0,
        StatusCode::OK
    );
    let (state, quantity, dimensions) = stored(&pool, &build).await;
    assert_eq!((state.as_str(), quantity), ("DRAFT", 3));
    assert_eq!(dimensions["width"], json!(60.5));
    assert_eq!(
        choices(&app, &cookie, &build).await,
        sink,
        "a reload finds the draft"
    );

    let (status, body) = send(&app, &cookie, "validate", &build, &sink).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let reply = app
        .call(
            "/api/orders/sinks/approve",
            &format!("order_number={ORDER}&build_number={build}"),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    let (validated_by, approved_by, price): (String, String, rust_decimal::Decimal) =
        sqlx::query_as(
            "SELECT v.email, a.email, c.configuration_price FROM orders.order_sink_configurations c
         JOIN auth.users v ON v.id = c.validated_by JOIN auth.users a ON a.id = c.approved_by
         WHERE c.build_number = $1 AND c.configuration_status = 'APPROVED'",
        )
        .bind(&build)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(validated_by, users::COORDINATOR);
    assert_eq!(approved_by, users::COORDINATOR);
    // LAB base 4150 + 12.5 in extra width at 40 + gooseneck faucet 385 + lever drain 95.
    assert_eq!(price, rust_decimal_macros::dec!(5130.00));
    let builds: Vec<String> = sqlx::query_scalar(
        "SELECT b.build_number FROM orders.sink_builds b
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE c.build_number = $1 ORDER BY b.unit_number",
    )
    .bind(&build)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        builds,
        [
            format!("{build}-1"),
            format!("{build}-2"),
            format!("{build}-3")
        ]
    );
    let subtotal: rust_decimal::Decimal =
        sqlx::query_scalar("SELECT subtotal FROM orders.orders WHERE order_number = $1")
            .bind(ORDER)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        subtotal,
        rust_decimal_macros::dec!(9180.00) * rust_decimal_macros::dec!(2)
            + price * rust_decimal_macros::dec!(3)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_broken_rule_is_refused_at_its_field_and_the_saved_draft_kept(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let (_, build) = add(&app, &cookie, ORDER, "ESR").await;
    let mut sink = choices(&app, &cookie, &build).await;
    sink.pegboard = "CUSTOM".into();
    sink.pegboard_width = "80".into();
    sink.pegboard_height = "36".into();

    let (status, body) = send(&app, &cookie, "validate", &build, &sink).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains(r#""field":"pegboard_width""#), "{body}");
    assert!(
        body.contains("at most as wide as the body (72 in)"),
        "{body}"
    );
    assert_eq!(stored(&pool, &build).await.0, "DRAFT");

    sink.width = "wide".into();
    let (status, body) = send(&app, &cookie, "save", &build, &sink).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains(r#""field":"width""#), "{body}");
    assert_eq!(
        stored(&pool, &build).await.2["width"],
        json!(72),
        "nothing saved is lost"
    );

    sink.width = "84".into();
    assert_eq!(
        send(&app, &cookie, "validate", &build, &sink).await.0,
        StatusCode::OK
    );
    assert_eq!(stored(&pool, &build).await.0, "VALIDATED");
    sink.quantity = "2".into();
    assert_eq!(
        send(&app, &cookie, "save", &build, &sink).await.0,
        StatusCode::OK
    );
    assert_eq!(
        stored(&pool, &build).await.0,
        "DRAFT",
        "an edit needs validating again"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_approved_configuration_is_frozen_but_can_be_duplicated(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let order = orders::PENDING;
    let sink = format!("order_number={order}&build_number=TB-2026-0112-01");
    let reply = app
        .call("/api/orders/sinks/approve", &sink, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    let (_, version) = current(&app, &cookie, order, orders::PENDING_BUILD).await;
    let body = json!({ "order_number": order, "build_number": orders::PENDING_BUILD, "version": version, "choices": SinkChoices::default() });
    let reply = app
        .call("/api/orders/sinks/save", &body.to_string(), Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("cannot change"), "{}", reply.body);

    let reply = app
        .call("/api/orders/sinks/duplicate", &sink, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body.trim_matches('"'), "TB-2026-0112-02");
    let copies: Vec<(String, String)> = sqlx::query_as(
        "SELECT configuration_status,
                (SELECT jsonb_agg(b - 'function' - 'faucet') FROM jsonb_array_elements(basin_configuration) b)::text
         FROM orders.order_sink_configurations
         WHERE build_number IN ('TB-2026-0112-01', 'TB-2026-0112-02') ORDER BY build_number",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(copies[0].0, "APPROVED");
    assert_eq!(copies[1].0, "DRAFT");
    assert_eq!(copies[0].1, copies[1].1);
}

#[sqlx::test(migrations = "../migrations")]
async fn sinks_change_only_on_pending_production_orders(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let (status, body) = add(&app, &cookie, orders::IN_PRODUCTION, "ESR").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("only while the order is pending"), "{body}");
    let (status, body) = add(&app, &cookie, orders::SERVICE, "ESR").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("line items, not sinks"), "{body}");
}

#[sqlx::test(migrations = "../migrations")]
async fn sinks_added_at_once_get_distinct_build_numbers(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let (a, b, c) = tokio::join!(
        add(&app, &cookie, ORDER, "ESR"),
        add(&app, &cookie, ORDER, "LAB"),
        add(&app, &cookie, ORDER, "DECON"),
    );
    let mut builds = vec![a.1, b.1, c.1];
    builds.sort();
    assert_eq!(
        builds,
        ["TB-2026-0113-02", "TB-2026-0113-03", "TB-2026-0113-04"]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_save_from_a_page_that_missed_another_save_is_refused(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let (_, build) = add(&app, &cookie, ORDER, "LAB").await;
    let (mut sink, loaded) = current(&app, &cookie, ORDER, &build).await;
    sink.quantity = "2".into();
    let save = |version: i64, choices: &SinkChoices| {
        json!({ "order_number": ORDER, "build_number": build, "version": version, "choices": choices }).to_string()
    };
    let first = app
        .call(
            "/api/orders/sinks/save",
            &save(loaded, &sink),
            Some(&cookie),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);

    sink.quantity = "5".into();
    let stale = app
        .call(
            "/api/orders/sinks/save",
            &save(loaded, &sink),
            Some(&cookie),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(stored(&pool, &build).await.1, 2, "the first save stands");

    let saved: serde_json::Value = serde_json::from_str(&first.body).unwrap();
    let next = app
        .call(
            "/api/orders/sinks/save",
            &save(saved["version"].as_i64().unwrap(), &sink),
            Some(&cookie),
        )
        .await;
    assert_eq!(next.status, StatusCode::OK, "{}", next.body);
    assert_eq!(stored(&pool, &build).await.1, 5);
}
