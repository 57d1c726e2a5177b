//! The catalogue tree through HTTP: counts below each group, and a
//! category code in use reported at its field.

use sqlx::PgPool;
use torvan_app::error::AppError;
use torvan_app::inventory::catalogue::{CatalogueChildren, CatalogueLevel, GroupEntry, SaveGroup};
use uuid::Uuid;

use crate::support::demo::users;
use crate::support::{TestApp, rule_broken};

async fn procurement(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::PROCUREMENT).await
}

/// A new active group at catalogue `level` (1 to 4, as the form sends it).
fn new_group(level: &str, key: &str, name: &str, description: &str) -> SaveGroup {
    SaveGroup {
        level: level.to_owned(),
        id: None,
        parent: None,
        group: GroupEntry {
            key: key.to_owned(),
            name: name.to_owned(),
            description: description.to_owned(),
            status: "ACTIVE".to_owned(),
        },
    }
}

async fn save(app: &TestApp, cookie: &str, group: SaveGroup) -> Result<Uuid, AppError> {
    app.run(cookie, group).await
}

#[sqlx::test(migrations = "../migrations")]
async fn the_tree_counts_what_is_below_each_group(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let top = CatalogueChildren {
        level: None,
        id: None,
    };
    let roots = app.run(&cookie, top).await.unwrap();
    let frames = roots.iter().find(|node| node.key == "FRAMES").unwrap();
    let (assemblies, parts): (i64, i64) = sqlx::query_as(
        "SELECT count(DISTINCT a.id), count(p.id)
         FROM inventory.categories c
         JOIN inventory.assemblies a ON a.category_id = c.id
         LEFT JOIN inventory.sub_assemblies sa ON sa.assembly_id = a.id
         LEFT JOIN inventory.parts p ON p.sub_assembly_id = sa.id
         WHERE c.code = 'FRAMES'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((frames.children, frames.parts), (assemblies, parts));

    let below = CatalogueChildren {
        level: Some(CatalogueLevel::Category),
        id: Some(frames.id),
    };
    let children = app.run(&cookie, below).await.unwrap();
    assert_eq!(children.len() as i64, assemblies);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_category_code_in_use_is_reported_at_its_field(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let again = save(&app, &cookie, new_group("1", "frames", "Again", "")).await;
    let in_use = rule_broken(again);
    assert!(
        in_use.to_string().contains("FRAMES is already in use"),
        "{in_use:?}"
    );
    let orphan = save(&app, &cookie, new_group("2", "ASM-999", "Orphan", "")).await;
    let orphan = rule_broken(orphan);
    assert!(orphan.for_field("parent").is_some(), "{orphan:?}");
    let too_deep = save(&app, &cookie, new_group("5", "X-1", "Deep", "")).await;
    let too_deep = rule_broken(too_deep);
    assert!(
        too_deep
            .to_string()
            .contains("levels 1 to 4; 5 is out of range"),
        "{too_deep:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_group_description_longer_than_a_page_is_refused_at_its_field(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let long = "d".repeat(2_001);
    let refused = rule_broken(save(&app, &cookie, new_group("1", "NEWCAT", "New", &long)).await);
    assert_eq!(
        refused.for_field("description").as_deref(),
        Some("At most 2,000 characters; this has 2,001."),
        "{refused:?}"
    );
}
