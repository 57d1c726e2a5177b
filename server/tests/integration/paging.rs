//! Page numbers from an edited address: every paged list answers a page far
//! past its end with an empty page, never an overflow or a server error.

use sqlx::PgPool;
use torvan_app::customers::ListCustomers;
use torvan_app::inventory::{PartSearch, SearchParts};
use torvan_app::orders::{ListOrders, OrderFilter};

use crate::support::TestApp;
use crate::support::demo::users;

/// A page number whose offset overflows a 64-bit integer.
const FAR_PAST_THE_END: i64 = i64::MAX / 3;

#[sqlx::test(migrations = "../migrations")]
async fn the_order_list_answers_a_page_past_its_end_with_no_rows(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let filter = OrderFilter {
        page: FAR_PAST_THE_END,
        ..Default::default()
    };
    let list = app.run(&cookie, ListOrders { filter }).await.unwrap();
    assert!(list.rows.is_empty());
    assert!(list.total > 0, "the total still counts every order");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_customer_list_answers_a_page_past_its_end_with_no_rows(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let call = ListCustomers {
        search: String::new(),
        include_inactive: true,
        page: FAR_PAST_THE_END,
    };
    let list = app.run(&cookie, call).await.unwrap();
    assert!(list.rows.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn the_part_search_answers_a_page_past_its_end_with_no_hits(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::PROCUREMENT).await;
    let query = PartSearch {
        page: FAR_PAST_THE_END,
        page_size: i64::MAX,
        ..Default::default()
    };
    let page = app.run(&cookie, SearchParts { query }).await.unwrap();
    assert!(page.hits.is_empty());
    assert!(page.total > 0, "the total still counts every part");
}
