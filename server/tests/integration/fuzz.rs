//! Every server function, sent what no page of the app sends: malformed
//! bodies, NUL characters, 70,000-character values and values of the wrong
//! type, as forms and as JSON, with and without a session. Nothing may
//! answer 5xx and no answer may repeat what it was sent.
//!
//! The functions come from the server's own registry, so a new one is fuzzed
//! without being listed. Their arguments are filled from one list of the
//! names the functions use; serde ignores the names a function does not
//! take, so each body reaches every function that takes one of them.

use crate::support;

use crate::support::demo::users;
use axum::http::StatusCode;
use sqlx::PgPool;
use support::TestApp;

/// Flat argument names the server functions take.
const FIELDS: &[&str] = &[
    "active",
    "address_id",
    "billing",
    "bom_id",
    "build_number",
    "category",
    "change",
    "compare_with",
    "confirm_password",
    "contact_id",
    "conversion_factor",
    "current_password",
    "customer_number",
    "description",
    "email",
    "family",
    "first_name",
    "id",
    "include_inactive",
    "key",
    "kind",
    "last_name",
    "level",
    "line_number",
    "name",
    "new_password",
    "note",
    "notes",
    "order_number",
    "original",
    "page",
    "parent",
    "part_number",
    "partial",
    "password",
    "quantity",
    "reason",
    "role",
    "search",
    "status",
    "substitute",
    "to",
    "user_id",
    "vendor",
    "version",
];

/// Arguments that are drafts, lists or filters, and some of their fields.
const NESTED: &[&str] = &[
    "address[address_type]",
    "address[postal_code]",
    "choices[family]",
    "company[company_name]",
    "contact[first_name]",
    "draft[name]",
    "draft[part_number]",
    "draft[status]",
    "filter[page]",
    "filter[search]",
    "filter[status]",
    "header[name]",
    "header[priority]",
    "line[part_number]",
    "line[quantity]",
    "order[customer_number]",
    "query[page]",
    "query[text]",
];

/// Starts every oversized value, so an echo is found in any answer.
const MARK: &str = "FUZZ-ECHO-";

fn oversized() -> String {
    format!("{MARK}{}", "q".repeat(70_000 - MARK.len()))
}

fn form(names: &[&str], value: &str) -> String {
    names
        .iter()
        // The names are plain letters, underscores and brackets: sent as they are.
        .map(|name| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

fn json(names: &[&str], value: &serde_json::Value) -> String {
    let object: serde_json::Map<_, _> = names
        .iter()
        .map(|name| ((*name).to_owned(), value.clone()))
        .collect();
    serde_json::Value::Object(object).to_string()
}

/// What each function is sent: (content type, body bytes).
fn bodies() -> Vec<(&'static str, Vec<u8>)> {
    const FORM: &str = "application/x-www-form-urlencoded";
    const JSON: &str = "application/json";
    let long = oversized();
    let mut bodies: Vec<(&str, String)> = vec![
        (FORM, String::new()),
        (FORM, "%".into()),
        (FORM, "a[=1&&[]]=&=&[".into()),
        (FORM, form(FIELDS, "%00")),
        (FORM, form(NESTED, "x%00y")),
        (FORM, form(FIELDS, "not-a-number-or-id")),
        (FORM, form(FIELDS, "-99999999999999999999")),
        (FORM, form(NESTED, "-1")),
        (
            FORM,
            form(&["address", "company", "draft", "filter", "query"], "x"),
        ),
        (JSON, String::new()),
        (JSON, "{".into()),
        (JSON, "null".into()),
        (JSON, "[1,2,3]".into()),
        (
            JSON,
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        ),
        (JSON, json(FIELDS, &"\u{0}".into())),
        (JSON, json(FIELDS, &serde_json::json!(1e300))),
        (JSON, json(FIELDS, &serde_json::json!({"a": [true]}))),
        (
            JSON,
            json(&["lines", "rows", "header", "choices"], &"x".into()),
        ),
        (
            JSON,
            serde_json::json!({
                "lines": [{"part_number": "\u{0}", "quantity_formula": &long[..1000]}],
                "rows": [{"line": -1, "fields": [null]}],
                "choices": {"basins": [{"width": "\u{0}"}], "accessories": "x"},
                "header": {"name": 7},
            })
            .to_string(),
        ),
    ];
    // Three oversized values a body: more would pass the body limit.
    for names in FIELDS.chunks(3).chain(NESTED.chunks(3)) {
        bodies.push((FORM, form(names, &long)));
    }
    for names in FIELDS.chunks(3) {
        bodies.push((JSON, json(names, &long.as_str().into())));
    }
    let mut bodies: Vec<(&str, Vec<u8>)> = bodies
        .into_iter()
        .map(|(content_type, body)| (content_type, body.into_bytes()))
        .collect();
    bodies.push((FORM, b"email=\xff\xfe&password=\x00".to_vec()));
    bodies.push((JSON, b"{\"email\":\"\xff\xfe\"}".to_vec()));
    bodies
}

/// Every registered server function, the two that end a session last.
fn paths() -> Vec<&'static str> {
    let mut paths: Vec<_> = server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    paths.sort_by_key(|path| {
        let ends_session = ["/api/auth/change-password", "/api/auth/sign-out"].contains(path);
        (ends_session, *path)
    });
    paths
}

/// Sends every body to every function and lists what went wrong. With a
/// session, a 401 outside sign-in and sign-out means the session was lost
/// and the rest was not fuzzed as a signed-in user: that is wrong too.
async fn fuzz(app: &TestApp, cookie: Option<&str>) -> Vec<String> {
    let bodies = bodies();
    let mut problems = Vec::new();
    for path in paths() {
        for (content_type, body) in &bodies {
            let reply = app
                .post_raw(path, content_type, body.to_vec(), cookie)
                .await;
            let sent: String = String::from_utf8_lossy(body).chars().take(80).collect();
            if reply.status.is_server_error() {
                problems.push(format!(
                    "{path} {} for {content_type} {sent:?}",
                    reply.status
                ));
            }
            if reply.body.contains(MARK) || reply.body.contains('\0') {
                problems.push(format!("{path} echoed {content_type} {sent:?}"));
            }
            let lost_session = cookie.is_some()
                && reply.status == StatusCode::UNAUTHORIZED
                && !path.starts_with("/api/auth/");
            if lost_session {
                problems.push(format!("{path}: the session was lost"));
            }
        }
    }
    problems
}

#[sqlx::test(migrations = "../migrations")]
async fn no_server_function_fails_or_echoes_on_input_no_page_sends(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    assert!(paths().len() > 50, "the registry lists the functions");

    let anonymous = fuzz(&app, None).await;
    assert!(
        anonymous.is_empty(),
        "without a session:\n{}",
        anonymous.join("\n")
    );
    let signed_in = fuzz(&app, Some(&cookie)).await;
    assert!(
        signed_in.is_empty(),
        "as the admin:\n{}",
        signed_in.join("\n")
    );
}
