//! Documents on the demo data: a certificate uploaded to a part is stored
//! in S3, listed on the part and audited; the same title again is its next
//! version and the first stays downloadable; a file that is not a
//! document, an untitled one or one for a record that does not exist is
//! refused at its field with nothing stored; a document restricted to a
//! role is listed and served to that role only; every download, served or
//! refused, is in the access log, which only readers of the audit trail
//! see.

use sqlx::PgPool;
use torvan::document::{Attachment, DocumentKind};
use torvan_app::documents::{DocumentTarget, ListDocuments, RecordDocuments, Uploaded};
use torvan_app::error::AppError;

use crate::support::demo::{PASSWORD, users};
use crate::support::{Reply, TestApp, refusal};

/// The drain body: lot-controlled, so it comes with certificates.
const PART: &str = "221-0001";
const PDF: &[u8] = b"%PDF-1.7\n% certificate of conformance, lot L-4471\n%%EOF\n";

fn certificate(title: &str, file_name: &str) -> DocumentTarget {
    DocumentTarget {
        attached: Attachment::Part,
        to: PART.to_owned(),
        kind: DocumentKind::Certificate,
        title: title.to_owned(),
        file_name: file_name.to_owned(),
        restricted: String::new(),
    }
}

async fn upload(app: &TestApp, cookie: &str, target: &DocumentTarget, bytes: &[u8]) -> Reply {
    app.post_raw(
        &target.upload_path(),
        "application/octet-stream",
        bytes.to_vec(),
        Some(cookie),
    )
    .await
}

fn uploaded(reply: &Reply) -> Uploaded {
    assert_eq!(reply.status, 201, "{reply:?}");
    serde_json::from_str(&reply.body).unwrap()
}

async fn listed(app: &TestApp, cookie: &str) -> RecordDocuments {
    let call = ListDocuments {
        attached: Attachment::Part,
        to: PART.to_owned(),
    };
    app.run(cookie, call).await.unwrap()
}

async fn stored_rows(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM files.document_relationships")
        .fetch_one(pool)
        .await
        .unwrap()
}

fn field_of(reply: &Reply) -> String {
    match refusal(reply) {
        Some(AppError::Invalid { field, .. }) => field,
        other => panic!("not refused at a field: {other:?} {reply:?}"),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_certificate_is_stored_listed_and_audited_and_the_same_title_is_its_next_version(
    pool: PgPool,
) {
    let (app, procurement) = TestApp::demo_signed_in(&pool, users::PROCUREMENT).await;

    let first = uploaded(
        &upload(
            &app,
            &procurement,
            &certificate("CoC lot L-4471", "coc.pdf"),
            PDF,
        )
        .await,
    );
    let again = certificate("  coc LOT l-4471 ", "coc-signed.pdf");
    let second = uploaded(&upload(&app, &procurement, &again, b"%PDF-1.7\n% signed\n").await);

    assert_eq!((first.version, second.version), (1, 2));
    let documents = listed(&app, &procurement).await;
    let [document] = documents.documents.as_slice() else {
        panic!("one document: {documents:?}")
    };
    assert_eq!(
        document.title, "coc LOT l-4471",
        "as its latest version names it"
    );
    assert_eq!(document.latest.version, 2);
    assert_eq!(document.latest.file_name, "coc-signed.pdf");
    assert_eq!(document.earlier.len(), 1);
    assert!(
        !documents.shows_access,
        "procurement does not read the audit trail"
    );
    let kept = app
        .get(&torvan_app::routes::document(first.id), Some(&procurement))
        .await;
    assert_eq!(kept.status, 200);
    assert_eq!(kept.body.as_bytes(), PDF, "version 1 as it was uploaded");
    assert_eq!(kept.headers["content-type"], "application/pdf");
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit.data_changes
         WHERE schema_name = 'files' AND table_name IN ('documents', 'document_relationships')
           AND operation = 'I'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(audited, 4, "two versions, two links");
}

#[sqlx::test(migrations = "../migrations")]
async fn what_is_not_a_document_is_refused_at_its_field_and_nothing_is_stored(pool: PgPool) {
    let (app, procurement) = TestApp::demo_signed_in(&pool, users::PROCUREMENT).await;

    let program = upload(
        &app,
        &procurement,
        &certificate("Tool", "tool.exe"),
        b"MZ\x90\x00\x03",
    )
    .await;
    let renamed = upload(&app, &procurement, &certificate("Photo", "photo.png"), PDF).await;
    let untitled = upload(&app, &procurement, &certificate("   ", "coc.pdf"), PDF).await;
    let empty = upload(&app, &procurement, &certificate("Empty", "coc.pdf"), b"").await;
    let mut elsewhere = certificate("CoC", "coc.pdf");
    elsewhere.to = "999-9999".to_owned();
    let nowhere = upload(&app, &procurement, &elsewhere, PDF).await;

    assert_eq!(field_of(&program), "file");
    assert_eq!(field_of(&renamed), "file");
    assert_eq!(field_of(&untitled), "title");
    assert_eq!(field_of(&empty), "file");
    assert_eq!(refusal(&nowhere), Some(AppError::NotFound));
    assert_eq!(stored_rows(&pool).await, 0);
    let assembler = app.sign_in(users::ASSEMBLER, PASSWORD).await.unwrap();
    let refused = upload(&app, &assembler, &certificate("CoC", "coc.pdf"), PDF).await;
    assert_eq!(refusal(&refused), Some(AppError::Forbidden));
    assert_eq!(stored_rows(&pool).await, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_restricted_document_opens_for_its_roles_only_and_every_download_is_logged(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let mut target = certificate("Passivation record", "passivation.pdf");
    target.restricted = "QC_PERSON".to_owned();
    let stored = uploaded(&upload(&app, &qc, &target, PDF).await);
    let assembler = app.sign_in(users::ASSEMBLER, PASSWORD).await.unwrap();
    let path = torvan_app::routes::document(stored.id);

    assert!(listed(&app, &assembler).await.documents.is_empty());
    assert_eq!(app.get(&path, Some(&assembler)).await.status, 403);
    assert_eq!(app.get(&path, Some(&qc)).await.status, 200);

    let documents = listed(&app, &qc).await;
    assert!(documents.shows_access);
    let access = &documents.documents[0].access;
    assert_eq!(access.len(), 2, "{access:?}");
    assert_eq!(access[0].refused, None, "the newest: served to QC");
    assert_eq!(
        access[1].refused.as_deref(),
        Some("The document is restricted to other roles")
    );
    let appended: Result<_, _> = sqlx::query("UPDATE files.file_access_log SET success = TRUE")
        .execute(&pool)
        .await;
    assert!(appended.unwrap_err().to_string().contains("append-only"));
}
