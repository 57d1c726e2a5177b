//! Editing an order's header over HTTP: what it ships to and whom it names
//! must be its own customer's, a stale page is refused, and a shipped order
//! keeps its header; a new order starts with the customer's defaults.

use sqlx::PgPool;
use torvan::order_draft::{HeaderDraft, OrderDraft};
use torvan_app::error::AppError;
use torvan_app::orders::create::CreateOrder;
use torvan_app::orders::header::SaveOrderHeader;
use uuid::Uuid;

use crate::support::demo::{customers, orders, users};
use crate::support::{TestApp, arranging};

async fn coordinator(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::COORDINATOR).await
}

/// An address of `customer` that is not its default shipping address.
async fn other_address(pool: &PgPool, customer: &str) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO public.customer_addresses (customer_id, address_type, label, street_address_1,
             city, state_province, postal_code)
         SELECT id, 'SHIPPING', 'Loading dock B', '9 Dock Road', 'Springfield', 'IL', '62701'
         FROM public.customers WHERE customer_number = $1
         RETURNING id",
    )
    .bind(customer)
    .fetch_one(&mut arranging(pool).await)
    .await
    .unwrap()
}

async fn version(pool: &PgPool, order: &str) -> i32 {
    sqlx::query_scalar("SELECT version FROM orders.orders WHERE order_number = $1")
        .bind(order)
        .fetch_one(pool)
        .await
        .unwrap()
}

fn header(order: &str, version: i32, header: HeaderDraft) -> SaveOrderHeader {
    SaveOrderHeader {
        order_number: order.to_owned(),
        version,
        header,
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn an_edited_header_is_saved_once_and_a_stale_page_is_refused(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let dock = other_address(&pool, customers::NORTHWIND).await;
    let before = version(&pool, orders::PENDING).await;
    let form = header(
        orders::PENDING,
        before,
        HeaderDraft {
            priority: "RUSH".into(),
            promised_ship_date: "2026-12-18".into(),
            customer_po_number: "NCL-2026-0702-B".into(),
            ship_to_address_id: dock.to_string(),
            ..HeaderDraft::default()
        },
    );
    app.run(&cookie, form.clone()).await.unwrap();
    let saved: (String, String, Option<Uuid>, bool, i32) = sqlx::query_as(
        "SELECT priority::text, customer_po_number, ship_to_address_id, contact_id IS NOT NULL, version
         FROM orders.orders WHERE order_number = $1",
    )
    .bind(orders::PENDING)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        saved,
        (
            "RUSH".to_owned(),
            "NCL-2026-0702-B".to_owned(),
            Some(dock),
            true,
            before + 1
        )
    );

    let again = app.run(&cookie, form).await;
    assert_eq!(again, Err(AppError::Conflict));
}

#[sqlx::test(migrations = "../migrations")]
async fn another_customers_address_is_refused_at_its_field(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let elsewhere = other_address(&pool, customers::ST_MARYS).await;
    let current = version(&pool, orders::PENDING).await;
    let bad_contact = HeaderDraft {
        ship_to_address_id: elsewhere.to_string(),
        contact_id: "not-an-id".into(),
        ..HeaderDraft::default()
    };
    let refused = app
        .run(&cookie, header(orders::PENDING, current, bad_contact))
        .await
        .unwrap_err();
    assert!(refused.for_field("contact_id").is_some(), "{refused:?}");
    let elsewhere_only = HeaderDraft {
        ship_to_address_id: elsewhere.to_string(),
        ..HeaderDraft::default()
    };
    let refused = app
        .run(&cookie, header(orders::PENDING, current, elsewhere_only))
        .await
        .unwrap_err();
    assert!(
        refused.for_field("ship_to_address_id").is_some(),
        "{refused:?}"
    );
    assert_eq!(version(&pool, orders::PENDING).await, current);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_shipped_orders_header_is_kept_as_it_shipped(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let current = version(&pool, orders::SHIPPED).await;
    let rush = HeaderDraft {
        priority: "RUSH".into(),
        ..HeaderDraft::default()
    };
    let refused = app
        .run(&cookie, header(orders::SHIPPED, current, rush))
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("can no longer change"),
        "{refused:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_order_ships_to_the_customers_default_address_and_names_its_primary_contact(
    pool: PgPool,
) {
    let (app, cookie) = coordinator(&pool).await;
    let order = OrderDraft {
        customer_number: customers::LAKESIDE.into(),
        ..OrderDraft::default()
    };
    let number = app
        .run(&cookie, CreateOrder { order })
        .await
        .unwrap()
        .to_string();
    let (ship_to, contact): (bool, bool) = sqlx::query_as(
        "SELECT o.ship_to_address_id = a.id, o.contact_id = p.id
         FROM orders.orders o
         JOIN public.customer_addresses a ON a.customer_id = o.customer_id AND a.is_default_shipping
         JOIN public.customer_contacts p ON p.customer_id = o.customer_id AND p.is_primary
         WHERE o.order_number = $1",
    )
    .bind(&number)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((ship_to, contact), (true, true));
}
