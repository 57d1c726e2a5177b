//! Customers through HTTP as the order desk keeps them: numbers, field
//! messages, one default address of each kind and one primary contact.

use sqlx::PgPool;
use torvan::customer::{AddressDraft, CompanyDraft, ContactDraft};
use torvan_app::customers::{
    AddAddress, AddContact, ListCustomers, SaveCustomer, SetCustomerActive, SetDefaultAddress,
    UpdateAddress, UpdateContact,
};
use torvan_app::error::AppError;
use uuid::Uuid;

use crate::support::demo::{self, customers, users};
use crate::support::{TestApp, arranging};

/// A new customer named `name`, everything else left blank.
fn company(name: &str) -> SaveCustomer {
    SaveCustomer {
        customer_number: None,
        company: CompanyDraft {
            company_name: name.to_owned(),
            ..CompanyDraft::default()
        },
    }
}

fn contact(first: &str, last: &str, email: &str, primary: bool) -> ContactDraft {
    ContactDraft {
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: email.to_owned(),
        primary: torvan::text::checkbox(primary),
        ..ContactDraft::default()
    }
}

fn assert_refused_at(refused: &AppError, field: &str) {
    assert!(refused.for_field(field).is_some(), "{field}: {refused:?}");
}

async fn coordinator(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::COORDINATOR).await
}

#[sqlx::test(migrations = "../migrations")]
async fn new_customers_get_the_next_number_even_when_created_at_once(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let create = |name: &'static str| {
        let (app, cookie) = (&app, cookie.clone());
        async move { app.run(&cookie, company(name)).await.unwrap() }
    };
    let (a, b, c, d) = tokio::join!(
        create("A Clinic"),
        create("B Clinic"),
        create("C Clinic"),
        create("D Clinic")
    );
    let mut numbers = [a, b, c, d];
    numbers.sort();
    assert_eq!(numbers, ["C-10005", "C-10006", "C-10007", "C-10008"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn bad_fields_are_named_and_nothing_is_saved(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let mut nameless = company("");
    nameless.company.payment_terms = "999".into();
    let refused = app.run(&cookie, nameless).await.unwrap_err();
    assert_refused_at(&refused, "company_name");
    assert_refused_at(&refused, "payment_terms");

    let bad_email = AddContact {
        customer_number: customers::ST_MARYS.into(),
        contact: contact("Ann", "Lee", "ann@", false),
    };
    assert_refused_at(&app.run(&cookie, bad_email).await.unwrap_err(), "email");
    let no_city = AddAddress {
        customer_number: customers::ST_MARYS.into(),
        address: AddressDraft {
            address_type: "SHIPPING".into(),
            street_address_1: "1 Dock Rd".into(),
            ..AddressDraft::default()
        },
    };
    assert_refused_at(&app.run(&cookie, no_city).await.unwrap_err(), "city");
    let contacts: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM public.customer_contacts k JOIN public.customers c ON c.id = k.customer_id
         WHERE c.customer_number = $1 AND k.first_name = 'Ann'",
    )
    .bind(customers::ST_MARYS)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(contacts, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_default_address_and_primary_contact_replace_the_old_ones(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let address = AddressDraft {
        address_type: "BOTH".into(),
        street_address_1: "9 New St".into(),
        city: "Peoria".into(),
        state_province: "IL".into(),
        postal_code: "61602".into(),
        default_billing: torvan::text::checkbox(true),
        default_shipping: torvan::text::checkbox(true),
        ..AddressDraft::default()
    };
    let customer_number = customers::ST_MARYS.to_owned();
    app.run(
        &cookie,
        AddAddress {
            customer_number: customer_number.clone(),
            address,
        },
    )
    .await
    .unwrap();
    let contact = contact("Ann", "Lee", "ann.lee@stmarys.example", true);
    app.run(
        &cookie,
        AddContact {
            customer_number,
            contact,
        },
    )
    .await
    .unwrap();

    let (billing, shipping, primary): (String, String, String) = sqlx::query_as(
        "SELECT (SELECT a.city FROM public.customer_addresses a WHERE a.customer_id = c.id AND a.is_default_billing),
                (SELECT a.city FROM public.customer_addresses a WHERE a.customer_id = c.id AND a.is_default_shipping),
                (SELECT k.last_name FROM public.customer_contacts k WHERE k.customer_id = c.id AND k.is_primary)
         FROM public.customers c WHERE c.customer_number = $1",
    )
    .bind(customers::ST_MARYS)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (billing.as_str(), shipping.as_str(), primary.as_str()),
        ("Peoria", "Peoria", "Lee")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_deactivated_customer_leaves_the_default_list(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let off = SetCustomerActive {
        customer_number: customers::LAKESIDE.into(),
        active: false,
    };
    app.run(&cookie, off).await.unwrap();
    let list = |search: &str, include_inactive: bool| ListCustomers {
        search: search.to_owned(),
        include_inactive,
        page: 0,
    };
    let active = app.run(&cookie, list("", false)).await.unwrap();
    assert!(
        active
            .rows
            .iter()
            .all(|row| row.customer_number != customers::LAKESIDE),
        "{active:?}"
    );
    let all = app.run(&cookie, list("lakeside", true)).await.unwrap();
    assert_eq!(all.total, 1);
    assert_eq!(all.rows[0].customer_number, customers::LAKESIDE);
}

#[sqlx::test(migrations = "../migrations")]
async fn another_address_becomes_the_default_only_for_what_it_may_do(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let both: Uuid = sqlx::query_scalar(
        "INSERT INTO public.customer_addresses (customer_id, address_type, street_address_1, city,
             state_province, postal_code, country)
         SELECT id, 'BOTH', '1 Hospital Plaza', 'Springfield', 'IL', '62701', 'United States'
         FROM public.customers WHERE customer_number = $1 RETURNING id",
    )
    .bind(customers::ST_MARYS)
    .fetch_one(&mut arranging(&pool).await)
    .await
    .unwrap();
    let billing_default = |address_id: Uuid| SetDefaultAddress {
        customer_number: customers::ST_MARYS.into(),
        address_id,
        billing: true,
    };
    app.run(&cookie, billing_default(both)).await.unwrap();
    let defaults: Vec<Uuid> = sqlx::query_scalar(
        "SELECT a.id FROM public.customer_addresses a JOIN public.customers c ON c.id = a.customer_id
         WHERE c.customer_number = $1 AND a.is_default_billing",
    )
    .bind(customers::ST_MARYS)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(defaults, [both]);

    let dock = demo::id(&pool, customers::ST_MARYS_DOCK).await;
    let refused = app.run(&cookie, billing_default(dock)).await.unwrap_err();
    assert!(
        matches!(&refused, AppError::Invalid { message, .. } if message.contains("shipping address cannot be the default")),
        "{refused:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_edited_address_keeps_its_id_and_may_take_a_default(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let dock = demo::id(&pool, customers::ST_MARYS_DOCK).await;
    let edit = |customer_number: &str| UpdateAddress {
        customer_number: customer_number.to_owned(),
        address_id: dock,
        address: AddressDraft {
            address_type: "BOTH".into(),
            label: "North dock".into(),
            street_address_1: "12 Dock Rd".into(),
            city: "Peoria".into(),
            state_province: "IL".into(),
            postal_code: "61602".into(),
            default_billing: torvan::text::checkbox(true),
            ..AddressDraft::default()
        },
    };
    app.run(&cookie, edit(customers::ST_MARYS)).await.unwrap();
    let billing: Vec<(Uuid, String, String)> = sqlx::query_as(
        "SELECT a.id, a.label, a.city FROM public.customer_addresses a
         JOIN public.customers c ON c.id = a.customer_id
         WHERE c.customer_number = $1 AND a.is_default_billing",
    )
    .bind(customers::ST_MARYS)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(billing, [(dock, "North dock".into(), "Peoria".into())]);

    let elsewhere = app.run(&cookie, edit(customers::LAKESIDE)).await;
    assert_eq!(elsewhere, Err(AppError::NotFound));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_contact_edit_with_a_bad_email_changes_nothing(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let (contact_id, email): (Uuid, String) = sqlx::query_as(
        "SELECT k.id, k.email FROM public.customer_contacts k
         JOIN public.customers c ON c.id = k.customer_id
         WHERE c.customer_number = $1 AND k.is_primary",
    )
    .bind(customers::ST_MARYS)
    .fetch_one(&pool)
    .await
    .unwrap();
    let edit = |email: &str| UpdateContact {
        customer_number: customers::ST_MARYS.into(),
        contact_id,
        contact: contact("Dana", "Reyes", email, true),
    };
    let bad = app.run(&cookie, edit("dana@")).await.unwrap_err();
    assert_refused_at(&bad, "email");
    let kept: String =
        sqlx::query_scalar("SELECT email FROM public.customer_contacts WHERE id = $1")
            .bind(contact_id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(kept, email);

    app.run(&cookie, edit("dana.reyes@stmarys.example"))
        .await
        .unwrap();
    let saved: (String, bool) =
        sqlx::query_as("SELECT email, is_primary FROM public.customer_contacts WHERE id = $1")
            .bind(contact_id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(saved, ("dana.reyes@stmarys.example".into(), true));
}
