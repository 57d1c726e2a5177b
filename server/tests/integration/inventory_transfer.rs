//! The parts CSV out and back in, and the reorder report, through HTTP.

use axum::http::StatusCode;
use sqlx::PgPool;
use torvan::csv;
use torvan_app::inventory::transfer::{CheckImport, IMPORT_PATH, ImportOutcome, read_file};

use crate::support::demo::{self, places, users};
use crate::support::{Reply, TestApp};

async fn procurement(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::PROCUREMENT).await
}

/// Posts a whole parts file to the import route, as the import page does:
/// a plain route, not a server function, so the request is built here.
async fn import(app: &TestApp, file: &str, cookie: Option<&str>) -> Reply {
    app.post_raw(IMPORT_PATH, "text/csv", file.to_owned(), cookie)
        .await
}

/// What an import that went through did; a refused one fails the test.
fn outcome(reply: &Reply) -> ImportOutcome {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
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

    let reply = import(&app, &export.body, Some(&cookie)).await;
    let parts: i64 = sqlx::query_scalar("SELECT count(*) FROM inventory.parts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        outcome(&reply),
        ImportOutcome::Imported {
            created: 0,
            updated: 0,
            unchanged: parts as usize
        }
    );
    assert_eq!(audit_rows().fetch_one(&pool).await.unwrap(), before);
    let again = app.get("/inventory/parts.csv", Some(&cookie)).await;
    assert_eq!(again.body, export.body);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_file_with_one_bad_row_writes_nothing(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let legs = places::FIXED_LEGS;
    let file = format!(
        "part_number,name,standard_cost,hierarchy_path\r\n\
         NEW-0001,Good row,1.00,{legs}\r\n\
         NEW-0002,Bad row,-4,{legs}\r\n\
         NEW-0003,Nowhere,2,FRAMES > ASM-120 > SUB-999\r\n"
    );
    let (header, rows) = read_file(&file).unwrap();
    let check = app
        .run(&cookie, CheckImport { header, rows })
        .await
        .unwrap();
    let flagged: Vec<_> = check
        .problems
        .iter()
        .map(|problem| (problem.line, problem.column.as_str()))
        .collect();
    assert!(flagged.contains(&(3, "standard_cost")), "{check:?}");
    assert!(flagged.contains(&(4, "hierarchy_path")), "{check:?}");

    let apply = outcome(&import(&app, &file, Some(&cookie)).await);
    assert!(matches!(apply, ImportOutcome::Refused(_)), "{apply:?}");
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
            "BULK-{n:05},Bulk bracket {n},{},{}.{:02}",
            places::FIXED_LEGS,
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

    let reply = import(&app, &file, Some(&cookie)).await;
    assert_eq!(
        outcome(&reply),
        ImportOutcome::Imported {
            created: 50_000,
            updated: 0,
            unchanged: 0
        }
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn only_a_role_that_may_change_inventory_may_post_a_parts_file_and_only_as_csv(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let file = format!(
        "part_number,name,hierarchy_path\r\nNEW-0009,Nine,{}\r\n",
        places::FIXED_LEGS
    );
    let anonymous = import(&app, &file, None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let qc = app.sign_in(users::QC, demo::PASSWORD).await.unwrap();
    let refused = import(&app, &file, Some(&qc)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // Raw on purpose: a file that says it is not CSV.
    let as_json = app
        .post_raw(IMPORT_PATH, "application/json", file, Some(&cookie))
        .await;
    assert_eq!(as_json.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let written: i64 =
        sqlx::query_scalar("SELECT count(*) FROM inventory.parts WHERE part_number = 'NEW-0009'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(written, 0);
}
