//! What a request gets while the database is out of reach: a page a person
//! can read, or the `AppError` a form shows, and never a blank 503. Both say
//! that nothing saved is lost (every write is one transaction, so a write
//! either committed before the database went away or did not happen) and
//! ask for a retry a minute later. Recovery needs nothing from here: the
//! pool opens new connections once the database answers again.

use axum::Json;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, RETRY_AFTER};
use axum::response::{Html, IntoResponse, Response};
use torvan_app::error::AppError;

/// Seconds a client is asked to wait before trying again.
const RETRY_AFTER_SECONDS: &str = "60";

/// A 503 for `path`: JSON for a server function, a page otherwise.
pub fn response(path: &str) -> Response {
    let headers = [
        (RETRY_AFTER, RETRY_AFTER_SECONDS),
        (CACHE_CONTROL, "no-store"),
    ];
    if path.starts_with("/api/") {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            headers,
            Json(AppError::Unavailable),
        )
            .into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, headers, Html(page())).into_response()
    }
}

/// The page, in the offline page's style, with the message a form shows.
fn page() -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Database unreachable · TORVAN Production</title>
  <link rel="icon" type="image/png" sizes="192x192" href="/icons/icon-192.png">
  <link rel="stylesheet" href="/offline.css">
</head>
<body>
  <main class="offline">
    <img class="offline__logo" src="/icons/icon-192.png" alt="" width="96" height="96">
    <h1>TORVAN cannot reach its database</h1>
    <p>{}</p>
    <p><a class="offline__retry" href="">Try again</a></p>
  </main>
</body>
</html>
"#,
        AppError::Unavailable
    )
}
