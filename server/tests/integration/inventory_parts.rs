//! Parts through HTTP as procurement keeps them: field messages, a new
//! part in its place with its audit record, and 700-series numbers.

use axum::http::StatusCode;
use sqlx::PgPool;

use crate::support::demo::users;
use crate::support::{self, TestApp};

async fn procurement(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::PROCUREMENT).await
}

#[sqlx::test(migrations = "../migrations")]
async fn a_duplicate_part_number_is_reported_at_its_field(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let reply = app
        .call(
            "/api/inventory/part/save",
            "draft[part_number]=121-0001&draft[name]=Copy",
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains(r#""field":"part_number""#),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains("121-0001 is already in use"),
        "{}",
        reply.body
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn negative_costs_and_quantities_are_refused_and_nothing_is_saved(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let form = "draft[part_number]=NEW-0001&draft[name]=New&draft[standard_cost]=-1&draft[reorder_point]=-2";
    let reply = app
        .call("/api/inventory/part/save", form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains(r#""field":"standard_cost""#),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains(r#""field":"reorder_point""#),
        "{}",
        reply.body
    );
    let saved: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM inventory.parts WHERE part_number = 'NEW-0001')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(!saved);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_part_lands_in_its_place_with_an_audit_record(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let place = support::encode("FRAMES > ASM-120 > SUB-121");
    let form = format!(
        "draft[part_number]=121-0099&draft[name]=Leg+tube+test&draft[hierarchy_path]={place}&draft[standard_cost]=12.50&draft[vendor_code]=NORTHSTEEL"
    );
    let reply = app
        .call("/api/inventory/part/save", &form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let (sub_assembly, cost, audited): (String, rust_decimal::Decimal, i64) = sqlx::query_as(
        "SELECT sa.part_number, p.standard_cost,
                (SELECT count(*) FROM audit.audit_log l WHERE l.resource_id = p.id::text AND l.action = 'CREATE')
         FROM inventory.parts p JOIN inventory.sub_assemblies sa ON sa.id = p.sub_assembly_id
         WHERE p.part_number = '121-0099'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (sub_assembly.as_str(), cost.to_string().as_str(), audited),
        ("SUB-121", "12.50", 1)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn custom_parts_take_consecutive_numbers_of_their_series(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let form = "category=PEGBOARD&draft[name]=Pegboard+36+x+24&draft[hierarchy_path]=CUSTOM+%3E+ASM-710+%3E+SUB-711";
    let first = app
        .call("/api/inventory/part/custom", form, Some(&cookie))
        .await;
    let second = app
        .call("/api/inventory/part/custom", form, Some(&cookie))
        .await;
    let number = |body: &str| body.trim_matches('"').to_owned();
    let (first, second) = (number(&first.body), number(&second.body));
    assert!(first.starts_with("710-"), "{first}");
    let sequence = |n: &str| n[4..].parse::<u32>().unwrap();
    assert_eq!(sequence(&second), sequence(&first) + 1);
    let custom: bool =
        sqlx::query_scalar("SELECT is_custom_part FROM inventory.parts WHERE part_number = $1")
            .bind(&first)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(custom);

    let unknown = app
        .call(
            "/api/inventory/part/custom",
            "category=SINK&draft[name]=x",
            Some(&cookie),
        )
        .await;
    assert!(
        unknown.body.contains(r#""field":"category""#),
        "{}",
        unknown.body
    );
}
