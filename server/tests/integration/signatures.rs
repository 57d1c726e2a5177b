//! Electronic signatures as an approver meets them: approving asks for the
//! password again and refuses a wrong one at the password field, writing
//! nothing; wrong passwords while signing count toward the same lockout as
//! sign-in; whoever generated a BOM version cannot approve it unless the
//! small-shop setting allows it, which the signature records; the signature
//! names its meaning, signer, role, record version and content hash, and a
//! record changed after signing shows that it no longer matches. The same
//! holds for sink configurations (whoever validated one does not approve
//! it) and for the order moves that release product.

use sqlx::PgPool;
use torvan::OrderStatus;
use torvan::signature::Meaning;
use torvan_app::auth::reauthenticate::{LOCKED, WRONG_PASSWORD};
use torvan_app::boms::{ApproveBom, BomDetail, GetBom};
use torvan_app::error::AppError;
use torvan_app::orders::detail::{ChangeOrderStatus, GetOrder};
use torvan_app::orders::sinks::GetSink;
use torvan_app::signatures::{SetSignaturePolicy, Signing};
use uuid::Uuid;

use crate::boms_approval::{fresh_draft, submit};
use crate::orders_lifecycle::order;
use crate::orders_sinks::{approve_sink, coordinator};
use crate::support::demo::{self, orders, users};
use crate::support::{TestApp, arranging};

const WRONG: &str = "not-the-password-2026";
const BUILD: &str = orders::READY_TO_SHIP_BUILD;
const ORDER: &str = orders::READY_TO_SHIP;

/// A signing with the demo password.
pub(crate) fn signing(meaning: Meaning) -> Signing {
    Signing {
        meaning,
        password: demo::PASSWORD.to_owned(),
    }
}

/// A session of the administrator, who approves what the coordinator
/// generated or validated (separation of duties).
pub(crate) async fn second_signer(app: &TestApp) -> String {
    app.sign_in(users::ADMIN, demo::PASSWORD).await.unwrap()
}

fn approve(bom_id: Uuid, password: &str) -> ApproveBom {
    ApproveBom {
        bom_id,
        partial: true,
        signing: Signing {
            meaning: Meaning::Approved,
            password: password.to_owned(),
        },
    }
}

/// A pending version of the ready-to-ship build, generated and submitted by
/// the coordinator.
async fn pending(pool: &PgPool, app: &TestApp, coordinator: &str) -> Uuid {
    let bom = fresh_draft(pool, app, coordinator, BUILD).await;
    submit(app, coordinator, bom).await;
    bom
}

async fn shown(app: &TestApp, cookie: &str, version: Option<i32>) -> BomDetail {
    let get = GetBom {
        order_number: ORDER.to_owned(),
        build_number: BUILD.to_owned(),
        version,
        compare_with: None,
    };
    app.run(cookie, get).await.unwrap().shown.unwrap()
}

async fn status_and_signatures(pool: &PgPool, bom: Uuid) -> (String, i64) {
    sqlx::query_as(
        "SELECT b.status, (SELECT count(*) FROM audit.signatures s WHERE s.record_id = b.id)
         FROM orders.boms b WHERE b.id = $1",
    )
    .bind(bom)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn failed_attempts(pool: &PgPool, email: &str) -> i32 {
    sqlx::query_scalar("SELECT coalesce(failed_login_attempts, 0) FROM auth.users WHERE email = $1")
        .bind(email)
        .fetch_one(pool)
        .await
        .unwrap()
}

fn at_password(message: &str) -> Result<Vec<torvan_app::boms::Shortage>, AppError> {
    Err(AppError::invalid("password", message))
}

#[sqlx::test(migrations = "../migrations")]
async fn an_approval_without_the_password_or_with_a_wrong_one_is_refused_at_the_password_and_writes_nothing(
    pool: PgPool,
) {
    let (app, coordinator) = coordinator(&pool).await;
    let approver = second_signer(&app).await;
    let bom = pending(&pool, &app, &coordinator).await;

    for password in ["", WRONG] {
        assert_eq!(
            app.run(&approver, approve(bom, password)).await,
            at_password(WRONG_PASSWORD)
        );
    }
    assert_eq!(
        status_and_signatures(&pool, bom).await,
        ("PENDING_APPROVAL".to_owned(), 0)
    );
    assert_eq!(failed_attempts(&pool, users::ADMIN).await, 2);

    let mut approval = approve(bom, demo::PASSWORD);
    approval.signing.meaning = Meaning::Reviewed;
    assert_eq!(
        app.run(&approver, approval).await,
        Err(AppError::invalid(
            "meaning",
            "This action is signed as approved, not reviewed."
        ))
    );

    app.run(&approver, approve(bom, demo::PASSWORD))
        .await
        .unwrap();
    assert_eq!(
        status_and_signatures(&pool, bom).await,
        ("APPROVED".to_owned(), 1)
    );
    assert_eq!(
        failed_attempts(&pool, users::ADMIN).await,
        0,
        "the right password clears the count"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn wrong_passwords_while_signing_count_toward_the_sign_in_lockout(pool: PgPool) {
    let (app, coordinator) = coordinator(&pool).await;
    let approver = second_signer(&app).await;
    let bom = pending(&pool, &app, &coordinator).await;

    for _ in 0..4 {
        assert_eq!(
            app.run(&approver, approve(bom, WRONG)).await,
            at_password(WRONG_PASSWORD)
        );
    }
    // The fifth failure is a sign-in's: the lock counts both.
    assert!(app.sign_in(users::ADMIN, WRONG).await.is_err());
    assert_eq!(
        app.run(&approver, approve(bom, demo::PASSWORD)).await,
        at_password(LOCKED)
    );
    assert!(app.sign_in(users::ADMIN, demo::PASSWORD).await.is_err());
    assert_eq!(
        status_and_signatures(&pool, bom).await,
        ("PENDING_APPROVAL".to_owned(), 0)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn whoever_generated_a_version_cannot_approve_it_and_the_page_says_why(pool: PgPool) {
    let (app, coordinator) = coordinator(&pool).await;
    let bom = pending(&pool, &app, &coordinator).await;
    let why =
        "You generated this BOM version: another person must approve it (separation of duties).";

    assert_eq!(
        app.run(&coordinator, approve(bom, demo::PASSWORD)).await,
        Err(AppError::invalid("status", why))
    );
    assert_eq!(
        status_and_signatures(&pool, bom).await,
        ("PENDING_APPROVAL".to_owned(), 0)
    );
    assert_eq!(
        shown(&app, &coordinator, None)
            .await
            .approval_refused
            .as_deref(),
        Some(why)
    );
    let approver = second_signer(&app).await;
    assert_eq!(shown(&app, &approver, None).await.approval_refused, None);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_small_shop_setting_lets_the_generator_approve_and_the_signature_says_so(pool: PgPool) {
    let (app, coordinator) = coordinator(&pool).await;
    let admin = second_signer(&app).await;
    let allow = SetSignaturePolicy {
        author_may_approve: true,
    };
    assert_eq!(
        app.run(&coordinator, allow.clone()).await,
        Err(AppError::Forbidden),
        "only an administrator changes it"
    );
    app.run(&admin, allow).await.unwrap();
    let bom = pending(&pool, &app, &coordinator).await;
    assert_eq!(shown(&app, &coordinator, None).await.approval_refused, None);

    app.run(&coordinator, approve(bom, demo::PASSWORD))
        .await
        .unwrap();
    let waived: bool =
        sqlx::query_scalar("SELECT duties_waived FROM audit.signatures WHERE record_id = $1")
            .bind(bom)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(waived);
    let signatures = shown(&app, &coordinator, None).await.signatures;
    assert!(
        signatures[0]
            .text
            .starts_with("Approved by Marcus Reyes (production coordinator), ")
    );
    assert!(
        signatures[0]
            .text
            .ends_with(" UTC (own record, allowed by the small-shop setting)")
    );
    let changes: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit.audit_log WHERE resource_type = 'signature_policy'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(changes, 1, "the setting's change is audited");
}

#[sqlx::test(migrations = "../migrations")]
async fn an_approval_signs_with_its_meaning_signer_role_version_and_content_hash(pool: PgPool) {
    let (app, coordinator) = coordinator(&pool).await;
    let approver = second_signer(&app).await;
    let bom = pending(&pool, &app, &coordinator).await;
    app.run(&approver, approve(bom, demo::PASSWORD))
        .await
        .unwrap();

    let (signer, name, role, meaning, kind, version, hash, waived): (
        Uuid,
        String,
        String,
        String,
        String,
        i32,
        Vec<u8>,
        bool,
    ) = sqlx::query_as(
        "SELECT signer_id, printed_name, signer_role::text, meaning, record_kind, record_version,
                content_hash, duties_waived
         FROM audit.signatures WHERE record_id = $1",
    )
    .bind(bom)
    .fetch_one(&pool)
    .await
    .unwrap();
    let bom_version: i32 = sqlx::query_scalar("SELECT version FROM orders.boms WHERE id = $1")
        .bind(bom)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        (
            signer,
            name.as_str(),
            role.as_str(),
            meaning.as_str(),
            kind.as_str()
        ),
        (
            users::ADMIN_ID,
            "Dana Whitfield",
            "ADMIN",
            "APPROVED",
            "BOM"
        )
    );
    assert_eq!(version, bom_version);
    assert_eq!(hash.len(), 32);
    assert!(!waived);

    let page = shown(&app, &approver, Some(bom_version)).await;
    assert_eq!(page.signatures.len(), 1);
    let signature = &page.signatures[0];
    assert!(
        signature
            .text
            .starts_with("Approved by Dana Whitfield (administrator), "),
        "{}",
        signature.text
    );
    assert!(signature.text.ends_with(" UTC"));
    assert_eq!(signature.no_longer_matches, None);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_version_changed_after_it_was_signed_shows_its_signature_no_longer_matches(pool: PgPool) {
    let (app, coordinator) = coordinator(&pool).await;
    let approver = second_signer(&app).await;
    let bom = pending(&pool, &app, &coordinator).await;
    app.run(&approver, approve(bom, demo::PASSWORD))
        .await
        .unwrap();
    // Only a direct write can change an approved version's lines.
    sqlx::query(
        "UPDATE orders.bom_items SET quantity_required = quantity_required + 1
         WHERE bom_id = $1 AND line_number = (SELECT min(line_number) FROM orders.bom_items
                                               WHERE bom_id = $1 AND NOT is_phantom)",
    )
    .bind(bom)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();

    let page = shown(&app, &approver, None).await;
    assert_eq!(
        page.signatures[0].no_longer_matches.as_deref(),
        Some("Signature no longer matches: the BOM changed after it was signed.")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_signature_cannot_be_changed_or_removed_even_by_the_tables_owner(pool: PgPool) {
    TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let signed: i64 = sqlx::query_scalar("SELECT count(*) FROM audit.signatures")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(signed > 0, "the demo's approvals are signed");
    for statement in [
        "UPDATE audit.signatures SET printed_name = 'Someone Else'",
        "DELETE FROM audit.signatures",
        "TRUNCATE audit.signatures",
    ] {
        let refused = sqlx::query(statement).execute(&pool).await.unwrap_err();
        assert!(
            refused.to_string().contains("append-only"),
            "{statement}: {refused}"
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn whoever_validated_a_configuration_cannot_approve_it_and_the_approval_is_signed(
    pool: PgPool,
) {
    let (app, coordinator) = coordinator(&pool).await;
    let (order, build) = (orders::PENDING, orders::PENDING_BUILD);
    let get = || GetSink {
        order_number: order.to_owned(),
        build_number: build.to_owned(),
    };
    let why =
        "You validated this configuration: another person must approve it (separation of duties).";
    assert_eq!(
        app.run(&coordinator, get())
            .await
            .unwrap()
            .approval_refused
            .as_deref(),
        Some(why)
    );
    assert_eq!(
        app.run(&coordinator, approve_sink(order, build)).await,
        Err(AppError::invalid("status", why))
    );

    let admin = second_signer(&app).await;
    let mut wrong = approve_sink(order, build);
    wrong.signing.password = WRONG.to_owned();
    assert_eq!(
        app.run(&admin, wrong).await,
        Err(AppError::invalid("password", WRONG_PASSWORD))
    );
    app.run(&admin, approve_sink(order, build)).await.unwrap();
    let wizard = app.run(&coordinator, get()).await.unwrap();
    assert_eq!(wizard.signatures.len(), 1);
    assert!(
        wizard.signatures[0]
            .text
            .starts_with("Approved by Dana Whitfield (administrator), ")
    );
    assert_eq!(wizard.signatures[0].no_longer_matches, None);

    // Only a direct write changes an approved configuration.
    sqlx::query(
        "UPDATE orders.order_sink_configurations SET quantity = quantity + 1 WHERE build_number = $1",
    )
    .bind(build)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();
    let wizard = app.run(&coordinator, get()).await.unwrap();
    assert_eq!(
        wizard.signatures[0].no_longer_matches.as_deref(),
        Some("Signature no longer matches: the sink configuration changed after it was signed.")
    );
}

fn order_move(to: OrderStatus, version: i32, signing: Option<Signing>) -> ChangeOrderStatus {
    ChangeOrderStatus {
        order_number: orders::IN_FINAL_QC.to_owned(),
        to: torvan::DbEnum::as_db_str(to).to_owned(),
        reason: String::new(),
        version,
        signing,
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn passing_final_qc_and_shipping_are_signed_with_the_password(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    crate::qc_checklists::signed_passed(&pool, orders::IN_FINAL_QC, "FINAL_QC").await;
    let (_, version) = order(&pool, orders::IN_FINAL_QC).await;
    let passed = OrderStatus::QcComplete;

    assert_eq!(
        app.run(&qc, order_move(passed, version, None)).await,
        Err(AppError::invalid(
            "password",
            "This move is signed: enter your password to sign it."
        ))
    );
    let wrong = Signing {
        meaning: Meaning::Verified,
        password: WRONG.to_owned(),
    };
    assert_eq!(
        app.run(&qc, order_move(passed, version, Some(wrong))).await,
        Err(AppError::invalid("password", WRONG_PASSWORD))
    );
    assert_eq!(
        app.run(
            &qc,
            order_move(passed, version, Some(signing(Meaning::Approved)))
        )
        .await,
        Err(AppError::invalid(
            "meaning",
            "This action is signed as verified, not approved."
        ))
    );
    assert_eq!(
        order(&pool, orders::IN_FINAL_QC).await,
        ("FINAL_QC".to_owned(), version),
        "nothing moved"
    );

    app.run(
        &qc,
        order_move(passed, version, Some(signing(Meaning::Verified))),
    )
    .await
    .unwrap();
    let (meaning, kind, signed_version): (String, String, i32) = sqlx::query_as(
        "SELECT s.meaning, s.record_kind, s.record_version FROM audit.signatures s
         JOIN orders.orders o ON o.id = s.record_id WHERE o.order_number = $1",
    )
    .bind(orders::IN_FINAL_QC)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (meaning.as_str(), kind.as_str(), signed_version),
        ("VERIFIED", "ORDER", version + 1)
    );
    let page = GetOrder {
        order_number: orders::IN_FINAL_QC.to_owned(),
    };
    let shown = app.run(&qc, page).await.unwrap().signatures;
    assert_eq!(shown.len(), 1);
    assert!(
        shown[0]
            .text
            .starts_with("Verified by Helen Kowalski (QC inspector), "),
        "{}",
        shown[0].text
    );
    assert_eq!(shown[0].no_longer_matches, None);
}
