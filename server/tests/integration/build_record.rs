//! The production record of a build on the demo data: a delivered build's
//! record holds its order, configuration as approved, BOM version, tasks,
//! QC checklists and status history, and every audit row about them still
//! matches its hash; a single sink's configuration number names its unit;
//! a reader who may not open QC pages sees the record without their links;
//! a lot issued to a build is on the build's record and the build on the
//! lot's page (the genealogy, both ways); documents filed on its QC items
//! are on it too.

use sqlx::PgPool;
use torvan_app::builds::{BuildRecord, GetBuildRecord};
use torvan_app::error::AppError;
use torvan_app::inventory::lots::GetLot;

use crate::support::TestApp;
use crate::support::demo::{orders, users};

/// The first unit of the first delivered order's two sinks.
const FIRST_DELIVERED_UNIT: &str = "TB-2026-0101-01-1";
/// A configuration of one sink: its number names its one unit.
const SINGLE_SINK: &str = "TB-2026-0105-01";

async fn record_of(app: &TestApp, cookie: &str, build: &str) -> Result<BuildRecord, AppError> {
    let call = GetBuildRecord {
        build_number: build.to_owned(),
    };
    app.run(cookie, call).await.map(|page| page.record)
}

#[sqlx::test(migrations = "../migrations")]
async fn a_delivered_build_s_record_holds_everything_about_it_and_its_audit_rows_match(
    pool: PgPool,
) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;

    let record = record_of(&app, &qc, FIRST_DELIVERED_UNIT).await.unwrap();

    assert_eq!(
        (record.build_number.as_str(), record.order_number.as_str()),
        (FIRST_DELIVERED_UNIT, orders::FIRST_DELIVERED)
    );
    assert!(
        !record.configuration.lines.is_empty(),
        "the configuration in words"
    );
    assert!(record.configuration.approved.is_some());
    let bom = record.bom.as_ref().expect("the BOM version built to");
    assert!(!bom.lines.is_empty() && !bom.signatures.is_empty());
    assert!(!record.materials.is_empty(), "the stock issued to it");
    assert!(!record.tasks.is_empty());
    let phases: Vec<&str> = record
        .checklists
        .iter()
        .map(|qc| qc.checklist.phase.label())
        .collect();
    assert_eq!(phases, ["Pre-QC", "Final QC"]);
    assert!(record.timeline.len() >= 7, "every status up to delivered");
    assert!(
        record.audit.rows > 0 && record.audit.all_intact(),
        "{:?}",
        record.audit
    );
    assert!(record.may_open_qc);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_document_filed_on_one_of_its_qc_items_is_on_the_record_under_the_item(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let record = record_of(&app, &qc, FIRST_DELIVERED_UNIT).await.unwrap();
    let asking = record.checklists[0]
        .checklist
        .items
        .iter()
        .find(|item| item.document_required)
        .expect("pre-QC asks for the passivation record");
    assert!(record.documents.is_empty());

    crate::qc_checklists::a_document_on(&pool, asking.id).await;

    let record = record_of(&app, &qc, FIRST_DELIVERED_UNIT).await.unwrap();
    let titles: Vec<&str> = record
        .documents
        .iter()
        .map(|document| document.title.as_str())
        .collect();
    let expected = format!("Pre-QC item {}: Passivation record", asking.number);
    assert_eq!(titles, [expected.as_str()]);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_changed_audit_row_shows_on_the_record(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    // Someone with the owner's rights edits the trail behind the app's back.
    sqlx::raw_sql(
        "ALTER TABLE audit.data_changes DISABLE TRIGGER USER;
         UPDATE audit.data_changes d SET new_row = d.new_row || '{\"notes\": \"edited\"}'
         FROM orders.orders o
         WHERE o.order_number = 'ORD-2026-0101' AND d.table_name = 'orders'
           AND d.record_id = o.id::text;
         ALTER TABLE audit.data_changes ENABLE TRIGGER USER;",
    )
    .execute(&pool)
    .await
    .unwrap();

    let audit = record_of(&app, &qc, FIRST_DELIVERED_UNIT)
        .await
        .unwrap()
        .audit;

    assert!(
        !audit.all_intact() && audit.intact < audit.rows,
        "{audit:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_reader_who_may_not_open_qc_reads_the_record_without_its_qc_links(pool: PgPool) {
    let (app, procurement) = TestApp::demo_signed_in(&pool, users::PROCUREMENT).await;

    let record = record_of(&app, &procurement, SINGLE_SINK).await.unwrap();

    assert!(!record.may_open_qc);
    assert_eq!(
        record.checklists.len(),
        2,
        "the QC results are part of the record"
    );
    let unknown = record_of(&app, &procurement, "TB-2099-0001-01-1").await;
    assert!(matches!(unknown, Err(AppError::NotFound)), "{unknown:?}");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_demo_lot_is_on_its_build_s_record_and_the_build_on_the_lot_s_page(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let (lot, build): (uuid::Uuid, String) = sqlx::query_as(
        "SELECT l.id, sb.build_number FROM inventory.stock_lots l
         JOIN inventory.stock_movements m ON m.lot_id = l.id AND m.movement_type = 'ISSUE'
         JOIN orders.boms b ON b.id::text = m.reference_id
         JOIN orders.sink_builds sb ON sb.configuration_id = b.configuration_id
         ORDER BY sb.build_number LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .expect("a demo lot issued to a build");

    let lot_page = app.run(&qc, GetLot { id: lot }).await.unwrap();
    assert!(lot_page.uses.iter().any(|used| used.build_number == build));
    let record = record_of(&app, &qc, &build).await.unwrap();
    assert!(
        record
            .materials
            .iter()
            .any(|line| line.lot.as_ref().is_some_and(|(id, _)| *id == lot)),
        "{:?}",
        record.materials
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_pdf_carries_the_build_number_and_page_count_on_every_page_and_the_hash_of_its_text(
    pool: PgPool,
) {
    let (app, assembler) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let path = format!("/builds/{FIRST_DELIVERED_UNIT}/record.pdf");

    let reply = app.get(&path, Some(&assembler)).await;

    assert_eq!(reply.status, 200);
    assert_eq!(reply.headers["content-type"], "application/pdf");
    assert!(reply.body.starts_with("%PDF-"), "not a PDF");
    let hash = reply.headers["x-content-sha256"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(hash.len(), 64);
    assert!(reply.body.contains(&format!("(Content SHA-256: {hash})")));
    let (_, after) = reply
        .body
        .split_once("page 1 of ")
        .expect("a first page's foot");
    let pages: usize = after.split(' ').next().unwrap().parse().unwrap();
    assert!(
        pages >= 2,
        "a delivered build's record runs to pages: {pages}"
    );
    for page in 1..=pages {
        let foot = format!("page {page} of {pages} ");
        assert!(reply.body.contains(&foot), "no foot {foot:?}");
    }
    assert_eq!(
        reply
            .body
            .matches(&format!("({FIRST_DELIVERED_UNIT} "))
            .count(),
        pages
    );
    let again = app.get(&path, Some(&assembler)).await;
    assert_eq!(
        again.headers["x-content-sha256"],
        hash.as_str(),
        "the same record, the same hash"
    );
    let nobody = app.get(&path, None).await;
    assert_eq!(nobody.status, 303, "sent to sign in");
    assert_eq!(nobody.headers["location"], "/login");
}
