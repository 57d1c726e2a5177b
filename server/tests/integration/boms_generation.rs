//! BOM generation as the coordinator meets it: approving a configuration
//! writes its first version from the family template, every line with its
//! explanation; a template that cannot build the sink refuses the approval
//! and leaves nothing behind; the most specific matching template wins.

use axum::http::StatusCode;
use rust_decimal::Decimal;
use sqlx::PgPool;
use torvan_app::error::AppError;

use crate::boms_approval::regenerate;
use crate::orders_sinks::{Edit, ORDER, add, approve_sink, choices, coordinator, send};
use crate::signatures::second_signer;
use crate::support::demo::{self, orders, parts, templates, users};
use crate::support::{TestApp, arranging, rule_broken};

/// An ESR sink with two basins, validated and ready for approval.
async fn two_basin_sink(app: &TestApp, cookie: &str) -> String {
    let build = add(app, cookie, ORDER, "ESR").await.unwrap();
    let mut sink = choices(app, cookie, &build).await;
    let basin = sink.basins[0].clone();
    sink.basins.push(basin);
    send(app, cookie, Edit::Validate, &build, &sink)
        .await
        .unwrap();
    build
}

/// Approves the sink the coordinator validated, as the administrator
/// (separation of duties); `_cookie` is the coordinator's.
async fn approve(app: &TestApp, _cookie: &str, build: &str) -> Result<(), AppError> {
    let approver = second_signer(app).await;
    app.run(&approver, approve_sink(ORDER, build)).await
}

async fn line_quantity(pool: &PgPool, build: &str, line: i32) -> Option<Decimal> {
    sqlx::query_scalar(
        "SELECT i.quantity_required FROM orders.bom_items i
         JOIN orders.boms b ON b.id = i.bom_id
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE c.build_number = $1 AND i.line_number = $2",
    )
    .bind(build)
    .bind(line)
    .fetch_optional(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn approval_writes_a_first_version_that_follows_the_configuration(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let build = two_basin_sink(&app, &cookie).await;
    approve(&app, &cookie, &build).await.unwrap();

    let two = Some(Decimal::from(2));
    assert_eq!(line_quantity(&pool, &build, 210).await, two, "basins");
    assert_eq!(line_quantity(&pool, &build, 220).await, two, "drain bodies");
    assert_eq!(line_quantity(&pool, &build, 230).await, two, "drains");
    assert_eq!(
        line_quantity(&pool, &build, 250).await,
        Some(Decimal::ONE),
        "divider"
    );
    assert_eq!(
        line_quantity(&pool, &build, 420).await,
        None,
        "no custom pegboard"
    );

    let (version, status, parts, cost, leaves): (i32, String, i32, Decimal, Decimal) =
        sqlx::query_as(
            "SELECT b.version, b.status, b.total_parts_count, b.total_cost,
                (SELECT sum(i.extended_cost) FROM orders.bom_items i WHERE i.bom_id = b.id
                   AND NOT i.is_phantom
                   AND NOT EXISTS (SELECT 1 FROM orders.bom_items k WHERE k.parent_item_id = i.id))
         FROM orders.boms b JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE c.build_number = $1",
        )
        .bind(&build)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!((version, status.as_str()), (1, "DRAFT"));
    assert!(parts > 20, "{parts} parts");
    assert_eq!(cost, leaves, "the total is the sum of the counted lines");
    let (lines, audited): (i64, i64) = sqlx::query_as(
        "SELECT count(*),
                count(*) FILTER (WHERE EXISTS (
                    SELECT 1 FROM audit.audit_log a JOIN audit.data_changes d ON d.audit_log_id = a.id
                    WHERE a.resource_type = 'bom_items' AND a.resource_id = i.id::text
                      AND a.action = 'CREATE' AND d.operation = 'I'
                      AND a.user_email = $2))
         FROM orders.bom_items i JOIN orders.boms b ON b.id = i.bom_id
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE c.build_number = $1",
    )
    .bind(&build)
    .bind(users::ADMIN)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        audited, lines,
        "every generated line is audited with who wrote it: the approver"
    );

    let explanation: serde_json::Value = sqlx::query_scalar(
        "SELECT i.explanation FROM orders.bom_items i JOIN orders.boms b ON b.id = i.bom_id
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE c.build_number = $1 AND i.line_number = 230",
    )
    .bind(&build)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(explanation["formula"], "basin_count");
    assert_eq!(explanation["pattern"], "{drain.part}");
    let reads = explanation["values"].to_string();
    assert!(
        reads.contains("basin_count") && reads.contains("drain.part"),
        "{reads}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_template_that_cannot_build_the_sink_refuses_approval_and_leaves_nothing(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let build = two_basin_sink(&app, &cookie).await;
    sqlx::query(
        "UPDATE products.bom_template_items SET part_number_pattern = '{drain.part}-X'
         WHERE line_number = 230 AND template_id = $1",
    )
    .bind(demo::id(&pool, templates::ESR).await)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();

    let said = rule_broken(approve(&app, &cookie, &build).await).to_string();
    assert!(
        said.contains("line 230") && said.contains("is not in the catalogue"),
        "{said}"
    );
    let (state, boms): (String, i64) = sqlx::query_as(
        "SELECT c.configuration_status,
                (SELECT count(*) FROM orders.boms b WHERE b.configuration_id = c.id)
         FROM orders.order_sink_configurations c WHERE c.build_number = $1",
    )
    .bind(&build)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((state.as_str(), boms), ("VALIDATED", 0));
}

#[sqlx::test(migrations = "../migrations")]
async fn the_first_matching_template_by_priority_builds_the_bom(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    sqlx::query(
        "INSERT INTO products.bom_templates (id, sink_family_id, template_name, configuration_rules,
             priority, created_by)
         SELECT md5('three-basin ESR')::uuid, id, 'Three-basin ESR', 'basin_count >= 3', 10, $1
         FROM products.sink_families WHERE code = 'ESR'",
    )
    .bind(users::ADMIN_ID)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO products.bom_template_items (template_id, line_number, part_id, quantity_formula)
         SELECT md5('three-basin ESR')::uuid, 10, id, 'basin_count * 2'
         FROM inventory.parts WHERE part_number = $1",
    )
    .bind(parts::DRAIN_BODY)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();
    let build = two_basin_sink(&app, &cookie).await;
    approve(&app, &cookie, &build).await.unwrap();
    let again = regenerate(
        orders::RUSH_WITH_CUSTOM_PART,
        orders::RUSH_WITH_CUSTOM_PART_BUILD,
        "Template added",
    );
    app.run(&cookie, again).await.unwrap();

    let method = |build: String| {
        let pool = pool.clone();
        async move {
            sqlx::query_as::<_, (String, i64)>(
                "SELECT b.generation_method,
                        (SELECT count(*) FROM orders.bom_items i WHERE i.bom_id = b.id)
                 FROM orders.boms b JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
                 WHERE c.build_number = $1 ORDER BY b.version DESC LIMIT 1",
            )
            .bind(build)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let (two_basins, _) = method(build).await;
    assert!(two_basins.starts_with("Standard"), "{two_basins}");
    assert_eq!(
        method(orders::RUSH_WITH_CUSTOM_PART_BUILD.into()).await,
        ("Three-basin ESR v1.0".into(), 1)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_version_downloads_as_csv_in_tree_order_once_signed_in(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let path = format!(
        "/orders/{}/sinks/{}/bom.csv",
        orders::RUSH_WITH_CUSTOM_PART,
        orders::RUSH_WITH_CUSTOM_PART_BUILD
    );
    assert_eq!(
        app.get(&path, None).await.status,
        StatusCode::SEE_OTHER,
        "to sign in"
    );

    let reply = app.get(&format!("{path}?version=1"), Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let lines: Vec<&str> = reply.body.lines().collect();
    assert!(
        lines[0].starts_with("line,level,part_number,item,"),
        "{}",
        lines[0]
    );
    let drain = lines
        .iter()
        .position(|line| line.starts_with("230,2,321-0002,"))
        .expect("the drain line");
    let basins = lines
        .iter()
        .position(|line| line.starts_with("200,1,,"))
        .expect("its group");
    assert!(basins < drain, "a group comes before its lines");
    // The demo's version 1 was approved and issued in full: nothing short.
    assert!(
        lines[drain].ends_with(
            ",,\"basin_count with basin_count = 3, drain.part = 321-0002 → 3, part {drain.part}\""
        ),
        "{}",
        lines[drain]
    );

    let missing = app.get(&format!("{path}?version=9"), Some(&cookie)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}
