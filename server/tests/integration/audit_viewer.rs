//! The audit viewer against real audit rows: each filter narrows to the
//! entries it names, pages by key neither skip nor repeat an entry, the
//! CSV export holds the filtered entries and is itself recorded, roles
//! that may not read the trail are refused, and bad filters are refused
//! at their fields.
//!
//! The entries a test reads are written by `Entry` in January 2020, before
//! anything the demo seed writes, and every filter names that month, so a
//! test knows exactly which entries each filter must show.

use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;
use torvan::DbEnum;
use torvan::audit::{AuditAction, AuditedTable};
use torvan_app::audit::{AuditEntries, AuditFilter, ListAudit};
use torvan_app::error::AppError;
use uuid::Uuid;

use crate::support::demo::{customers, orders, parts, users};
use crate::support::{TestApp, rule_broken};

/// An audit row as a test needs it; `write` stores it.
struct Entry {
    table: AuditedTable,
    record: Uuid,
    user: Option<&'static str>,
    action: AuditAction,
    at: &'static str,
}

impl Entry {
    fn new(table: AuditedTable, record: Uuid, at: &'static str) -> Self {
        Self {
            table,
            record,
            user: None,
            action: AuditAction::Update,
            at,
        }
    }

    fn by(self, email: &'static str) -> Self {
        Self {
            user: Some(email),
            ..self
        }
    }

    fn doing(self, action: AuditAction) -> Self {
        Self { action, ..self }
    }

    /// Stores the entry, a status change DRAFT → APPROVED, and gives its id.
    async fn write(&self, pool: &PgPool) -> Uuid {
        let at: DateTime<Utc> = self.at.parse().unwrap();
        sqlx::query_scalar(
            "INSERT INTO audit.audit_log (action, resource_type, resource_id, user_id, user_email,
                 user_role, old_values, new_values, changed_fields, description, created_at,
                 system_actor)
             SELECT $1::audit_action, $2, $3, u.id, u.email, u.role,
                    '{\"status\": \"DRAFT\"}', '{\"status\": \"APPROVED\"}', ARRAY['status'],
                    'written by the test', $5,
                    -- An entry with no user names who wrote it, as every row must.
                    CASE WHEN u.id IS NULL THEN 'seed-demo' END
             FROM (SELECT 1) one LEFT JOIN auth.users u ON u.email = $4
             RETURNING id",
        )
        .bind(self.action.as_db_str())
        .bind(self.table.as_db_str())
        .bind(self.record.to_string())
        .bind(self.user)
        .bind(at)
        .fetch_one(pool)
        .await
        .unwrap()
    }
}

async fn id_of(pool: &PgPool, sql: &str, key: &str) -> Uuid {
    sqlx::query_scalar(sql)
        .bind(key)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// January 2020, where the tests' entries are.
fn january() -> AuditFilter {
    AuditFilter {
        from: Some(day("2020-01-01")),
        to: Some(day("2020-01-31")),
        ..AuditFilter::default()
    }
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn ids(page: &AuditEntries) -> Vec<Uuid> {
    page.entries.iter().map(|entry| entry.id).collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn each_filter_narrows_the_trail_to_the_entries_it_names(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let order = "SELECT id FROM orders.orders WHERE order_number = $1";
    let delivered = id_of(&pool, order, orders::DELIVERED).await;
    let pending = id_of(&pool, order, orders::PENDING).await;
    let part = id_of(
        &pool,
        "SELECT id FROM inventory.parts WHERE part_number = $1",
        parts::DECK_PANEL,
    )
    .await;
    let customer = id_of(
        &pool,
        "SELECT id FROM public.customers WHERE customer_number = $1",
        customers::ST_MARYS,
    )
    .await;
    let a = Entry::new(AuditedTable::Orders, delivered, "2020-01-02T10:00:00Z")
        .by(users::ADMIN)
        .write(&pool)
        .await;
    let b = Entry::new(AuditedTable::Orders, pending, "2020-01-03T10:00:00Z")
        .by(users::ASSEMBLER)
        .write(&pool)
        .await;
    let c = Entry::new(AuditedTable::Parts, part, "2020-01-04T10:00:00Z")
        .by(users::ADMIN)
        .doing(AuditAction::Create)
        .write(&pool)
        .await;
    let d = Entry::new(AuditedTable::Customers, customer, "2020-01-05T23:59:59Z")
        .by(users::SERVICE)
        .doing(AuditAction::Delete)
        .write(&pool)
        .await;

    let cases: Vec<(&str, AuditFilter, Vec<Uuid>)> = vec![
        ("the month", january(), vec![d, c, b, a]),
        (
            "a table",
            AuditFilter {
                table: Some(AuditedTable::Orders),
                ..january()
            },
            vec![b, a],
        ),
        (
            "an order by its number",
            AuditFilter {
                table: Some(AuditedTable::Orders),
                record: orders::DELIVERED.to_lowercase(),
                ..january()
            },
            vec![a],
        ),
        (
            "a part by its number",
            AuditFilter {
                table: Some(AuditedTable::Parts),
                record: parts::DECK_PANEL.to_owned(),
                ..january()
            },
            vec![c],
        ),
        (
            "a customer by its number",
            AuditFilter {
                table: Some(AuditedTable::Customers),
                record: customers::ST_MARYS.to_owned(),
                ..january()
            },
            vec![d],
        ),
        (
            "a record by its id alone",
            AuditFilter {
                record: part.to_string().to_uppercase(),
                ..january()
            },
            vec![c],
        ),
        (
            "a user",
            AuditFilter {
                user: users::ASSEMBLER.to_uppercase(),
                ..january()
            },
            vec![b],
        ),
        (
            "an action",
            AuditFilter {
                action: Some(AuditAction::Delete),
                ..january()
            },
            vec![d],
        ),
        (
            "days, both ends included, in UTC",
            AuditFilter {
                from: Some(day("2020-01-03")),
                to: Some(day("2020-01-05")),
                ..AuditFilter::default()
            },
            vec![d, c, b],
        ),
    ];
    for (case, filter, expected) in cases {
        let page = app.run(&cookie, ListAudit { filter }).await.unwrap();
        assert_eq!(ids(&page), expected, "{case}");
        assert_eq!(page.older, None, "{case}");
    }

    // Each entry comes with who, what and the change field by field.
    let page = app
        .run(
            &cookie,
            ListAudit {
                filter: AuditFilter {
                    record: delivered.to_string(),
                    ..january()
                },
            },
        )
        .await
        .unwrap();
    let entry = &page.entries[0];
    let actor = entry.actor.as_ref().unwrap();
    assert_eq!(actor.email, users::ADMIN);
    assert_eq!(actor.role, Some(torvan::Role::Admin));
    assert!(actor.name.is_some());
    assert_eq!(entry.table_label(), "Orders");
    assert_eq!(entry.changes.len(), 1);
    let change = &entry.changes[0];
    assert_eq!(
        (
            change.field.as_str(),
            change.old.as_deref(),
            change.new.as_deref()
        ),
        ("status", Some("DRAFT"), Some("APPROVED"))
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn pages_by_key_neither_skip_nor_repeat_entries_that_share_a_time(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;
    let record = Uuid::new_v4();
    let mut written = Vec::new();
    // One transaction's worth of entries at one instant, between others.
    for at in std::iter::once("2020-01-10T08:00:00Z")
        .chain(std::iter::repeat_n("2020-01-10T09:00:00Z", 110))
        .chain(std::iter::once("2020-01-10T10:00:00Z"))
    {
        written.push(
            Entry::new(AuditedTable::BomItems, record, at)
                .write(&pool)
                .await,
        );
    }
    let expected: Vec<Uuid> = sqlx::query_scalar(
        "SELECT id FROM audit.audit_log WHERE resource_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(record.to_string())
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(expected.len(), written.len());

    let mut seen = Vec::new();
    let mut filter = january();
    let mut pages = 0;
    loop {
        let page = app
            .run(
                &cookie,
                ListAudit {
                    filter: filter.clone(),
                },
            )
            .await
            .unwrap();
        pages += 1;
        assert!(page.entries.len() <= 50);
        seen.extend(ids(&page));
        match page.older {
            Some(after) => {
                // Entries written while someone pages are newer: they
                // change no later page.
                Entry::new(AuditedTable::BomItems, record, "2020-01-20T00:00:00Z")
                    .write(&pool)
                    .await;
                filter.after = Some(after);
            }
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, expected);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_export_holds_the_filtered_entries_and_is_recorded_in_the_trail(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let delivered = id_of(
        &pool,
        "SELECT id FROM orders.orders WHERE order_number = $1",
        orders::DELIVERED,
    )
    .await;
    let approved = Entry::new(AuditedTable::Orders, delivered, "2020-01-02T10:00:00Z")
        .by(users::COORDINATOR)
        .write(&pool)
        .await;
    Entry::new(AuditedTable::Parts, Uuid::new_v4(), "2020-01-02T11:00:00Z")
        .write(&pool)
        .await;

    let reply = app
        .get(
            &format!(
                "/admin/audit.csv?table=orders&record={}&from=2020-01-01&to=2020-01-31",
                orders::DELIVERED
            ),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(
        reply.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let records = torvan::csv::read(&reply.body).unwrap();
    assert_eq!(records.len(), 2, "the header and the one changed field");
    assert_eq!(records[0].fields[0], "when_utc");
    let line = &records[1].fields;
    assert_eq!(line[0], "2020-01-02 10:00:00");
    assert_eq!(line[2], users::COORDINATOR);
    assert_eq!(line[4], "UPDATE");
    assert_eq!(line[5], "orders");
    assert_eq!(line[6], delivered.to_string());
    assert_eq!(&line[8..11], ["status", "DRAFT", "APPROVED"]);
    assert_eq!(line[11], approved.to_string());

    let (user_email, params, description): (String, serde_json::Value, String) = sqlx::query_as(
        "SELECT user_email, request_params, description FROM audit.audit_log
         WHERE action = 'EXPORT' AND resource_type = 'audit_log'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(user_email, users::ADMIN);
    assert_eq!(
        params,
        serde_json::json!({
            "table": "orders",
            "record": orders::DELIVERED,
            "from": "2020-01-01",
            "to": "2020-01-31",
        })
    );
    assert!(
        description.starts_with("Exported 1 audit entries"),
        "{description}"
    );

    // The viewer shows the export among the trail's entries.
    let exports = app
        .run(
            &cookie,
            ListAudit {
                filter: AuditFilter {
                    action: Some(AuditAction::Export),
                    ..AuditFilter::default()
                },
            },
        )
        .await
        .unwrap();
    assert_eq!(exports.entries.len(), 1);
    assert_eq!(exports.entries[0].table_label(), "Audit trail");
}

#[sqlx::test(migrations = "../migrations")]
async fn roles_that_may_not_read_the_trail_are_refused_and_offered_no_way_in(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let assembler = app
        .sign_in(users::ASSEMBLER, crate::support::demo::PASSWORD)
        .await
        .unwrap();
    let order_page = format!("/orders/{}", orders::DELIVERED);

    let refused = app
        .run(
            &assembler,
            ListAudit {
                filter: AuditFilter::default(),
            },
        )
        .await;
    assert_eq!(refused.unwrap_err(), AppError::Forbidden);
    let csv = app.get("/admin/audit.csv", Some(&assembler)).await;
    assert_eq!(csv.status, StatusCode::FORBIDDEN);
    let anonymous = app.get("/admin/audit.csv", None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER, "sent to sign in");
    assert_eq!(
        app.get("/admin/audit", Some(&assembler)).await.status,
        StatusCode::FORBIDDEN
    );
    let page = app.get(&order_page, Some(&assembler)).await;
    assert!(
        !page.body.contains("href=\"/admin/audit"),
        "no nav entry, no History link"
    );

    let allowed = app
        .run(
            &qc,
            ListAudit {
                filter: AuditFilter::default(),
            },
        )
        .await;
    assert!(allowed.is_ok(), "{allowed:?}");
    assert_eq!(
        app.get("/admin/audit", Some(&qc)).await.status,
        StatusCode::OK
    );
    let page = app.get(&order_page, Some(&qc)).await;
    assert!(page.body.contains("href=\"/admin/audit\""), "the nav entry");
    assert!(
        page.body.contains(&format!(
            "href=\"/admin/audit?table=orders&amp;record={}\"",
            orders::DELIVERED
        )),
        "the order's History link"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn bad_filters_are_refused_at_their_fields(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let refused = |filter| {
        let app = &app;
        let cookie = &cookie;
        async move { rule_broken(app.run(cookie, ListAudit { filter }).await) }
    };

    let backwards = refused(AuditFilter {
        from: Some(day("2026-11-20")),
        to: Some(day("2026-11-01")),
        ..AuditFilter::default()
    })
    .await;
    assert!(
        backwards
            .for_field("to")
            .unwrap()
            .contains("before the start date")
    );

    let unknown = refused(AuditFilter {
        table: Some(AuditedTable::Orders),
        record: "ORD-2026-9999".to_owned(),
        user: "nobody@torvan.test".to_owned(),
        ..AuditFilter::default()
    })
    .await;
    assert_eq!(
        unknown.for_field("record").as_deref(),
        Some("No record of Orders has the order number ORD-2026-9999.")
    );
    assert_eq!(
        unknown.for_field("user").as_deref(),
        Some("No user has the email address nobody@torvan.test.")
    );

    let tableless = refused(AuditFilter {
        record: orders::DELIVERED.to_owned(),
        ..AuditFilter::default()
    })
    .await;
    assert!(
        tableless
            .for_field("record")
            .unwrap()
            .contains("Choose the table")
    );

    let csv = app
        .get(
            "/admin/audit.csv?table=orders&record=ORD-2026-9999",
            Some(&cookie),
        )
        .await;
    assert_eq!(csv.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(csv.body.contains("ORD-2026-9999"));
    let exports: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit.audit_log WHERE action = 'EXPORT'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(exports, 0, "a refused export is not recorded");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_audit_actions_are_the_databases(pool: PgPool) {
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT unnest(enum_range(NULL::audit_action))::text")
            .fetch_all(&pool)
            .await
            .unwrap();
    let known: Vec<&str> = AuditAction::ALL
        .iter()
        .map(|action| action.as_db_str())
        .collect();
    assert_eq!(stored, known);
}
