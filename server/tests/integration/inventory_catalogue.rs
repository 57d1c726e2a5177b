//! The catalogue tree through HTTP: counts below each group, and a
//! category code in use reported at its field.

use axum::http::StatusCode;
use sqlx::PgPool;

use crate::support::TestApp;
use crate::support::demo::users;

async fn procurement(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::PROCUREMENT).await
}

#[sqlx::test(migrations = "../migrations")]
async fn the_tree_counts_what_is_below_each_group(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let roots = app
        .call("/api/inventory/catalogue/children", "", Some(&cookie))
        .await;
    let roots: serde_json::Value = serde_json::from_str(&roots.body).unwrap();
    let frames = roots
        .as_array()
        .unwrap()
        .iter()
        .find(|node| node["key"] == "FRAMES")
        .unwrap();
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
    assert_eq!(
        (frames["children"].as_i64(), frames["parts"].as_i64()),
        (Some(assemblies), Some(parts))
    );

    let id = frames["id"].as_str().unwrap();
    let children = app
        .call(
            "/api/inventory/catalogue/children",
            &format!("level=Category&id={id}"),
            Some(&cookie),
        )
        .await;
    let children: serde_json::Value = serde_json::from_str(&children.body).unwrap();
    assert_eq!(children.as_array().unwrap().len() as i64, assemblies);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_category_code_in_use_is_reported_at_its_field(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let form =
        "level=1&group[key]=frames&group[name]=Again&group[description]=&group[status]=ACTIVE";
    let reply = app
        .call("/api/inventory/catalogue/save", form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("FRAMES is already in use"),
        "{}",
        reply.body
    );
    let orphan = app
        .call(
            "/api/inventory/catalogue/save",
            "level=2&group[key]=ASM-999&group[name]=Orphan&group[description]=&group[status]=ACTIVE",
            Some(&cookie),
        )
        .await;
    assert!(
        orphan.body.contains(r#""field":"parent""#),
        "{}",
        orphan.body
    );
    let too_deep = app
        .call(
            "/api/inventory/catalogue/save",
            "level=5&group[key]=X-1&group[name]=Deep&group[description]=&group[status]=ACTIVE",
            Some(&cookie),
        )
        .await;
    assert!(
        too_deep.body.contains("levels 1 to 4; 5 is out of range"),
        "{}",
        too_deep.body
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_group_description_longer_than_a_page_is_refused_at_its_field(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let form = format!(
        "level=1&group[key]=NEWCAT&group[name]=New&group[description]={}&group[status]=ACTIVE",
        "d".repeat(2_001)
    );
    let reply = app
        .call("/api/inventory/catalogue/save", &form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains(r#""field":"description""#)
            && reply
                .body
                .contains("At most 2,000 characters; this has 2,001."),
        "{}",
        reply.body
    );
}
