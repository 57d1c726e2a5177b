//! Every server function, called over HTTP with no session and as each of
//! the six roles, against the one permission table: nothing succeeds that
//! the table forbids, nothing is refused that it allows. The same list tells
//! the browser test that visits every page as every role which endpoints
//! each demo user may call (`end2end/role-endpoints.json`), so the table in
//! `src/permissions.rs` stays the one source of truth.

use std::fs;
use std::path::Path;

use crate::support;

use crate::support::demo::users;
use axum::http::StatusCode;
use sqlx::PgPool;
use support::{TestApp, demo};
use torvan::{Action, DbEnum, Resource, Role, permits};
use torvan_server::seed::seed_demo;

/// Who may call an endpoint.
enum Rule {
    Anyone,
    SignedIn,
    Needs(Resource, Action),
}

/// A user the admin calls act on, so no demo user loses its session mid-test.
const TARGET: &str = "00000000-0000-4000-a000-0000000000ff";

/// A one-row parts file, as the import page sends it.
const IMPORT: &str = r#"{"header":["part_number","name"],"rows":[{"line":2,"fields":["MATRIX-0002","Matrix import"]}]}"#;

/// An address or contact id that names nothing.
const NOBODY: &str = "00000000-0000-4000-a000-00000000dead";

/// A configuration that does not exist: allowed calls find nothing.
const SINK: &str = "order_number=ORD-NONE&build_number=TB-NONE";
const SINK_CHOICES: &str =
    r#"{"order_number":"ORD-NONE","build_number":"TB-NONE","version":0,"choices":{}}"#;

/// Every server function: path, a valid form body, and its rule.
fn endpoints() -> Vec<(&'static str, String, Rule)> {
    use Action::*;
    use Resource::*;
    let target = format!("user_id={TARGET}");
    vec![
        ("/api/auth/me", String::new(), Rule::Anyone),
        ("/api/auth/sign-in", "email=x%40torvan.test&password=wrong-password".into(), Rule::Anyone),
        (
            "/api/auth/change-password",
            "current_password=wrong&new_password=a&confirm_password=b".into(),
            Rule::SignedIn,
        ),
        ("/api/dashboard/summary", String::new(), Rule::Needs(Dashboard, Read)),
        ("/api/orders/list", "filter[page]=0".into(), Rule::Needs(Orders, Read)),
        (
            "/api/customers/list",
            "search=&include_inactive=false&page=0".into(),
            Rule::Needs(Customers, Read),
        ),
        ("/api/customers/get", "customer_number=C-10001".into(), Rule::Needs(Customers, Read)),
        (
            "/api/customers/save",
            "company[company_name]=Matrix+Clinic".into(),
            Rule::Needs(Customers, Create),
        ),
        (
            "/api/customers/active",
            "customer_number=C-10004&active=true".into(),
            Rule::Needs(Customers, Update),
        ),
        (
            "/api/customers/address/add",
            "customer_number=C-10004&address[address_type]=BOTH&address[street_address_1]=1+A+St\
             &address[city]=Ames&address[state_province]=IA&address[postal_code]=50010"
                .into(),
            Rule::Needs(Customers, Update),
        ),
        (
            "/api/customers/contact/add",
            "customer_number=C-10004&contact[first_name]=Matrix&contact[last_name]=Test&contact[phone]=1".into(),
            Rule::Needs(Customers, Update),
        ),
        (
            "/api/customers/address/default",
            format!("customer_number=C-10004&address_id={NOBODY}&billing=true"),
            Rule::Needs(Customers, Update),
        ),
        (
            "/api/customers/address/update",
            format!(
                "customer_number=C-10004&address_id={NOBODY}&address[address_type]=BOTH\
                 &address[street_address_1]=1+A+St&address[city]=Ames&address[state_province]=IA\
                 &address[postal_code]=50010"
            ),
            Rule::Needs(Customers, Update),
        ),
        (
            "/api/customers/contact/update",
            format!(
                "customer_number=C-10004&contact_id={NOBODY}&contact[first_name]=Matrix\
                 &contact[last_name]=Test&contact[phone]=1"
            ),
            Rule::Needs(Customers, Update),
        ),
        (
            "/api/customers/contact/primary",
            format!("customer_number=C-10004&contact_id={NOBODY}"),
            Rule::Needs(Customers, Update),
        ),
        ("/api/orders/order", "order_number=ORD-NONE".into(), Rule::Needs(Orders, Read)),
        ("/api/orders/customer-choices", String::new(), Rule::Needs(Orders, Create)),
        ("/api/orders/create", "order[customer_number]=C-10001".into(), Rule::Needs(Orders, Create)),
        ("/api/orders/ship-choices", "customer_number=C-10001".into(), Rule::Needs(Orders, Read)),
        (
            "/api/orders/header",
            "order_number=ORD-NONE&version=1&header[priority]=RUSH".into(),
            Rule::Needs(Orders, Update),
        ),
        (
            "/api/orders/status",
            "order_number=ORD-NONE&to=SHIPPED&reason=&version=1".into(),
            Rule::Needs(Orders, Read),
        ),
        (
            "/api/orders/lines/add",
            "order_number=ORD-NONE&line[part_number]=421-0001&line[quantity]=1&line[unit_price]=1".into(),
            Rule::Needs(Orders, Update),
        ),
        ("/api/orders/lines/remove", "order_number=ORD-NONE&line_number=1".into(), Rule::Needs(Orders, Update)),
        ("/api/orders/sinks/get", SINK.into(), Rule::Needs(Configurations, Read)),
        ("/api/orders/sinks/add", "order_number=ORD-NONE&family=ESR".into(), Rule::Needs(Configurations, Create)),
        ("/api/orders/sinks/save", SINK_CHOICES.into(), Rule::Needs(Configurations, Update)),
        ("/api/orders/sinks/validate", SINK_CHOICES.into(), Rule::Needs(Configurations, Update)),
        ("/api/orders/sinks/approve", SINK.into(), Rule::Needs(Configurations, Approve)),
        ("/api/orders/sinks/duplicate", SINK.into(), Rule::Needs(Configurations, Create)),
        ("/api/boms/get", format!("{SINK}&version="), Rule::Needs(Boms, Read)),
        ("/api/boms/generate", format!("{SINK}&reason=Matrix"), Rule::Needs(Boms, Create)),
        ("/api/boms/status", format!("bom_id={NOBODY}&to=DRAFT"), Rule::Needs(Boms, Update)),
        ("/api/boms/approve", format!("bom_id={NOBODY}&partial=false"), Rule::Needs(Boms, Approve)),
        ("/api/boms/withdraw", format!("bom_id={NOBODY}"), Rule::Needs(Boms, Approve)),
        ("/api/bom-templates/list", String::new(), Rule::Needs(BomTemplates, Read)),
        ("/api/bom-templates/get", format!("id={NOBODY}"), Rule::Needs(BomTemplates, Read)),
        ("/api/bom-templates/duplicate", format!("id={NOBODY}"), Rule::Needs(BomTemplates, Create)),
        ("/api/bom-templates/create", "family=NONE&name=Matrix".into(), Rule::Needs(BomTemplates, Create)),
        (
            "/api/bom-templates/save",
            format!(r#"{{"id":"{NOBODY}","header":{{}},"lines":[]}}"#),
            Rule::Needs(BomTemplates, Update),
        ),
        (
            "/api/bom-templates/preview",
            format!(r#"{{"id":"{NOBODY}","lines":[],"order_number":"ORD-NONE","build_number":"TB-NONE"}}"#),
            Rule::Needs(BomTemplates, Read),
        ),
        ("/api/boms/issue", format!("bom_id={NOBODY}"), Rule::Needs(Boms, Update)),
        (
            "/api/inventory/search",
            "query[text]=drain&query[page]=0&query[page_size]=20".into(),
            Rule::Needs(Inventory, Read),
        ),
        ("/api/inventory/part", "part_number=121-0001".into(), Rule::Needs(Inventory, Read)),
        ("/api/inventory/part/form-options", String::new(), Rule::Needs(Inventory, Read)),
        (
            "/api/inventory/part/save",
            "draft[part_number]=MATRIX-0001&draft[name]=Matrix+part".into(),
            Rule::Needs(Inventory, Create),
        ),
        (
            "/api/inventory/part/custom",
            "category=MISC_CUSTOM&draft[name]=Matrix+custom".into(),
            Rule::Needs(Inventory, Create),
        ),
        (
            "/api/inventory/stock/receive",
            "part_number=121-0001&receipt[quantity]=1&receipt[note]=matrix".into(),
            Rule::Needs(Inventory, Update),
        ),
        (
            "/api/inventory/stock/adjust",
            "part_number=121-0001&adjustment[change]=1&adjustment[reason]=matrix".into(),
            Rule::Needs(Inventory, Update),
        ),
        (
            "/api/inventory/substitutes/add",
            "part_number=121-0001&substitution[substitute]=121-0003&substitution[kind]=ACCEPTABLE&substitution[conversion_factor]=1&substitution[notes]=".into(),
            Rule::Needs(Inventory, Update),
        ),
        (
            "/api/inventory/substitutes/remove",
            "part_number=121-0001&substitute=121-0003".into(),
            Rule::Needs(Inventory, Update),
        ),
        ("/api/inventory/catalogue/children", String::new(), Rule::Needs(Inventory, Read)),
        (
            "/api/inventory/catalogue/group",
            "level=Category&id=00000000-0000-4000-a000-000000000000".into(),
            Rule::Needs(Inventory, Read),
        ),
        (
            "/api/inventory/catalogue/save",
            "level=1&group[key]=MATRIX&group[name]=Matrix&group[description]=&group[status]=ACTIVE".into(),
            Rule::Needs(Inventory, Create),
        ),
        ("/api/inventory/reorder", String::new(), Rule::Needs(Inventory, Read)),
        (
            "/api/inventory/import/check",
            IMPORT.into(),
            Rule::Needs(Inventory, Update),
        ),
        ("/api/admin/users/list", String::new(), Rule::Needs(Users, Read)),
        (
            "/api/admin/users/create",
            "email=new.user%40torvan.test&first_name=New&last_name=User&role=ASSEMBLER&password=steel-basin-2026"
                .into(),
            Rule::Needs(Users, Create),
        ),
        ("/api/admin/users/role", format!("{target}&role=ASSEMBLER"), Rule::Needs(Users, Update)),
        ("/api/admin/users/status", format!("{target}&status=ACTIVE"), Rule::Needs(Users, Update)),
        (
            "/api/admin/users/reset-password",
            format!("{target}&new_password=steel-basin-2027"),
            Rule::Needs(Users, Update),
        ),
        ("/api/admin/users/unlock", target.clone(), Rule::Needs(Users, Update)),
        ("/api/admin/users/end-sessions", target, Rule::Needs(Users, Update)),
        // Last: it ends the caller's session. Signed out already, it does nothing.
        ("/api/auth/sign-out", String::new(), Rule::Anyone),
    ]
}

/// Whether `role` may call an endpoint with `rule`.
fn allows(rule: &Rule, role: Role) -> bool {
    match *rule {
        Rule::Anyone | Rule::SignedIn => true,
        Rule::Needs(resource, action) => permits(role, resource, action),
    }
}

fn demo_email(role: Role) -> &'static str {
    match role {
        Role::Admin => users::ADMIN,
        Role::ProductionCoordinator => users::COORDINATOR,
        Role::Procurement => users::PROCUREMENT,
        Role::QcPerson => users::QC,
        Role::Assembler => users::ASSEMBLER,
        Role::ServiceDepartment => users::SERVICE,
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_matrix_lists_every_server_function(pool: PgPool) {
    let _app = TestApp::new(pool).await; // registers the server functions
    let listed: Vec<_> = endpoints().into_iter().map(|(path, ..)| path).collect();
    let mut registered: Vec<_> = server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    registered.sort();
    for path in &registered {
        assert!(
            listed.contains(path),
            "{path} is missing from the permission matrix"
        );
    }
    assert_eq!(listed.len(), registered.len());
}

#[sqlx::test(migrations = "../migrations")]
async fn nothing_succeeds_that_the_permission_table_forbids(pool: PgPool) {
    seed_demo(&pool).await.unwrap();
    sqlx::query(
        "INSERT INTO auth.users (id, email, password_hash, role, first_name, last_name)
         SELECT $1::uuid, 'target@torvan.test', password_hash, 'ASSEMBLER', 'Target', 'User'
         FROM auth.users WHERE email = 'admin@torvan.test'",
    )
    .bind(TARGET)
    .execute(&pool)
    .await
    .unwrap();
    let app = TestApp::new(pool).await;

    for (path, form, rule) in endpoints() {
        let status = app.call(path, &form, None).await.status;
        match rule {
            Rule::Anyone => assert_ne!(status, StatusCode::FORBIDDEN, "{path} without session"),
            _ => assert_eq!(status, StatusCode::UNAUTHORIZED, "{path} without session"),
        }
    }

    for &role in Role::ALL {
        let cookie = app.sign_in(demo_email(role), demo::PASSWORD).await.unwrap();
        for (path, form, rule) in endpoints() {
            let reply = app.call(path, &form, Some(&cookie)).await;
            let allowed = allows(&rule, role);
            let refused = matches!(
                reply.status,
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
            ) && path != "/api/auth/sign-in";
            assert_eq!(
                refused,
                !allowed,
                "{} calling {path}: {} {}",
                role.as_db_str(),
                reply.status,
                reply.body
            );
        }
    }
}

/// Where the browser test reads the endpoints each demo user may call.
const ROLE_ENDPOINTS: &str = "../end2end/role-endpoints.json";

/// Each demo user and the endpoints their role may call, as JSON.
fn role_endpoints() -> String {
    let roles: Vec<_> = Role::ALL
        .iter()
        .map(|&role| {
            let endpoints: Vec<_> = endpoints()
                .into_iter()
                .filter(|(_, _, rule)| allows(rule, role))
                .map(|(path, ..)| path)
                .collect();
            serde_json::json!({
                "role": role.as_db_str(),
                "email": demo_email(role),
                "endpoints": endpoints,
            })
        })
        .collect();
    let file = serde_json::json!({
        "written_by": "server/tests/integration/permissions.rs from src/permissions.rs; do not edit",
        "roles": roles,
    });
    serde_json::to_string_pretty(&file).unwrap() + "\n"
}

#[test]
fn the_browser_tests_read_the_endpoints_each_role_may_call_from_the_permission_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(ROLE_ENDPOINTS);
    let expected = role_endpoints();
    if fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
        fs::write(&path, expected).unwrap();
        panic!(
            "{} did not match the permission table and has been rewritten: commit it",
            path.display()
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_database_holds_the_same_permission_table(pool: PgPool) {
    torvan_server::db::migrate(&pool).await.unwrap();
    let audit_rows = || sqlx::query_scalar::<_, i64>("SELECT count(*) FROM audit.audit_log");
    let before = audit_rows().fetch_one(&pool).await.unwrap();
    torvan_server::db::migrate(&pool).await.unwrap();
    assert_eq!(
        audit_rows().fetch_one(&pool).await.unwrap(),
        before,
        "a re-run writes nothing"
    );

    let stored: Vec<(String, String)> = sqlx::query_as(
        "SELECT rp.role::text, p.name FROM auth.role_permissions rp
         JOIN auth.permissions p ON p.id = rp.permission_id ORDER BY 1, 2",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut expected: Vec<(String, String)> = torvan::permissions::grants()
        .map(|(role, resource, action)| {
            (
                role.as_db_str().to_owned(),
                format!("{}:{}", resource.name(), action.name()),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(stored, expected);
}
