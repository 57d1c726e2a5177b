//! Frozen production records on the demo data: the freeze job stores each
//! shipped build's record once as revision 1, a PDF in S3 whose bytes are
//! checked against their hash when served; a correction is refused while
//! the record reads as its last revision, without a reason or a signature,
//! and to a role that may not approve documents; a correction makes a new
//! revision and the old one stays readable as it was; nobody changes or
//! removes a revision; a revision whose file no longer matches its hash is
//! not served.

use sqlx::PgPool;
use torvan::signature::Meaning;
use torvan_app::builds::{CorrectBuildRecord, GetBuildRecord, RecordPage};
use torvan_app::error::AppError;
use torvan_app::signatures::Signing;
use torvan_server::jobs::freeze::freeze_due;

use crate::signatures::signing;
use crate::support::demo::{PASSWORD, users};
use crate::support::{TestApp, arranging, rule_broken};

/// A unit of the first delivered order: shipped, so frozen by the job.
const SHIPPED_UNIT: &str = "TB-2026-0101-01-1";

async fn page_of(app: &TestApp, cookie: &str) -> RecordPage {
    let call = GetBuildRecord {
        build_number: SHIPPED_UNIT.to_owned(),
    };
    app.run(cookie, call).await.unwrap()
}

fn correction(reason: &str, signing: Signing) -> CorrectBuildRecord {
    CorrectBuildRecord {
        build_number: SHIPPED_UNIT.to_owned(),
        reason: reason.to_owned(),
        signing,
    }
}

fn revision_path(revision: i32) -> String {
    format!("/builds/{SHIPPED_UNIT}/revisions/{revision}/record.pdf")
}

/// A change to the record after shipment: a task's title corrected.
async fn change_the_record(pool: &PgPool) {
    let mut conn = arranging(pool).await;
    sqlx::query(
        "UPDATE workflow.tasks t SET title = t.title || ' (corrected)'
         FROM orders.sink_builds b
         WHERE b.id = t.build_id AND b.build_number = $1",
    )
    .bind(SHIPPED_UNIT)
    .execute(&mut conn)
    .await
    .unwrap();
}

fn field_of(error: AppError) -> String {
    match error {
        AppError::Invalid { field, .. } => field,
        other => panic!("not refused at a field: {other:?}"),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_shipped_build_s_record_is_frozen_once_as_a_stored_pdf(pool: PgPool) {
    let (app, assembler) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let before = page_of(&app, &assembler).await;
    assert!(before.revisions.revisions.is_empty(), "not frozen yet");

    let frozen = freeze_due(&pool, &app.storage).await.unwrap();

    assert!(frozen >= 2, "the delivered orders' units: {frozen}");
    let page = page_of(&app, &assembler).await;
    let [revision] = page.revisions.revisions.as_slice() else {
        panic!("one revision: {:?}", page.revisions.revisions)
    };
    assert_eq!(revision.revision, 1);
    assert_eq!(revision.by, None, "frozen by the system at shipment");
    assert_eq!(revision.content_hash, page.revisions.content_hash);
    assert_eq!(page.revisions.changed_since(), None);
    assert!(!page.revisions.may_correct, "an assembler may not correct");
    let reply = app.get(&revision_path(1), Some(&assembler)).await;
    assert_eq!(reply.status, 200);
    assert!(reply.body.starts_with("%PDF-"));
    assert!(reply.body.contains("revision 1, frozen at shipment"));
    assert!(
        reply
            .body
            .contains(&format!("(Content SHA-256: {})", revision.content_hash))
    );
    assert_eq!(
        freeze_due(&pool, &app.storage).await.unwrap(),
        0,
        "nothing frozen twice"
    );
    assert_eq!(
        app.get(&revision_path(2), Some(&assembler)).await.status,
        404
    );
    let nobody = app.get(&revision_path(1), None).await;
    assert_eq!(nobody.status, 303, "sent to sign in");
    assert_eq!(nobody.headers["location"], "/login");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_correction_needs_a_change_a_reason_and_a_signature_and_keeps_the_old_revision(
    pool: PgPool,
) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    freeze_due(&pool, &app.storage).await.unwrap();
    let first = app.get(&revision_path(1), Some(&qc)).await;
    let unchanged = app
        .run(&qc, correction("nothing", signing(Meaning::Approved)))
        .await;
    assert_eq!(field_of(rule_broken(unchanged)), "reason");

    change_the_record(&pool).await;
    let page = page_of(&app, &qc).await;
    assert_eq!(page.revisions.changed_since(), Some(1));
    assert!(page.revisions.may_correct);
    let blank = app
        .run(&qc, correction("  ", signing(Meaning::Approved)))
        .await;
    assert_eq!(field_of(rule_broken(blank)), "reason");
    let wrong = Signing {
        meaning: Meaning::Approved,
        password: "not-the-password-2026".to_owned(),
    };
    let unsigned = app
        .run(&qc, correction("Task title corrected", wrong))
        .await;
    assert_eq!(field_of(rule_broken(unsigned)), "password");
    let assembler = app.sign_in(users::ASSEMBLER, PASSWORD).await.unwrap();
    let refused = app
        .run(
            &assembler,
            correction("Task title corrected", signing(Meaning::Approved)),
        )
        .await;
    assert_eq!(refused, Err(AppError::Forbidden));
    assert_eq!(app.get(&revision_path(2), Some(&qc)).await.status, 404);

    let revision = app
        .run(
            &qc,
            correction("Task title corrected", signing(Meaning::Approved)),
        )
        .await
        .unwrap();

    assert_eq!(revision, 2);
    let page = page_of(&app, &qc).await;
    let [_, second] = page.revisions.revisions.as_slice() else {
        panic!("two revisions: {:?}", page.revisions.revisions)
    };
    assert_eq!(second.reason.as_deref(), Some("Task title corrected"));
    assert!(second.by.is_some());
    assert!(
        second.signatures[0].text.starts_with("Approved by"),
        "{:?}",
        second.signatures
    );
    assert_eq!(page.revisions.changed_since(), None);
    let corrected = app.get(&revision_path(2), Some(&qc)).await;
    assert!(corrected.body.contains("(corrected)"));
    assert!(corrected.body.contains("revision 2, corrected"));
    let kept = app.get(&revision_path(1), Some(&qc)).await;
    assert_eq!(kept.body, first.body, "revision 1 reads as it was frozen");
    assert!(!kept.body.contains("(corrected)"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_revision_is_never_changed_or_removed_and_a_tampered_file_is_not_served(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    freeze_due(&pool, &app.storage).await.unwrap();
    let mut conn = arranging(&pool).await;

    for statement in [
        "UPDATE orders.build_record_revisions SET reason = 'rewritten'",
        "DELETE FROM orders.build_record_revisions",
    ] {
        let refused = sqlx::query(statement).execute(&mut conn).await;
        assert!(
            refused.unwrap_err().to_string().contains("never changed"),
            "{statement}"
        );
    }

    let key: String = sqlx::query_scalar(
        "SELECT r.object_key FROM orders.build_record_revisions r
         JOIN orders.sink_builds b ON b.id = r.build_id WHERE b.build_number = $1",
    )
    .bind(SHIPPED_UNIT)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    app.storage
        .put(
            &key,
            b"%PDF-1.7 not the record".to_vec().into(),
            "application/pdf",
        )
        .await
        .unwrap();
    assert_eq!(app.get(&revision_path(1), Some(&qc)).await.status, 500);
}

#[sqlx::test(migrations = "../migrations")]
async fn with_the_file_store_down_nothing_is_frozen_and_the_next_run_tries_again(pool: PgPool) {
    let (app, _) = TestApp::demo_signed_in(&pool, users::QC).await;
    app.break_storage();

    assert_eq!(freeze_due(&pool, &app.storage).await.unwrap(), 0);

    let revisions: i64 = sqlx::query_scalar("SELECT count(*) FROM orders.build_record_revisions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(revisions, 0);
}
