//! The parts file, posted whole as `text/csv` and applied in one
//! transaction: every row or none. A plain route rather than a server
//! function: a catalogue of 50,000 rows is some 15 MB of CSV, and as JSON
//! arguments it would be several times that in memory before anyone looked
//! at it. The same-origin check and the session come from the layers every
//! route has; the permission is checked here before the body is read.

use axum::Extension;
use axum::body::Body;
use axum::extract::{FromRequest, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use torvan::{Action, Resource};
use torvan_app::auth::guard::SessionUser;
use torvan_app::error::AppError;
use torvan_app::inventory::transfer::{ImportOutcome, import};

use super::AppState;
use super::api_status::refused;

pub async fn import_parts(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    request: Request<Body>,
) -> Response {
    let session = match user {
        None => return refused(AppError::Unauthorized),
        Some(Extension(session)) if session.user.may(Resource::Inventory, Action::Update) => {
            session
        }
        Some(_) => return refused(AppError::Forbidden),
    };
    let is_csv = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/csv"));
    if !is_csv {
        return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
    }
    let text = match String::from_request(request, &state).await {
        Ok(text) => text,
        Err(rejection) => return rejection.into_response(),
    };
    match apply(&state, &session, &text).await {
        Ok(outcome) => axum::Json(outcome).into_response(),
        Err(error) => refused(error),
    }
}

async fn apply(
    state: &AppState,
    session: &SessionUser,
    text: &str,
) -> Result<ImportOutcome, AppError> {
    let mut tx = torvan_app::db::begin_as(&state.pool, session).await?;
    let outcome = import::apply_file(&mut tx, text, session.user.id).await?;
    if matches!(outcome, ImportOutcome::Imported { .. }) {
        tx.commit().await?;
    }
    Ok(outcome)
}
