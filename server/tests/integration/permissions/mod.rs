//! Every server function, called over HTTP with no session and as each of
//! the six roles, against the one permission table: nothing succeeds that
//! the table forbids, nothing is refused that it allows. The same list tells
//! the browser test that visits every page as every role which endpoints
//! each demo user may call (`end2end/role-endpoints.json`), so the table in
//! `src/permissions.rs` stays the one source of truth.

use std::fs;
use std::path::Path;

use sqlx::PgPool;
use torvan::bom::{BomStatus, TemplateHeader};
use torvan::customer::{AddressDraft, CompanyDraft, ContactDraft};
use torvan::order_draft::{HeaderDraft, OrderDraft};
use torvan::order_line::LineItemDraft;
use torvan::part_spec::PartDraft;
use torvan::quality::ChecklistTemplateDraft;
use torvan::signature::Meaning;
use torvan::sink::SinkChoices;
use torvan::workflow::MaterialAction;
use torvan::workflow::route::RouteDraft;
use torvan::{Action, CatalogueLevel, DbEnum, Resource, Role, UserStatus, permits};
use torvan_app::admin::{
    ChangeRole, CreateUser, EndUserSessions, LastChainVerification, LatestHealthChecks, ListUsers,
    ResetPassword, SetUserStatus, UnlockUser,
};
use torvan_app::audit::{AuditFilter, ListAudit};
use torvan_app::auth::{ChangePassword, SignIn, SignOut, WhoAmI};
use torvan_app::bom_templates::{
    CreateTemplate, DuplicateTemplate, GetTemplate, ListTemplates, PreviewTemplate, SaveTemplate,
};
use torvan_app::boms::{ApproveBom, GenerateBom, GetBom, IssueBom, MoveBom, WithdrawBom};
use torvan_app::builds::{CorrectBuildRecord, GetBuildRecord, GetUnitLabel, RecordSerialPlate};
use torvan_app::customers::{
    AddAddress, AddContact, GetCustomer, ListCustomers, SaveCustomer, SetCustomerActive,
    SetDefaultAddress, SetPrimaryContact, UpdateAddress, UpdateContact,
};
use torvan_app::dashboard::LoadDashboard;
use torvan_app::documents::ListDocuments;
use torvan_app::error::AppError;
use torvan_app::inventory::PartSearch;
use torvan_app::inventory::SearchParts;
use torvan_app::inventory::catalogue::{CatalogueChildren, CatalogueGroup, GroupEntry, SaveGroup};
use torvan_app::inventory::lots::GetLot;
use torvan_app::inventory::part::{
    AddSubstitute, AdjustStock, AdjustmentEntry, CreateCustomPart, GetPart, PartFormOptions,
    ReceiptEntry, ReceiveStock, RemoveSubstitute, SavePart, SubstitutionEntry,
};
use torvan_app::inventory::reorder::ReorderReport;
use torvan_app::inventory::transfer::{CheckImport, ImportRow};
use torvan_app::orders::create::{CreateOrder, CustomerChoices};
use torvan_app::orders::detail::{ChangeOrderStatus, GetOrder};
use torvan_app::orders::header::{SaveOrderHeader, ShipChoices};
use torvan_app::orders::lines::{AddLineItem, RemoveLineItem};
use torvan_app::orders::sinks::{
    AddSink, ApproveSink, DuplicateSink, GetSink, SaveSink, ValidateSink,
};
use torvan_app::orders::{ListOrders, OrderFilter};
use torvan_app::qc_templates::{GetQcTemplate, ListQcTemplates, PreviewQcTemplate, SaveQcTemplate};
use torvan_app::quality::{
    DefectFields, GetChecklist, GetOrderQc, ListChecklists, ListDefects, MoveDefect, RecordResult,
    ReviewChecklist, SaveDefect, SignChecklist, WaiveDefect,
};
use torvan_app::retention::RetentionOverview;
use torvan_app::scan::{GetLotLabel, GetPartLabel};
use torvan_app::signatures::{GetSignaturePolicy, SetSignaturePolicy, Signing};
use torvan_app::tasks::board::{
    ApproveTask, AssignTask, AssignableUsers, BoardFilter, BoardScope, GetBoard, GetBoardHome,
    GetWorkload, MoveTask, TakeTask,
};
use torvan_app::tasks::materials::{
    ConsumeMaterial, GetTaskMaterials, IssueMaterial, ReturnMaterial,
};
use torvan_app::tasks::{
    AddTimeEntry, GetOrderTime, GetTask, GetTaskTime, StartTimer, StopTimer, TimeEntryForm,
};
use torvan_app::work_routes::{GetRoute, ListRoutes, PreviewRoute, SaveRoute};
use torvan_server::seed::seed_demo;
use uuid::Uuid;

use crate::signatures::signing;
use crate::support::demo::{self, customers, parts, users};
use crate::support::{Encoded, TestApp, arranging, refusal};

/// Who may call an endpoint.
enum Rule {
    Anyone,
    SignedIn,
    Needs(Resource, Action),
    /// A task's materials: the bench's roles, and the store's for an issue
    /// or a return (`MaterialAction::permitted`).
    Materials(MaterialAction),
}

/// A user the admin calls act on, so no demo user loses its session mid-test.
const TARGET: Uuid = Uuid::from_u128(0x00000000_0000_4000_a000_0000000000ff);

/// An address, contact, BOM or template id that names nothing.
const NOBODY: Uuid = Uuid::from_u128(0x00000000_0000_4000_a000_00000000dead);

/// An order and a configuration that do not exist: allowed calls find nothing.
const NO_ORDER: &str = "ORD-NONE";
const NO_BUILD: &str = "TB-NONE";

/// A customer the matrix adds addresses and contacts to.
const CUSTOMER: &str = customers::CEDAR_VALLEY;

/// `$call` for the configuration that does not exist, with its other fields.
macro_rules! no_sink {
    ($call:ident { $($field:ident: $value:expr),* $(,)? }) => {
        $call {
            order_number: text(NO_ORDER),
            build_number: text(NO_BUILD),
            $($field: $value),*
        }
    };
}

mod inventory;
mod office;
mod quality;
mod shop_floor;

fn text(value: &str) -> String {
    value.to_owned()
}

/// One server function: a valid call of it, and who may make it.
struct Endpoint {
    call: Encoded,
    rule: Rule,
}

fn endpoint<F>(call: F, rule: Rule) -> Endpoint
where
    F: server_fn::ServerFn + serde::Serialize,
    F::Protocol: crate::support::SentAs,
{
    Endpoint {
        call: Encoded::of(call),
        rule,
    }
}

fn address() -> AddressDraft {
    AddressDraft {
        address_type: text("BOTH"),
        street_address_1: text("1 A St"),
        city: text("Ames"),
        state_province: text("IA"),
        postal_code: text("50010"),
        ..AddressDraft::default()
    }
}

fn contact() -> ContactDraft {
    ContactDraft {
        first_name: text("Matrix"),
        last_name: text("Test"),
        phone: text("1"),
        ..ContactDraft::default()
    }
}

/// Every server function, with a valid call and its rule.
fn endpoints() -> Vec<Endpoint> {
    use Action::*;
    use Resource::*;
    let mut all = vec![
        endpoint(WhoAmI {}, Rule::Anyone),
        endpoint(
            SignIn {
                email: text("x@torvan.test"),
                password: text("wrong-password"),
            },
            Rule::Anyone,
        ),
        endpoint(
            ChangePassword {
                current_password: text("wrong"),
                new_password: text("a"),
                confirm_password: text("b"),
            },
            Rule::SignedIn,
        ),
        endpoint(LoadDashboard {}, Rule::Needs(Dashboard, Read)),
        endpoint(
            ListAudit {
                filter: AuditFilter::default(),
            },
            Rule::Needs(Audit, Read),
        ),
        endpoint(ListUsers {}, Rule::Needs(Users, Read)),
        endpoint(LastChainVerification {}, Rule::Needs(Audit, Read)),
        endpoint(LatestHealthChecks {}, Rule::Needs(Users, Read)),
        endpoint(RetentionOverview {}, Rule::Needs(Users, Read)),
        endpoint(
            CreateUser {
                email: text("new.user@torvan.test"),
                first_name: text("New"),
                last_name: text("User"),
                role: Role::Assembler,
                password: text("steel-basin-2026"),
            },
            Rule::Needs(Users, Create),
        ),
        endpoint(
            ChangeRole {
                user_id: TARGET,
                role: Role::Assembler,
            },
            Rule::Needs(Users, Update),
        ),
        endpoint(
            SetUserStatus {
                user_id: TARGET,
                status: UserStatus::Active,
            },
            Rule::Needs(Users, Update),
        ),
        endpoint(
            ResetPassword {
                user_id: TARGET,
                new_password: text("steel-basin-2027"),
            },
            Rule::Needs(Users, Update),
        ),
        endpoint(UnlockUser { user_id: TARGET }, Rule::Needs(Users, Update)),
        endpoint(GetSignaturePolicy {}, Rule::Needs(Users, Read)),
        endpoint(
            SetSignaturePolicy {
                author_may_approve: false,
            },
            Rule::Needs(Users, Update),
        ),
        endpoint(
            EndUserSessions { user_id: TARGET },
            Rule::Needs(Users, Update),
        ),
    ];
    all.extend(office::endpoints());
    all.extend(inventory::endpoints());
    all.extend(shop_floor::endpoints());
    all.extend(quality::endpoints());
    // Last: it ends the caller's session. Signed out already, it does nothing.
    all.push(endpoint(SignOut {}, Rule::Anyone));
    all
}

/// Whether `role` may call an endpoint with `rule`.
fn allows(rule: &Rule, role: Role) -> bool {
    match *rule {
        Rule::Anyone | Rule::SignedIn => true,
        Rule::Needs(resource, action) => permits(role, resource, action),
        Rule::Materials(action) => action.permitted(role),
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
    let listed: Vec<_> = endpoints()
        .into_iter()
        .map(|endpoint| endpoint.call.path)
        .collect();
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
         SELECT $1, 'target@torvan.test', password_hash, 'ASSEMBLER', 'Target', 'User'
         FROM auth.users WHERE email = $2",
    )
    .bind(TARGET)
    .bind(users::ADMIN)
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();
    let app = TestApp::new(pool).await;
    let refused = |error: &Option<AppError>| {
        matches!(error, Some(AppError::Unauthorized | AppError::Forbidden))
    };

    for Endpoint { call, rule } in endpoints() {
        let error = refusal(&app.send_encoded(&call, None).await);
        let path = call.path;
        match rule {
            Rule::Anyone => assert!(!refused(&error), "{path} without session: {error:?}"),
            _ => assert_eq!(
                error,
                Some(AppError::Unauthorized),
                "{path} without session"
            ),
        }
    }

    for &role in Role::ALL {
        let cookie = app.sign_in(demo_email(role), demo::PASSWORD).await.unwrap();
        for Endpoint { call, rule } in endpoints() {
            let error = refusal(&app.send_encoded(&call, Some(&cookie)).await);
            assert_eq!(
                refused(&error),
                !allows(&rule, role),
                "{} calling {}: {error:?}",
                role.as_db_str(),
                call.path
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
                .filter(|endpoint| allows(&endpoint.rule, role))
                .map(|endpoint| endpoint.call.path)
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
