//! The parts CSV out and back in, and the reorder report, through HTTP.

use axum::http::StatusCode;
use sqlx::PgPool;
use torvan::csv;

use torvan_app::inventory::transfer::IMPORT_PATH;

use crate::support::TestApp;
use crate::support::demo::users;

async fn procurement(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::PROCUREMENT).await
}

fn import_body(text: &str) -> String {
    let mut records = csv::read(text).unwrap().into_iter();
    let header = records.next().unwrap().fields;
    let rows: Vec<serde_json::Value> = records
        .map(|record| serde_json::json!({ "line": record.line, "fields": record.fields }))
        .collect();
    serde_json::json!({ "header": header, "rows": rows }).to_string()
}

#[sqlx::test(migrations = "../migrations")]
async fn an_exported_catalogue_imports_unchanged(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let export = app.get("/inventory/parts.csv", Some(&cookie)).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(
        export.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let audit_rows = || sqlx::query_scalar::<_, i64>("SELECT count(*) FROM audit.audit_log");
    let before = audit_rows().fetch_one(&pool).await.unwrap();

    let reply = app
        .upload(IMPORT_PATH, "text/csv", export.body.clone(), Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let parts: i64 = sqlx::query_scalar("SELECT count(*) FROM inventory.parts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        reply.body,
        format!(r#"{{"Imported":{{"created":0,"updated":0,"unchanged":{parts}}}}}"#)
    );
    assert_eq!(audit_rows().fetch_one(&pool).await.unwrap(), before);
    let again = app.get("/inventory/parts.csv", Some(&cookie)).await;
    assert_eq!(again.body, export.body);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_file_with_one_bad_row_writes_nothing(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let file = "part_number,name,standard_cost,hierarchy_path\r\n\
                NEW-0001,Good row,1.00,FRAMES > ASM-120 > SUB-121\r\n\
                NEW-0002,Bad row,-4,FRAMES > ASM-120 > SUB-121\r\n\
                NEW-0003,Nowhere,2,FRAMES > ASM-120 > SUB-999\r\n";
    let check = app
        .call(
            "/api/inventory/import/check",
            &import_body(file),
            Some(&cookie),
        )
        .await;
    assert!(
        check.body.contains(r#""line":3,"column":"standard_cost""#),
        "{}",
        check.body
    );
    assert!(
        check.body.contains(r#""line":4,"column":"hierarchy_path""#),
        "{}",
        check.body
    );

    let apply = app
        .upload(IMPORT_PATH, "text/csv", file.to_owned(), Some(&cookie))
        .await;
    assert!(apply.body.starts_with(r#"{"Refused""#), "{}", apply.body);
    let written: i64 =
        sqlx::query_scalar("SELECT count(*) FROM inventory.parts WHERE part_number LIKE 'NEW-%'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(written, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_reorder_csv_follows_the_vendor_filter(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let all = app.get("/inventory/reorder.csv", Some(&cookie)).await;
    let one = app
        .get("/inventory/reorder.csv?vendor=AQUAFLOW", Some(&cookie))
        .await;
    let lines = |body: &str| csv::read(body).unwrap().len() - 1;
    assert!(
        lines(&one.body) > 0 && lines(&one.body) < lines(&all.body),
        "{}",
        one.body
    );
    assert!(
        csv::read(&one.body).unwrap()[1..]
            .iter()
            .all(|record| record.fields[2] == "AQUAFLOW")
    );
    let anonymous = app.get("/inventory/reorder.csv", None).await;
    assert_ne!(anonymous.status, StatusCode::OK);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_file_of_fifty_thousand_rows_is_imported_whole_in_one_request(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let rows = (0..50_000).map(|n| {
        format!(
            "BULK-{n:05},Bulk bracket {n},FRAMES > ASM-120 > SUB-121,{}.{:02}",
            n % 500,
            n % 100
        )
    });
    let file = std::iter::once("part_number,name,hierarchy_path,standard_cost".to_owned())
        .chain(rows)
        .collect::<Vec<_>>()
        .join("\r\n");
    assert!(
        file.len() > 2 * 1024 * 1024,
        "larger than any server function takes"
    );

    let reply = app
        .upload(IMPORT_PATH, "text/csv", file, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        reply.body,
        r#"{"Imported":{"created":50000,"updated":0,"unchanged":0}}"#
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn only_a_role_that_may_change_inventory_may_post_a_parts_file_and_only_as_csv(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let file = "part_number,name,hierarchy_path\r\nNEW-0009,Nine,FRAMES > ASM-120 > SUB-121\r\n";
    let anonymous = app.upload(IMPORT_PATH, "text/csv", file.into(), None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let qc = app
        .sign_in(users::QC, crate::support::demo::PASSWORD)
        .await
        .unwrap();
    let refused = app
        .upload(IMPORT_PATH, "text/csv", file.into(), Some(&qc))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let as_json = app
        .upload(IMPORT_PATH, "application/json", file.into(), Some(&cookie))
        .await;
    assert_eq!(as_json.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let written: i64 =
        sqlx::query_scalar("SELECT count(*) FROM inventory.parts WHERE part_number = 'NEW-0009'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(written, 0);
}
