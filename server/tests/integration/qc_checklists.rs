//! QC checklists per build: made from the family's template when the order
//! enters the phase, captured item by item (a replayed capture records
//! nothing more), a failure opening a defect, the sign-off signed with the
//! password, the gates refusing an order until every unit's checklist is
//! signed passed, the rework loop, waivers and the hold of a critical
//! defect.

use sqlx::PgPool;
use torvan::OrderStatus;
use torvan::quality::ItemResult;
use torvan::signature::Meaning;
use torvan_app::error::AppError;
use torvan_app::quality::{ChecklistView, DefectFields};
use torvan_app::quality::{
    GetChecklist, MoveDefect, RecordResult, ReviewChecklist, SaveDefect, SignChecklist, WaiveDefect,
};
use uuid::Uuid;

use crate::orders_lifecycle::request_move;
use crate::signatures::signing;
use crate::support::demo::{self, users};
use crate::support::{TestApp, arranging, rule_broken};

/// ORD-2026-0109 in pre-QC: one SCRUB unit, one basin, no pegboard.
const SCRUB_ORDER: &str = "ORD-2026-0109";
const SCRUB_UNIT: &str = "TB-2026-0109-01-1";

async fn checklist(app: &TestApp, cookie: &str, unit: &str, phase: &str) -> ChecklistView {
    app.run(
        cookie,
        GetChecklist {
            build: unit.to_owned(),
            phase: phase.to_owned(),
        },
    )
    .await
    .unwrap()
}

/// A capture of a verdict (`PASS`, `FAIL`, `NOT_APPLICABLE`) or a value.
fn capture(item: Uuid, result: Option<&str>, value: Option<&str>) -> RecordResult {
    RecordResult {
        capture: Uuid::new_v4(),
        item,
        result: result.map(str::to_owned),
        value: value.map(str::to_owned),
        unit: None,
        comment: None,
    }
}

/// Every item of the unit's checklist recorded as passing: measurements at
/// their nominal value (or limit), and a photo or a document where one is
/// required.
async fn pass_every_item(app: &TestApp, cookie: &str, pool: &PgPool, unit: &str, phase: &str) {
    let list = checklist(app, cookie, unit, phase).await;
    for item in &list.items {
        if item.photo_required {
            a_photo_of(pool, list.id, item.id).await;
        }
        if item.document_required {
            a_document_on(pool, item.id).await;
        }
        let call = match item.spec {
            Some(spec) => {
                let (low, high) = spec.limits();
                let value = spec.nominal().or(low).or(high).unwrap().to_string();
                capture(item.id, None, Some(&value))
            }
            None => capture(item.id, Some("PASS"), None),
        };
        app.run(cookie, call).await.unwrap();
    }
}

/// A certificate filed on the item, as the document route writes it once
/// the object is stored.
pub(crate) async fn a_document_on(pool: &PgPool, item: Uuid) {
    let mut conn = arranging(pool).await;
    sqlx::query(
        "WITH document AS (
             INSERT INTO files.documents
                 (filename, original_filename, file_size_bytes, object_key, document_type, title,
                  status, uploaded_by, checksum_sha256)
             VALUES ('record.pdf', 'record.pdf', 1000, 'documents/' || $1 || '.pdf', 'CERTIFICATE',
                     'Passivation record', 'ACTIVE', $2, repeat('cd', 32))
             RETURNING id)
         INSERT INTO files.document_relationships (document_id, entity_type, entity_id, relationship_type)
         SELECT id, 'QC_ITEM', $1, 'ATTACHMENT' FROM document",
    )
    .bind(item)
    .bind(users::ADMIN_ID)
    .execute(&mut conn)
    .await
    .unwrap();
}

/// A photo row for the item, as the photo route writes it once the object
/// is stored (the object itself is the photo route's tests' concern).
async fn a_photo_of(pool: &PgPool, checklist: Uuid, item: Uuid) {
    let mut conn = arranging(pool).await;
    sqlx::query(
        "WITH document AS (
             INSERT INTO files.documents
                 (filename, original_filename, file_size_bytes, object_key, document_type,
                  status, uploaded_by, checksum_sha256)
             VALUES ('photo.jpg', 'photo.jpg', 1000, 'qc/' || $1 || '/' || $3 || '.jpg',
                     'QC_PHOTO', 'ACTIVE', $4, repeat('ab', 32))
             RETURNING id)
         INSERT INTO quality.qc_photos
             (id, checklist_id, checklist_item_id, document_id, filename, original_filename,
              object_key, thumbnail_key, checksum_sha256, width_pixels, height_pixels,
              file_size_bytes, mime_type, taken_by)
         SELECT $3, $1, $2, document.id, 'photo.jpg', 'photo.jpg',
                'qc/' || $1 || '/' || $3 || '.jpg', 'qc/' || $1 || '/' || $3 || '-thumb.jpg',
                repeat('ab', 32), 640, 480, 1000, 'image/jpeg', $4
         FROM document",
    )
    .bind(checklist)
    .bind(item)
    .bind(Uuid::new_v4())
    .bind(users::ADMIN_ID)
    .execute(&mut conn)
    .await
    .unwrap();
}

fn sign(list: &ChecklistView) -> SignChecklist {
    SignChecklist {
        checklist: list.id,
        version: list.row_version,
        signing: signing(Meaning::Performed),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_unit_in_pre_qc_has_the_checks_its_configuration_needs(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    let items: Vec<&str> = list
        .items
        .iter()
        .map(|item| item.description.as_str())
        .collect();
    // One basin, so one copy of each basin check; no pegboard, so no
    // pegboard check.
    assert_eq!(
        items,
        [
            "Weld penetration and bead",
            "Basin 1 length against the drawing",
            "Basin 1 width against the drawing",
            "Body squareness: difference between the diagonals",
            "Finish free of scratches and discoloration",
            "Passivation record present",
        ]
    );
    assert_eq!(list.inspector.as_deref(), Some("Helen Kowalski"));
    assert_eq!(list.round, 1);
    assert!(list.is_open());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_value_out_of_tolerance_fails_opens_a_defect_and_a_replay_records_nothing_more(
    pool: PgPool,
) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    let length = &list.items[1];
    let out = capture(length.id, None, Some("2.1"));
    assert_eq!(
        app.run(&qc, out.clone()).await.unwrap().result,
        ItemResult::Fail
    );
    // The same capture again (its answer lost): still one result, one defect.
    assert_eq!(app.run(&qc, out).await.unwrap().result, ItemResult::Fail);
    let (results, defects): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM quality.qc_results WHERE item_id = $1),
                (SELECT count(*) FROM quality.qc_defects WHERE checklist_item_id = $1)",
    )
    .bind(length.id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((results, defects), (1, 1));
    let passing_a_failure = capture(length.id, Some("PASS"), Some("2.1"));
    let refused = rule_broken(app.run(&qc, passing_a_failure).await);
    assert!(
        refused
            .for_field("value")
            .or(refused.for_field("result"))
            .is_some_and(|message| message.contains("record it as a failure")),
        "{refused:?}"
    );
    let garbage = capture(length.id, None, Some("twelve"));
    assert!(
        rule_broken(app.run(&qc, garbage).await)
            .for_field("value")
            .is_some()
    );
    let inches = RecordResult {
        unit: Some("in".to_owned()),
        ..capture(length.id, None, Some("0.0625"))
    };
    // 1/16 in is 1.5875 mm: just beyond ±1.5 mm.
    assert_eq!(app.run(&qc, inches).await.unwrap().result, ItemResult::Fail);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_order_leaves_pre_qc_only_when_every_unit_is_signed_passed(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let refused = rule_broken(
        request_move(
            &app,
            &qc,
            &pool,
            SCRUB_ORDER,
            OrderStatus::ProductionComplete,
        )
        .await,
    );
    assert!(
        refused
            .to_string()
            .contains(&format!("{SCRUB_UNIT} (not signed)")),
        "{refused}"
    );
    pass_every_item(&app, &qc, &pool, SCRUB_UNIT, "pre-qc").await;
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    let wrong = SignChecklist {
        signing: torvan_app::signatures::Signing {
            meaning: Meaning::Performed,
            password: "not-the-password".to_owned(),
        },
        ..sign(&list)
    };
    assert!(
        rule_broken(app.run(&qc, wrong).await)
            .for_field("password")
            .is_some()
    );
    assert_eq!(app.run(&qc, sign(&list)).await.unwrap(), "PASSED");
    let signed = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    assert!(!signed.is_open());
    assert_eq!(signed.signatures.len(), 1);
    assert!(
        signed.signatures[0]
            .text
            .starts_with("Performed by Helen Kowalski")
    );
    request_move(
        &app,
        &qc,
        &pool,
        SCRUB_ORDER,
        OrderStatus::ProductionComplete,
    )
    .await
    .unwrap();
    let late = capture(signed.items[0].id, Some("FAIL"), None);
    assert!(
        rule_broken(app.run(&qc, late).await)
            .for_field("result")
            .is_some()
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_signature_covers_what_was_seen_and_a_missing_item_is_named(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    let incomplete = rule_broken(app.run(&qc, sign(&list)).await);
    assert_eq!(
        incomplete.for_field("password").as_deref(),
        Some(
            "Record every required item first (still to do: item 1: its result, item 2: its result, item 3: its result, \
             item 4: its result, item 5: its result, item 6: its result)."
        )
    );
    pass_every_item(&app, &qc, &pool, SCRUB_UNIT, "pre-qc").await;
    // Signing from the version before the captures is refused.
    let stale = rule_broken(app.run(&qc, sign(&list)).await);
    assert!(
        stale
            .for_field("password")
            .is_some_and(|message| message.contains("since you opened it"))
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_item_that_asks_for_a_document_is_signed_off_only_once_one_is_attached(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    pass_every_item(&app, &qc, &pool, SCRUB_UNIT, "pre-qc").await;
    let mut conn = arranging(&pool).await;
    sqlx::query("DELETE FROM files.document_relationships WHERE entity_type = 'QC_ITEM'")
        .execute(&mut conn)
        .await
        .unwrap();
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    let asking = list
        .items
        .iter()
        .find(|item| item.document_required)
        .expect("pre-QC asks for the passivation record");
    let refused = rule_broken(app.run(&qc, sign(&list)).await);
    assert_eq!(
        refused.for_field("password").as_deref(),
        Some(
            format!(
                "Record every required item first (still to do: item {}: an attached document).",
                asking.number
            )
            .as_str()
        )
    );
    a_document_on(&pool, asking.id).await;
    assert_eq!(app.run(&qc, sign(&list)).await.unwrap(), "PASSED");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_failed_unit_goes_to_rework_and_only_its_failed_items_are_inspected_again(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    pass_every_item(&app, &qc, &pool, SCRUB_UNIT, "pre-qc").await;
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    let squareness = list.items[3].id;
    app.run(&qc, capture(squareness, None, Some("4")))
        .await
        .unwrap();
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    assert_eq!(app.run(&qc, sign(&list)).await.unwrap(), "FAILED");
    let (status, version): (String, i32) = crate::orders_lifecycle::order(&pool, SCRUB_ORDER).await;
    assert_eq!(status, "PRE_QC");
    let back = torvan_app::orders::detail::ChangeOrderStatus {
        order_number: SCRUB_ORDER.to_owned(),
        to: "IN_PRODUCTION".to_owned(),
        reason: "Body out of square".to_owned(),
        version,
        signing: None,
    };
    app.run(&qc, back).await.unwrap();
    let rework: Vec<(String, String)> = sqlx::query_as(
        "SELECT task_number, work_instructions FROM workflow.tasks WHERE step_code LIKE '9%'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rework.len(), 1);
    assert_eq!(rework[0].0, format!("{SCRUB_UNIT}-911"));
    assert!(
        rework[0].1.contains("-D1: Body squareness"),
        "{}",
        rework[0].1
    );

    // The rework is production work: pre-QC waits for it.
    let (coordinator_app, coordinator) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let waiting = rule_broken(
        request_move(
            &coordinator_app,
            &coordinator,
            &pool,
            SCRUB_ORDER,
            OrderStatus::PreQc,
        )
        .await,
    );
    assert!(waiting.to_string().contains(SCRUB_UNIT), "{waiting}");
    let mut conn = arranging(&pool).await;
    sqlx::query("UPDATE workflow.tasks SET status = 'COMPLETED', completed_at = now() WHERE step_code = '911'")
        .execute(&mut conn)
        .await
        .unwrap();
    request_move(
        &coordinator_app,
        &coordinator,
        &pool,
        SCRUB_ORDER,
        OrderStatus::PreQc,
    )
    .await
    .unwrap();
    let again = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    assert_eq!(again.round, 2);
    let open: Vec<i32> = again
        .items
        .iter()
        .filter(|item| item.round == 2)
        .map(|item| item.number)
        .collect();
    assert_eq!(open, [4]);
    let passed_before = capture(again.items[0].id, Some("FAIL"), None);
    assert!(
        rule_broken(app.run(&qc, passed_before).await)
            .for_field("result")
            .is_some_and(|message| message.contains("earlier round"))
    );
    app.run(&qc, capture(squareness, None, Some("2.5")))
        .await
        .unwrap();
    let again = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    assert_eq!(app.run(&qc, sign(&again)).await.unwrap(), "PASSED");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_waiver_is_signed_with_its_reason_and_lets_the_checklist_pass(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    pass_every_item(&app, &qc, &pool, SCRUB_UNIT, "pre-qc").await;
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    app.run(&qc, capture(list.items[0].id, Some("FAIL"), None))
        .await
        .unwrap();
    let defect: (Uuid, i32) =
        sqlx::query_as("SELECT id, version FROM quality.qc_defects WHERE checklist_item_id = $1")
            .bind(list.items[0].id)
            .fetch_one(&pool)
            .await
            .unwrap();
    let no_reason = WaiveDefect {
        defect: defect.0,
        version: defect.1,
        reason: " ".to_owned(),
        signing: signing(Meaning::Approved),
    };
    assert!(
        rule_broken(app.run(&qc, no_reason).await)
            .for_field("reason")
            .is_some()
    );
    let (assembler_app, assembler) = TestApp::demo_signed_in(&pool, users::ASSEMBLER).await;
    let not_theirs = WaiveDefect {
        defect: defect.0,
        version: defect.1,
        reason: "Cosmetic, under the deck".to_owned(),
        signing: signing(Meaning::Approved),
    };
    assert_eq!(
        assembler_app.run(&assembler, not_theirs.clone()).await,
        Err(AppError::Forbidden)
    );
    app.run(&qc, not_theirs).await.unwrap();
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    assert_eq!(app.run(&qc, sign(&list)).await.unwrap(), "WAIVED");
    request_move(
        &app,
        &qc,
        &pool,
        SCRUB_ORDER,
        OrderStatus::ProductionComplete,
    )
    .await
    .unwrap();
    let waiver: (String, Option<Uuid>) = sqlx::query_as(
        "SELECT resolution_status, waiver_signature_id FROM quality.qc_defects WHERE id = $1",
    )
    .bind(defect.0)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(waiver.0, "WAIVED");
    assert!(waiver.1.is_some());
}

#[sqlx::test(migrations = "../migrations")]
async fn a_critical_defect_holds_the_unit_until_it_is_closed(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    pass_every_item(&app, &qc, &pool, SCRUB_UNIT, "pre-qc").await;
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    app.run(&qc, capture(list.items[0].id, Some("FAIL"), None))
        .await
        .unwrap();
    let (id, version): (Uuid, i32) =
        sqlx::query_as("SELECT id, version FROM quality.qc_defects WHERE checklist_item_id = $1")
            .bind(list.items[0].id)
            .fetch_one(&pool)
            .await
            .unwrap();
    let critical = DefectFields {
        severity: "CRITICAL".to_owned(),
        description: "Crack along the rear seam".to_owned(),
        location: "Rear weld".to_owned(),
        ..DefectFields::default()
    };
    let save = SaveDefect {
        defect: id,
        version,
        fields: critical.clone(),
    };
    let version = app.run(&qc, save.clone()).await.unwrap();
    // Saving from the old version is refused, not applied over the change.
    assert!(
        rule_broken(app.run(&qc, save).await)
            .for_field("defect")
            .is_some()
    );
    // Re-welded and re-inspected: the item passes, the defect still holds
    // the unit until it is closed.
    let mut version = version;
    for to in ["IN_PROGRESS", "RESOLVED"] {
        let step = MoveDefect {
            defect: id,
            version,
            to: to.to_owned(),
        };
        version = app.run(&qc, step).await.unwrap();
    }
    app.run(&qc, capture(list.items[0].id, Some("PASS"), None))
        .await
        .unwrap();
    let list = checklist(&app, &qc, SCRUB_UNIT, "pre-qc").await;
    app.run(&qc, sign(&list)).await.unwrap();
    let held = rule_broken(
        request_move(
            &app,
            &qc,
            &pool,
            SCRUB_ORDER,
            OrderStatus::ProductionComplete,
        )
        .await,
    );
    assert!(held.to_string().contains(SCRUB_UNIT), "{held}");
    let close = MoveDefect {
        defect: id,
        version,
        to: "CLOSED".to_owned(),
    };
    app.run(&qc, close).await.unwrap();
    request_move(
        &app,
        &qc,
        &pool,
        SCRUB_ORDER,
        OrderStatus::ProductionComplete,
    )
    .await
    .unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn final_qc_is_reviewed_by_a_second_person_before_the_order_passes(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let units: Vec<String> = sqlx::query_scalar(
        "SELECT b.build_number FROM quality.qc_checklists c
         JOIN orders.sink_builds b ON b.id = c.build_id
         JOIN orders.orders o ON o.id = c.order_id
         WHERE o.order_number = $1 AND c.phase = 'FINAL_QC' ORDER BY 1",
    )
    .bind(demo::orders::IN_FINAL_QC)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(!units.is_empty());
    for unit in &units {
        pass_every_item(&app, &qc, &pool, unit, "final-qc").await;
        let list = checklist(&app, &qc, unit, "final-qc").await;
        assert!(list.review_required);
        app.run(&qc, sign(&list)).await.unwrap();
        let signed = checklist(&app, &qc, unit, "final-qc").await;
        let own = ReviewChecklist {
            checklist: signed.id,
            version: signed.row_version,
            signing: signing(Meaning::Reviewed),
        };
        assert!(
            rule_broken(app.run(&qc, own.clone()).await)
                .for_field("password")
                .is_some_and(|message| message.contains("second person"))
        );
        let admin = crate::signatures::second_signer(&app).await;
        app.run(&admin, own).await.unwrap();
    }
    let (_, version) = crate::orders_lifecycle::order(&pool, demo::orders::IN_FINAL_QC).await;
    let pass = torvan_app::orders::detail::ChangeOrderStatus {
        order_number: demo::orders::IN_FINAL_QC.to_owned(),
        to: "QC_COMPLETE".to_owned(),
        reason: String::new(),
        version,
        signing: Some(signing(Meaning::Verified)),
    };
    app.run(&qc, pass).await.unwrap();
}

/// Marks the order's `phase` checklists signed passed (and reviewed), as if
/// QC had done it: for tests of what comes after QC.
pub(crate) async fn signed_passed(pool: &PgPool, order_number: &str, phase: &str) {
    let mut conn = arranging(pool).await;
    sqlx::query(
        "UPDATE quality.qc_checklists c
         SET status = 'PASSED', completed_at = now(), row_version = row_version + 1,
             reviewed_by = CASE WHEN review_required THEN $3::uuid END,
             reviewed_at = CASE WHEN review_required THEN now() END
         FROM orders.orders o
         WHERE o.id = c.order_id AND o.order_number = $1 AND c.phase = $2::qc_phase",
    )
    .bind(order_number)
    .bind(phase)
    .bind(users::ADMIN_ID)
    .execute(&mut conn)
    .await
    .unwrap();
}
