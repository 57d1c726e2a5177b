//! The inventory's read side over the demo data: the reorder report and
//! part search.

use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn the_reorder_report_lists_every_part_due_with_a_valid_quantity(pool: PgPool) {
    torvan_server::seed::seed_demo(&pool).await.unwrap();
    let mut conn = pool.acquire().await.unwrap();
    let lines = torvan_app::inventory::reorder::report(&mut conn, None)
        .await
        .unwrap();

    let due: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM inventory.parts
         WHERE status = 'ACTIVE' AND quantity_available <= reorder_point",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(lines.len() as i64, due);
    assert!(due > 0, "the demo data has parts to reorder");
    for line in &lines {
        assert!(
            line.available + line.suggested > line.reorder_point,
            "{line:?}"
        );
    }
    let csv = torvan_app::inventory::reorder::to_csv(&lines);
    assert_eq!(csv.lines().count(), lines.len() + 1);
    assert!(csv.starts_with("part_number,name,"));

    assert!(
        torvan_app::inventory::reorder::report(&mut conn, Some("NO-SUCH-VENDOR"))
            .await
            .unwrap()
            .is_empty()
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn parts_are_found_by_number_prefix_words_and_filters(pool: PgPool) {
    use torvan::{MakeOrBuy, StockStatus};
    use torvan_app::inventory::{PartSearch, search::search};
    torvan_server::seed::seed_demo(&pool).await.unwrap();
    let mut conn = pool.acquire().await.unwrap();
    let query = |text: &str| PartSearch {
        text: text.into(),
        page_size: 50,
        ..Default::default()
    };

    let custom = search(&mut conn, &query("7")).await.unwrap();
    assert_eq!(custom.total, 4, "the active 700-series parts");
    assert!(
        custom
            .hits
            .iter()
            .all(|hit| hit.part_number.starts_with('7'))
    );

    let drains = search(&mut conn, &query("drains")).await.unwrap();
    let mentioning_drain: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM inventory.parts WHERE status = 'ACTIVE'
           AND (name ILIKE '%drain%' OR description ILIKE '%drain%')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(drains.total > 0, "stemming finds `drain` for `drains`");
    assert!(drains.total <= mentioning_drain);

    let out = PartSearch {
        stock_status: Some(StockStatus::OutOfStock),
        ..query("")
    };
    let out = search(&mut conn, &out).await.unwrap();
    let expected: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM inventory.parts_availability WHERE stock_status = 'OUT_OF_STOCK'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(out.total, expected);

    let made = PartSearch {
        make_or_buy: Some(MakeOrBuy::Make),
        ..query("")
    };
    assert!(
        search(&mut conn, &made)
            .await
            .unwrap()
            .hits
            .iter()
            .all(|h| h.make_or_buy == MakeOrBuy::Make)
    );

    let all = search(
        &mut conn,
        &PartSearch {
            page_size: 20,
            ..query("")
        },
    )
    .await
    .unwrap();
    let second = search(
        &mut conn,
        &PartSearch {
            page: 1,
            page_size: 20,
            ..query("")
        },
    )
    .await
    .unwrap();
    assert_eq!(all.hits.len(), 20);
    assert_eq!(all.total, second.total);
    assert!(all.hits.last().unwrap().part_number < second.hits[0].part_number);

    let nothing = search(&mut conn, &query("zzyzx-no-such-word"))
        .await
        .unwrap();
    assert_eq!((nothing.total, nothing.hits.len()), (0, 0));
}
