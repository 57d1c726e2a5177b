//! The parts CSV out and back in, and the reorder report, through HTTP.

use axum::http::StatusCode;
use sqlx::PgPool;
use torvan::csv;

use crate::support::TestApp;

async fn procurement(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, "procurement@torvan.test").await
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
        .call(
            "/api/inventory/import/apply",
            &import_body(&export.body),
            Some(&cookie),
        )
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
        .call(
            "/api/inventory/import/apply",
            &import_body(file),
            Some(&cookie),
        )
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
