//! Parts through HTTP as procurement keeps them: field messages, a new
//! part in its place with its audit record, and 700-series numbers.

use sqlx::PgPool;
use torvan::part_spec::PartDraft;
use torvan_app::error::AppError;
use torvan_app::inventory::part::{CreateCustomPart, SavePart};

use crate::support::demo::{parts, places, users};
use crate::support::{TestApp, rule_broken};

async fn procurement(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::PROCUREMENT).await
}

/// A part named `name` with number `number`, everything else left blank.
fn part(number: &str, name: &str) -> PartDraft {
    PartDraft {
        part_number: number.to_owned(),
        name: name.to_owned(),
        ..PartDraft::default()
    }
}

/// Saves `draft` as a new part, as the new-part form does.
async fn save_new(app: &TestApp, cookie: &str, draft: PartDraft) -> Result<String, AppError> {
    let save = SavePart {
        original: None,
        draft,
    };
    app.run(cookie, save).await
}

/// A custom part of `category`, as the custom-part form sends it.
fn custom(category: &str, draft: PartDraft) -> CreateCustomPart {
    CreateCustomPart {
        category: category.to_owned(),
        draft,
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_duplicate_part_number_is_reported_at_its_field(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let copy = save_new(&app, &cookie, part(parts::LEG_TUBE, "Copy")).await;
    let refused = rule_broken(copy);
    let in_use = format!("{} is already in use", parts::LEG_TUBE);
    assert!(
        refused
            .for_field("part_number")
            .is_some_and(|message| message.contains(&in_use)),
        "{refused:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn negative_costs_and_quantities_are_refused_and_nothing_is_saved(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let negative = PartDraft {
        standard_cost: "-1".into(),
        reorder_point: "-2".into(),
        ..part("NEW-0001", "New")
    };
    let refused = rule_broken(save_new(&app, &cookie, negative).await);
    assert!(refused.for_field("standard_cost").is_some(), "{refused:?}");
    assert!(refused.for_field("reorder_point").is_some(), "{refused:?}");
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
    let leg = PartDraft {
        hierarchy_path: places::FIXED_LEGS.into(),
        standard_cost: "12.50".into(),
        vendor_code: "NORTHSTEEL".into(),
        ..part("121-0099", "Leg tube test")
    };
    save_new(&app, &cookie, leg).await.unwrap();
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
    let pegboard = PartDraft {
        hierarchy_path: places::CUSTOM_PEGBOARDS.into(),
        ..part("", "Pegboard 36 x 24")
    };
    let first = app
        .run(&cookie, custom("PEGBOARD", pegboard.clone()))
        .await
        .unwrap();
    let second = app
        .run(&cookie, custom("PEGBOARD", pegboard))
        .await
        .unwrap();
    assert!(first.starts_with("710-"), "{first}");
    let sequence = |n: &str| n[4..].parse::<u32>().unwrap();
    assert_eq!(sequence(&second), sequence(&first) + 1);
    let custom_part: bool =
        sqlx::query_scalar("SELECT is_custom_part FROM inventory.parts WHERE part_number = $1")
            .bind(&first)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(custom_part);

    let unknown = app
        .run(&cookie, custom("SINK", part("", "x")))
        .await
        .unwrap_err();
    assert!(unknown.for_field("category").is_some(), "{unknown:?}");
}
