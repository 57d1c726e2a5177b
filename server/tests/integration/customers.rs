//! Customers through HTTP as the order desk keeps them: numbers, field
//! messages, one default address of each kind and one primary contact.

use axum::http::StatusCode;
use sqlx::PgPool;

use crate::support::TestApp;
use crate::support::demo::users;

async fn coordinator(pool: &PgPool) -> (TestApp, String) {
    TestApp::demo_signed_in(pool, users::COORDINATOR).await
}

#[sqlx::test(migrations = "../migrations")]
async fn new_customers_get_the_next_number_even_when_created_at_once(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let create = |name: &'static str| {
        let (app, cookie) = (&app, cookie.clone());
        async move {
            let reply = app
                .call(
                    "/api/customers/save",
                    &format!("company[company_name]={name}"),
                    Some(&cookie),
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            reply.body.trim_matches('"').to_owned()
        }
    };
    let (a, b, c, d) = tokio::join!(
        create("A+Clinic"),
        create("B+Clinic"),
        create("C+Clinic"),
        create("D+Clinic")
    );
    let mut numbers = [a, b, c, d];
    numbers.sort();
    assert_eq!(numbers, ["C-10005", "C-10006", "C-10007", "C-10008"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn bad_fields_are_named_and_nothing_is_saved(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let reply = app
        .call(
            "/api/customers/save",
            "company[company_name]=&company[payment_terms]=999",
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains(r#""field":"company_name""#)
            && reply.body.contains(r#""field":"payment_terms""#)
    );

    let contact = app
        .call(
            "/api/customers/contact/add",
            "customer_number=C-10001&contact[first_name]=Ann&contact[last_name]=Lee&contact[email]=ann%40",
            Some(&cookie),
        )
        .await;
    assert!(
        contact.body.contains(r#""field":"email""#),
        "{}",
        contact.body
    );
    let address = app
        .call(
            "/api/customers/address/add",
            "customer_number=C-10001&address[address_type]=SHIPPING&address[street_address_1]=1+Dock+Rd",
            Some(&cookie),
        )
        .await;
    assert!(
        address.body.contains(r#""field":"city""#),
        "{}",
        address.body
    );
    let contacts: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM public.customer_contacts k JOIN public.customers c ON c.id = k.customer_id
         WHERE c.customer_number = 'C-10001' AND k.first_name = 'Ann'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(contacts, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_default_address_and_primary_contact_replace_the_old_ones(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let address = "customer_number=C-10001&address[address_type]=BOTH&address[street_address_1]=9+New+St\
        &address[city]=Peoria&address[state_province]=IL&address[postal_code]=61602\
        &address[default_billing]=yes&address[default_shipping]=yes";
    assert_eq!(
        app.call("/api/customers/address/add", address, Some(&cookie))
            .await
            .status,
        StatusCode::OK
    );
    let contact = "customer_number=C-10001&contact[first_name]=Ann&contact[last_name]=Lee\
        &contact[email]=ann.lee%40stmarys.example&contact[primary]=yes";
    assert_eq!(
        app.call("/api/customers/contact/add", contact, Some(&cookie))
            .await
            .status,
        StatusCode::OK
    );

    let (billing, shipping, primary): (String, String, String) = sqlx::query_as(
        "SELECT (SELECT a.city FROM public.customer_addresses a WHERE a.customer_id = c.id AND a.is_default_billing),
                (SELECT a.city FROM public.customer_addresses a WHERE a.customer_id = c.id AND a.is_default_shipping),
                (SELECT k.last_name FROM public.customer_contacts k WHERE k.customer_id = c.id AND k.is_primary)
         FROM public.customers c WHERE c.customer_number = 'C-10001'",
    )
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
    let off = app
        .call(
            "/api/customers/active",
            "customer_number=C-10002&active=false",
            Some(&cookie),
        )
        .await;
    assert_eq!(off.status, StatusCode::OK);
    let list = app
        .call(
            "/api/customers/list",
            "search=&include_inactive=false&page=0",
            Some(&cookie),
        )
        .await;
    assert!(!list.body.contains("C-10002"), "{}", list.body);
    let all = app
        .call(
            "/api/customers/list",
            "search=lakeside&include_inactive=true&page=0",
            Some(&cookie),
        )
        .await;
    assert!(
        all.body.contains(r#""customer_number":"C-10002""#) && all.body.contains(r#""total":1"#),
        "{}",
        all.body
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn another_address_becomes_the_default_only_for_what_it_may_do(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let both: uuid::Uuid = sqlx::query_scalar(
        "INSERT INTO public.customer_addresses (customer_id, address_type, street_address_1, city,
             state_province, postal_code, country)
         SELECT id, 'BOTH', '1 Hospital Plaza', 'Springfield', 'IL', '62701', 'United States'
         FROM public.customers WHERE customer_number = 'C-10001' RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let reply = app
        .call(
            "/api/customers/address/default",
            &format!("customer_number=C-10001&address_id={both}&billing=true"),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let defaults: Vec<uuid::Uuid> = sqlx::query_scalar(
        "SELECT a.id FROM public.customer_addresses a JOIN public.customers c ON c.id = a.customer_id
         WHERE c.customer_number = 'C-10001' AND a.is_default_billing",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(defaults, [both]);

    let dock: uuid::Uuid =
        sqlx::query_scalar("SELECT md5('torvan-demo:customer-address:C-10001:2')::uuid")
            .fetch_one(&pool)
            .await
            .unwrap();
    let reply = app
        .call(
            "/api/customers/address/default",
            &format!("customer_number=C-10001&address_id={dock}&billing=true"),
            Some(&cookie),
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert!(
        reply
            .body
            .contains("shipping address cannot be the default"),
        "{}",
        reply.body
    );
}

async fn demo_id(pool: &PgPool, key: &str) -> uuid::Uuid {
    sqlx::query_scalar("SELECT md5($1)::uuid")
        .bind(format!("torvan-demo:{key}"))
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn an_edited_address_keeps_its_id_and_may_take_a_default(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let dock = demo_id(&pool, "customer-address:C-10001:2").await;
    let edit = format!(
        "customer_number=C-10001&address_id={dock}&address[address_type]=BOTH\
         &address[label]=North+dock&address[street_address_1]=12+Dock+Rd&address[city]=Peoria\
         &address[state_province]=IL&address[postal_code]=61602&address[default_billing]=yes"
    );
    let reply = app
        .call("/api/customers/address/update", &edit, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let billing: Vec<(uuid::Uuid, String, String)> = sqlx::query_as(
        "SELECT a.id, a.label, a.city FROM public.customer_addresses a
         JOIN public.customers c ON c.id = a.customer_id
         WHERE c.customer_number = 'C-10001' AND a.is_default_billing",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(billing, [(dock, "North dock".into(), "Peoria".into())]);

    let elsewhere = edit.replace("C-10001", "C-10002");
    let reply = app
        .call("/api/customers/address/update", &elsewhere, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.body);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_contact_edit_with_a_bad_email_changes_nothing(pool: PgPool) {
    let (app, cookie) = coordinator(&pool).await;
    let (contact, email): (uuid::Uuid, String) = sqlx::query_as(
        "SELECT k.id, k.email FROM public.customer_contacts k
         JOIN public.customers c ON c.id = k.customer_id
         WHERE c.customer_number = 'C-10001' AND k.is_primary",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let edit = |email: &str| {
        format!(
            "customer_number=C-10001&contact_id={contact}&contact[first_name]=Dana\
             &contact[last_name]=Reyes&contact[email]={email}&contact[primary]=yes"
        )
    };
    let bad = app
        .call(
            "/api/customers/contact/update",
            &edit("dana%40"),
            Some(&cookie),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains(r#""field":"email""#), "{}", bad.body);
    let kept: String =
        sqlx::query_scalar("SELECT email FROM public.customer_contacts WHERE id = $1")
            .bind(contact)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(kept, email);

    let good = app
        .call(
            "/api/customers/contact/update",
            &edit("dana.reyes%40stmarys.example"),
            Some(&cookie),
        )
        .await;
    assert_eq!(good.status, StatusCode::OK, "{}", good.body);
    let saved: (String, bool) =
        sqlx::query_as("SELECT email, is_primary FROM public.customer_contacts WHERE id = $1")
            .bind(contact)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(saved, ("dana.reyes@stmarys.example".into(), true));
}
