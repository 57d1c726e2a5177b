//! Template editing as an administrator meets it: every problem named at
//! its line and field with nothing saved (a rule that fails for a sample
//! configuration of the family included), a good save as the next version
//! that the next BOM follows, and a preview that saves nothing.

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;

use crate::support::demo::{orders, users};
use crate::support::{Reply, TestApp};

const ESR: &str = "torvan-demo:bom-template:ESR";

async fn template_id(pool: &PgPool) -> uuid::Uuid {
    sqlx::query_scalar("SELECT md5($1)::uuid")
        .bind(ESR)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The editor's view of the ESR template, as JSON.
async fn editor(app: &TestApp, cookie: &str, id: uuid::Uuid) -> Value {
    let reply = app
        .call("/api/bom-templates/get", &format!("id={id}"), Some(cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn line_mut(editor: &mut Value, number: i64) -> &mut Value {
    editor["lines"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|line| line["line_number"] == number)
        .unwrap()
}

/// The administrator signed in, with the ESR template open in the editor.
async fn admin_editing(pool: &PgPool) -> (TestApp, String, uuid::Uuid, Value) {
    let (app, cookie) = TestApp::demo_signed_in(pool, users::ADMIN).await;
    let id = template_id(pool).await;
    let template = editor(&app, &cookie, id).await;
    (app, cookie, id, template)
}

/// The template's version as stored.
async fn stored_version(pool: &PgPool, id: uuid::Uuid) -> String {
    sqlx::query_scalar("SELECT version FROM products.bom_templates WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

fn assert_refused(status: StatusCode, body: &str) {
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

/// The refusal has a message at `field`.
fn assert_field(body: &str, field: &str) {
    assert!(
        body.contains(&format!(r#""field":"{field}""#)),
        "{field} in {body}"
    );
}

async fn duplicate(app: &TestApp, cookie: &str, id: uuid::Uuid) -> Reply {
    app.call(
        "/api/bom-templates/duplicate",
        &format!("id={id}"),
        Some(cookie),
    )
    .await
}

async fn save(app: &TestApp, cookie: &str, editor: &Value) -> (StatusCode, String) {
    let body = json!({ "id": editor["id"], "header": editor["header"], "lines": editor["lines"] });
    let reply = app
        .call("/api/bom-templates/save", &body.to_string(), Some(cookie))
        .await;
    (reply.status, reply.body)
}

#[sqlx::test(migrations = "../migrations")]
async fn every_problem_is_named_at_its_field_and_nothing_is_saved(pool: PgPool) {
    let (app, cookie, id, mut template) = admin_editing(&pool).await;
    template["header"]["rule"] = json!("basin_cout >= 2");
    line_mut(&mut template, 210)["quantity_formula"] = json!("basin_count * ");
    line_mut(&mut template, 140)["part_number"] = json!("999-9999");

    let (status, body) = save(&app, &cookie, &template).await;
    assert_refused(status, &body);
    for field in ["rule", "210:quantity_formula", "140:part_number"] {
        assert_field(&body, field);
    }
    assert!(
        body.contains("unknown variable “basin_cout” at 1:1"),
        "{body}"
    );
    assert_eq!(stored_version(&pool, id).await, "1.0");
}

#[sqlx::test(migrations = "../migrations")]
async fn descriptions_longer_than_their_columns_are_refused_at_their_fields(pool: PgPool) {
    let (app, cookie, _, mut template) = admin_editing(&pool).await;
    template["header"]["description"] = json!("d".repeat(2_001));
    line_mut(&mut template, 210)["description"] = json!("d".repeat(256));

    let (status, body) = save(&app, &cookie, &template).await;
    assert_refused(status, &body);
    for (field, message) in [
        ("description", "At most 2,000 characters; this has 2,001."),
        ("210:description", "At most 255 characters; this has 256."),
    ] {
        assert!(
            body.contains(&format!(r#""field":"{field}","message":"{message}""#)),
            "{field} in {body}"
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_rule_that_fails_for_a_sample_configuration_is_refused_at_its_field(pool: PgPool) {
    let (app, cookie, id, mut template) = admin_editing(&pool).await;
    template["header"]["rule"] = json!("1 / 0 > 1");
    let (status, body) = save(&app, &cookie, &template).await;
    assert_refused(status, &body);
    assert_field(&body, "rule");
    assert!(body.contains("division by zero"), "{body}");

    template["header"]["rule"] = json!("");
    line_mut(&mut template, 210)["quantity_formula"] = json!("basin_count / 0");
    let (status, body) = save(&app, &cookie, &template).await;
    assert_refused(status, &body);
    assert_field(&body, "210:quantity_formula");
    assert!(
        body.contains(
            "Fails for a sample Endoscope Reprocessing Sink configuration: division by zero"
        ),
        "{body}"
    );
    assert_eq!(stored_version(&pool, id).await, "1.0");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_saved_template_is_the_next_version_and_the_next_bom_follows_it(pool: PgPool) {
    let (app, cookie, id, mut template) = admin_editing(&pool).await;
    let lines = template["lines"].as_array().unwrap().len();
    line_mut(&mut template, 160)["base_quantity"] = json!("6");

    let (status, body) = save(&app, &cookie, &template).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "\"1.1\""));
    let reread = editor(&app, &cookie, id).await;
    assert_eq!(reread["lines"].as_array().unwrap().len(), lines);
    assert_eq!(reread["version"], "1.1");

    let reply = app
        .call(
            "/api/boms/generate",
            "order_number=ORD-2026-0106&build_number=TB-2026-0106-01&reason=Gussets",
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let (method, gussets): (String, rust_decimal::Decimal) = sqlx::query_as(
        "SELECT b.generation_method, i.quantity_per_assembly FROM orders.boms b
         JOIN orders.bom_items i ON i.bom_id = b.id
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE c.build_number = 'TB-2026-0106-01' AND b.version = 2 AND i.line_number = 160",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(method, "Standard Endoscope Reprocessing Sink v1.1");
    assert_eq!(gussets, rust_decimal::Decimal::from(6));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_preview_shows_the_bom_of_the_lines_as_typed_and_saves_nothing(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let id = template_id(&pool).await;
    let mut template = editor(&app, &cookie, id).await;
    line_mut(&mut template, 160)["base_quantity"] = json!("6");
    let preview = |order: &'static str, build: &'static str, lines: Value| {
        let (app, cookie) = (&app, cookie.clone());
        async move {
            let body =
                json!({ "id": id, "lines": lines, "order_number": order, "build_number": build });
            app.call(
                "/api/bom-templates/preview",
                &body.to_string(),
                Some(&cookie),
            )
            .await
        }
    };
    let reply = preview(
        orders::RUSH_WITH_CUSTOM_PART,
        orders::RUSH_WITH_CUSTOM_PART_BUILD,
        template["lines"].clone(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let shown: Value = serde_json::from_str(&reply.body).unwrap();
    let gussets = shown["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["line_number"] == 160)
        .unwrap();
    assert_eq!(gussets["quantity_per_assembly"], "6");

    let other_family = preview(
        orders::DELIVERED,
        orders::DELIVERED_BUILD,
        template["lines"].clone(),
    )
    .await;
    assert_refused(other_family.status, &other_family.body);
    let stored: (i64, String) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM orders.boms b
                 JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
                 WHERE c.build_number = 'TB-2026-0106-01'),
                (SELECT version FROM products.bom_templates WHERE id = $1)",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        stored,
        (1, "1.0".into()),
        "no BOM version written, the template untouched"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_duplicate_is_an_inactive_copy_with_every_line_under_its_parent(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let id = template_id(&pool).await;
    let reply = duplicate(&app, &cookie, id).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let copy: uuid::Uuid = serde_json::from_str(&reply.body).unwrap();
    let original = editor(&app, &cookie, id).await;
    let copied = editor(&app, &cookie, copy).await;
    assert_eq!(
        copied["lines"], original["lines"],
        "same lines, same parents"
    );
    assert_eq!(copied["header"]["active"], false);
    assert_eq!(
        copied["header"]["name"],
        "Standard Endoscope Reprocessing Sink (copy)"
    );

    let again = duplicate(&app, &cookie, id).await;
    assert_refused(again.status, &again.body);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_template_starts_empty_inactive_and_named_once_per_family(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let create = |body: &'static str| {
        let (app, cookie) = (&app, cookie.clone());
        async move {
            app.call("/api/bom-templates/create", body, Some(&cookie))
                .await
        }
    };
    let reply = create("family=LAB&name=Lab+on+casters").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let id: uuid::Uuid = serde_json::from_str(&reply.body).unwrap();
    let new = editor(&app, &cookie, id).await;
    assert_eq!(new["lines"], json!([]));
    assert_eq!(
        (new["header"]["active"].clone(), new["version"].clone()),
        (json!(false), json!("1.0"))
    );

    let again = create("family=LAB&name=Lab+on+casters").await;
    assert_refused(again.status, &again.body);
    assert_field(&again.body, "name");
    let nameless = create("family=LAB&name=+").await;
    assert_field(&nameless.body, "name");
    let unknown = create("family=NONE&name=X").await;
    assert_field(&unknown.body, "family");
}
