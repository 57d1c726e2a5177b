//! QC template editing as an administrator meets it: a save writes the
//! family's next version for the phase, which the next build entering the
//! phase gets; every problem is named at its item and field with nothing
//! saved; a save of a version no longer in force is a conflict; a preview
//! plans the checklist a unit's configuration gets and saves nothing; and
//! only the roles that edit templates edit these.

use sqlx::PgPool;
use torvan::quality::{ChecklistItemDraft, QcItemType};
use torvan::{DbEnum, OrderStatus};
use torvan_app::error::AppError;
use torvan_app::qc_templates::{
    GetQcTemplate, PreviewQcTemplate, QcTemplateEditor, SaveQcTemplate,
};
use torvan_app::quality::GetChecklist;

use crate::orders_lifecycle::request_move;
use crate::qc_checklists::signed_passed;
use crate::support::demo::users;
use crate::support::{TestApp, rule_broken};

/// The demo's endoscope sinks: three basins, electric legs.
const ESR: &str = "ESR";
/// An ESR order in pre-QC with two units, and one of its units.
const ESR_IN_PRE_QC: &str = "ORD-2026-0108";
const ESR_IN_PRE_QC_UNIT: &str = "TB-2026-0108-01-1";
/// An ESR unit with an approved BOM, in final QC.
const ESR_UNIT: &str = "TB-2026-0106-01-1";
/// A laboratory sink unit with an approved BOM.
const LAB_UNIT: &str = "TB-2026-0111-02-1";

async fn final_qc(app: &TestApp, cookie: &str) -> QcTemplateEditor {
    app.run(
        cookie,
        GetQcTemplate {
            family: ESR.to_owned(),
            phase: "final-qc".to_owned(),
            copy_from: None,
        },
    )
    .await
    .unwrap()
}

async fn save(app: &TestApp, cookie: &str, editor: &QcTemplateEditor) -> Result<i32, AppError> {
    app.run(
        cookie,
        SaveQcTemplate {
            family: ESR.to_owned(),
            phase: "final-qc".to_owned(),
            version: editor.version,
            draft: editor.draft.clone(),
        },
    )
    .await
}

fn item_mut<'a>(editor: &'a mut QcTemplateEditor, description: &str) -> &'a mut ChecklistItemDraft {
    editor
        .draft
        .items
        .iter_mut()
        .find(|item| item.description.starts_with(description))
        .unwrap()
}

/// How many versions ESR's final-QC template has.
async fn versions(pool: &PgPool) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM quality.checklist_templates t
         JOIN products.sink_families f ON f.id = t.sink_family_id
         WHERE f.code = $1 AND t.phase = 'FINAL_QC'",
    )
    .bind(ESR)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_saved_template_is_the_next_version_which_the_next_unit_entering_the_phase_gets(
    pool: PgPool,
) {
    let (app, admin) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let mut editor = final_qc(&app, &admin).await;
    assert_eq!(editor.version, 1);
    let leak = item_mut(&mut editor, "Basin {n} water-fill");
    assert_eq!(
        (leak.tolerance_kind.as_str(), leak.tolerance_minus.as_str()),
        ("MINIMUM", "15"),
        "the stored numbers read as typed"
    );
    leak.tolerance_minus = "20".to_owned();
    editor.draft.items.push(ChecklistItemDraft {
        category: "Labels".to_owned(),
        description: "Cleaning instructions attached".to_owned(),
        item_type: QcItemType::Documentation.as_db_str().to_owned(),
        required: true,
        ..ChecklistItemDraft::default()
    });
    editor.draft.notes = "Leak tests held 20 minutes.".to_owned();

    assert_eq!(save(&app, &admin, &editor).await, Ok(2));

    let reloaded = final_qc(&app, &admin).await;
    assert_eq!(reloaded.version, 2);
    assert_eq!(reloaded.draft, editor.draft);
    signed_passed(&pool, ESR_IN_PRE_QC, "PRE_QC").await;
    for to in [OrderStatus::ProductionComplete, OrderStatus::FinalQc] {
        request_move(&app, &admin, &pool, ESR_IN_PRE_QC, to)
            .await
            .unwrap();
    }
    let checklist = app
        .run(
            &admin,
            GetChecklist {
                build: ESR_IN_PRE_QC_UNIT.to_owned(),
                phase: "final-qc".to_owned(),
            },
        )
        .await
        .unwrap();
    let first = &checklist.items[0];
    assert_eq!(first.description, "Basin 1 water-fill hold without drips");
    assert_eq!(
        first.spec.map(|spec| spec.describe()).as_deref(),
        Some("≥ 20 min")
    );
    assert_eq!(
        checklist.items.last().map(|item| item.description.as_str()),
        Some("Cleaning instructions attached")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn every_problem_is_reported_at_its_item_and_field_and_nothing_is_saved(pool: PgPool) {
    let (app, admin) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let mut editor = final_qc(&app, &admin).await;
    editor.draft.items[0].tolerance_minus = "fifteen".to_owned();
    editor.draft.items[3].condition = "legs.kind = ".to_owned();
    editor.draft.items[4].repeat = "basin_count".to_owned();

    let refused = rule_broken(save(&app, &admin, &editor).await);

    for field in ["0:tolerance_minus", "3:condition", "4:description"] {
        assert!(refused.for_field(field).is_some(), "{field} in {refused:?}");
    }
    assert_eq!(versions(&pool).await, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_save_of_a_version_no_longer_in_force_is_a_conflict(pool: PgPool) {
    let (app, admin) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let editor = final_qc(&app, &admin).await;
    save(&app, &admin, &editor).await.unwrap();

    assert_eq!(save(&app, &admin, &editor).await, Err(AppError::Conflict));
    assert_eq!(versions(&pool).await, 2);
}

fn preview(editor: &QcTemplateEditor, unit: &str) -> PreviewQcTemplate {
    PreviewQcTemplate {
        family: ESR.to_owned(),
        draft: editor.draft.clone(),
        build_number: unit.to_owned(),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_preview_plans_a_leak_test_for_each_of_the_units_three_basins_and_saves_nothing(
    pool: PgPool,
) {
    let (app, admin) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let editor = final_qc(&app, &admin).await;
    assert!(
        editor.builds.iter().any(|build| build.as_str() == ESR_UNIT),
        "{:?}",
        editor.builds
    );

    let planned = app.run(&admin, preview(&editor, ESR_UNIT)).await.unwrap();

    let leak_tests: Vec<(i32, &str)> = planned
        .iter()
        .filter(|item| item.category == "Leak test")
        .map(|item| (item.number, item.description.as_str()))
        .collect();
    assert_eq!(
        leak_tests,
        [
            (1, "Basin 1 water-fill hold without drips"),
            (2, "Basin 2 water-fill hold without drips"),
            (3, "Basin 3 water-fill hold without drips"),
        ]
    );
    // Electric legs: the lift's checks are on it.
    assert!(
        planned.iter().any(|item| item.category == "Lift"),
        "{planned:?}"
    );
    let numbers: Vec<i32> = planned.iter().map(|item| item.number).collect();
    assert_eq!(numbers, (1..=11).collect::<Vec<_>>());
    assert_eq!(versions(&pool).await, 1);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_preview_refuses_a_unit_of_another_family_and_a_draft_with_problems(pool: PgPool) {
    let (app, admin) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let mut editor = final_qc(&app, &admin).await;

    let other = rule_broken(app.run(&admin, preview(&editor, LAB_UNIT)).await);
    assert!(other.for_field("build").is_some(), "{other:?}");

    editor.draft.items[0].repeat = "basin_count +".to_owned();
    let broken = rule_broken(app.run(&admin, preview(&editor, ESR_UNIT)).await);
    assert_eq!(
        broken.for_field("build").as_deref(),
        Some("Correct the 1 marked field before a preview.")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_role_that_only_reads_templates_cannot_save_a_qc_template(pool: PgPool) {
    let (app, coordinator) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let editor = final_qc(&app, &coordinator).await;

    assert_eq!(
        save(&app, &coordinator, &editor).await,
        Err(AppError::Forbidden)
    );
    assert_eq!(versions(&pool).await, 1);
}
