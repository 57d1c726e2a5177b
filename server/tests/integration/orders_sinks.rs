//! Sink configurations over HTTP as the coordinator makes them: drafts,
//! the rules the server enforces again, approval with a build number per
//! sink, duplicates, and the order states that allow none of it.

use serde_json::json;
use sqlx::PgPool;
use torvan::signature::Meaning;
use torvan::sink::SinkChoices;
use torvan_app::error::AppError;
use torvan_app::orders::sinks::{
    AddSink, ApproveSink, DuplicateSink, GetSink, SaveSink, Saved, ValidateSink,
};

use crate::signatures::{second_signer, signing};
use crate::support::demo::{orders, users};
use crate::support::{TestApp, rule_broken};

pub(crate) const ORDER: &str = orders::OTHER_PENDING;

pub(crate) async fn coordinator(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::COORDINATOR).await
}

/// Adds a sink of `family` to `order`; its build number.
pub(crate) async fn add(
    app: &TestApp,
    cookie: &str,
    order: &str,
    family: &str,
) -> Result<String, AppError> {
    let add = AddSink {
        order_number: order.to_owned(),
        family: family.to_owned(),
    };
    app.run(cookie, add).await.map(|build| build.to_string())
}

pub(crate) fn approve_sink(order: &str, build: &str) -> ApproveSink {
    ApproveSink {
        order_number: order.to_owned(),
        build_number: build.to_owned(),
        signing: signing(Meaning::Approved),
    }
}

/// The configuration as the wizard loads it: its choices and version.
async fn current(app: &TestApp, cookie: &str, order: &str, build: &str) -> (SinkChoices, i32) {
    let get = GetSink {
        order_number: order.to_owned(),
        build_number: build.to_owned(),
    };
    let wizard = app.run(cookie, get).await.unwrap();
    (wizard.choices, wizard.version)
}

pub(crate) async fn choices(app: &TestApp, cookie: &str, build: &str) -> SinkChoices {
    current(app, cookie, ORDER, build).await.0
}

/// What the wizard's buttons do with the choices made.
#[derive(Clone, Copy)]
pub(crate) enum Edit {
    Save,
    Validate,
}

/// Saves or validates `choices` as a page that loaded `build` at `version`.
async fn edit_at(
    app: &TestApp,
    cookie: &str,
    edit: Edit,
    (order, build, version): (&str, &str, i32),
    choices: &SinkChoices,
) -> Result<Saved, AppError> {
    let (order_number, build_number) = (order.to_owned(), build.to_owned());
    let choices = choices.clone();
    match edit {
        Edit::Save => {
            let save = SaveSink {
                order_number,
                build_number,
                version,
                choices,
            };
            app.run(cookie, save).await
        }
        Edit::Validate => {
            let validate = ValidateSink {
                order_number,
                build_number,
                version,
                choices,
            };
            app.run(cookie, validate).await
        }
    }
}

/// Saves or validates as a page that has just loaded the configuration.
pub(crate) async fn send(
    app: &TestApp,
    cookie: &str,
    edit: Edit,
    build: &str,
    choices: &SinkChoices,
) -> Result<Saved, AppError> {
    let version = current(app, cookie, ORDER, build).await.1;
    edit_at(app, cookie, edit, (ORDER, build, version), choices).await
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
    let build = add(&app, &cookie, ORDER, "LAB").await.unwrap();
    assert_eq!(build, "TB-2026-0113-02");

    let mut sink = choices(&app, &cookie, &build).await;
    assert_eq!((sink.family.as_str(), sink.width.as_str()), ("LAB", "48"));
    sink.quantity = "3".into();
    sink.width = "60.5".into();
    send(&app, &cookie, Edit::Save, &build, &sink)
        .await
        .unwrap();
    let (state, quantity, dimensions) = stored(&pool, &build).await;
    assert_eq!((state.as_str(), quantity), ("DRAFT", 3));
    assert_eq!(dimensions["width"], json!(60.5));
    assert_eq!(
        choices(&app, &cookie, &build).await,
        sink,
        "a reload finds the draft"
    );

    send(&app, &cookie, Edit::Validate, &build, &sink)
        .await
        .unwrap();
    // The coordinator validated it: the administrator approves it.
    let approver = second_signer(&app).await;
    app.run(&approver, approve_sink(ORDER, &build))
        .await
        .unwrap();

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
    assert_eq!(approved_by, users::ADMIN);
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
    let build = add(&app, &cookie, ORDER, "ESR").await.unwrap();
    let mut sink = choices(&app, &cookie, &build).await;
    sink.pegboard = "CUSTOM".into();
    sink.pegboard_width = "80".into();
    sink.pegboard_height = "36".into();

    let refused = rule_broken(send(&app, &cookie, Edit::Validate, &build, &sink).await);
    assert!(
        refused
            .for_field("pegboard_width")
            .is_some_and(|message| message.contains("at most as wide as the body (72 in)")),
        "{refused:?}"
    );
    assert_eq!(stored(&pool, &build).await.0, "DRAFT");

    sink.width = "wide".into();
    let refused = rule_broken(send(&app, &cookie, Edit::Save, &build, &sink).await);
    assert!(refused.for_field("width").is_some(), "{refused:?}");
    assert_eq!(
        stored(&pool, &build).await.2["width"],
        json!(72),
        "nothing saved is lost"
    );

    sink.width = "84".into();
    send(&app, &cookie, Edit::Validate, &build, &sink)
        .await
        .unwrap();
    assert_eq!(stored(&pool, &build).await.0, "VALIDATED");
    sink.quantity = "2".into();
    send(&app, &cookie, Edit::Save, &build, &sink)
        .await
        .unwrap();
    assert_eq!(
        stored(&pool, &build).await.0,
        "DRAFT",
        "an edit needs validating again"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_approved_configuration_is_frozen_but_can_be_duplicated(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let (order, build) = (orders::PENDING, orders::PENDING_BUILD);
    let approver = second_signer(&app).await;
    app.run(&approver, approve_sink(order, build))
        .await
        .unwrap();

    let (_, version) = current(&app, &cookie, order, build).await;
    let blank = SinkChoices::default();
    let frozen = edit_at(&app, &cookie, Edit::Save, (order, build, version), &blank).await;
    let refused = rule_broken(frozen);
    assert!(refused.to_string().contains("cannot change"), "{refused:?}");

    let duplicate = DuplicateSink {
        order_number: order.to_owned(),
        build_number: build.to_owned(),
    };
    let copy = app.run(&cookie, duplicate).await.unwrap();
    assert_eq!(copy.to_string(), "TB-2026-0112-02");
    let copies: Vec<(String, String)> = sqlx::query_as(
        "SELECT configuration_status,
                (SELECT jsonb_agg(b - 'function' - 'faucet') FROM jsonb_array_elements(basin_configuration) b)::text
         FROM orders.order_sink_configurations
         WHERE build_number IN ($1, $2) ORDER BY build_number",
    )
    .bind(build)
    .bind(copy.to_string())
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
    let in_production = rule_broken(add(&app, &cookie, orders::IN_PRODUCTION, "ESR").await);
    assert!(
        in_production
            .to_string()
            .contains("only while the order is pending"),
        "{in_production:?}"
    );
    let service = rule_broken(add(&app, &cookie, orders::SERVICE, "ESR").await);
    assert!(
        service.to_string().contains("line items, not sinks"),
        "{service:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn sinks_added_at_once_get_distinct_build_numbers(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let (a, b, c) = tokio::join!(
        add(&app, &cookie, ORDER, "ESR"),
        add(&app, &cookie, ORDER, "LAB"),
        add(&app, &cookie, ORDER, "DECON"),
    );
    let mut builds = vec![a.unwrap(), b.unwrap(), c.unwrap()];
    builds.sort();
    assert_eq!(
        builds,
        ["TB-2026-0113-02", "TB-2026-0113-03", "TB-2026-0113-04"]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_save_from_a_page_that_missed_another_save_is_refused(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let build = add(&app, &cookie, ORDER, "LAB").await.unwrap();
    let (mut sink, loaded) = current(&app, &cookie, ORDER, &build).await;
    let save_at = |version: i32, sink: SinkChoices| {
        let (app, cookie, build) = (&app, &cookie, &build);
        async move { edit_at(app, cookie, Edit::Save, (ORDER, build, version), &sink).await }
    };
    sink.quantity = "2".into();
    let first = save_at(loaded, sink.clone()).await.unwrap();

    sink.quantity = "5".into();
    let stale = save_at(loaded, sink.clone()).await;
    assert_eq!(stale, Err(AppError::Conflict));
    assert_eq!(stored(&pool, &build).await.1, 2, "the first save stands");

    save_at(first.version, sink).await.unwrap();
    assert_eq!(stored(&pool, &build).await.1, 5);
}
