//! CSV files for spreadsheets: the parts catalogue, the reorder report, a
//! BOM version and the filtered audit trail.
//! Plain GET routes (not server functions) so a link downloads the file.

use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

use serde::Deserialize;
use torvan::{Action, BuildNumber, OrderNumber, Resource};
use torvan_app::audit::{self, AuditFilter};
use torvan_app::auth::guard::SessionUser;
use torvan_app::error::AppError;
use torvan_app::inventory::{reorder, transfer};

use super::AppState;

pub(super) fn may_read(
    user: Option<Extension<SessionUser>>,
    resource: Resource,
) -> Result<(), StatusCode> {
    match user {
        None => Err(StatusCode::UNAUTHORIZED),
        Some(Extension(session)) if session.user.may(resource, Action::Read) => Ok(()),
        Some(_) => Err(StatusCode::FORBIDDEN),
    }
}

fn csv_file(name: &str, body: Result<String, sqlx::Error>) -> Response {
    match body {
        Ok(body) => {
            let date = chrono::Utc::now().format("%Y-%m-%d");
            let disposition = format!("attachment; filename=\"torvan-{name}-{date}.csv\"");
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                body,
            )
                .into_response()
        }
        Err(error) => {
            tracing::error!(%error, file = name, "CSV export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

pub async fn parts(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
) -> Response {
    if let Err(status) = may_read(user, Resource::Inventory) {
        return status.into_response();
    }
    let file = async { transfer::export::parts_csv(&mut *state.pool.acquire().await?).await };
    csv_file("parts", file.await)
}

#[derive(Deserialize)]
pub struct VendorFilter {
    vendor: Option<String>,
}

pub async fn reorder_report(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Query(filter): Query<VendorFilter>,
) -> Response {
    if let Err(status) = may_read(user, Resource::Inventory) {
        return status.into_response();
    }
    let vendor = filter.vendor.filter(|code| !code.is_empty());
    let report =
        async { reorder::report(&mut *state.pool.acquire().await?, vendor.as_deref()).await };
    csv_file("reorder", report.await.map(|lines| reorder::to_csv(&lines)))
}

#[derive(Deserialize)]
pub struct BomVersion {
    version: Option<i32>,
}

pub async fn bom(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Path((order_number, build_number)): Path<(String, String)>,
    Query(asked): Query<BomVersion>,
) -> Response {
    if let Err(status) = may_read(user, Resource::Boms) {
        return status.into_response();
    }
    match bom_file(&state, &order_number, &build_number, asked.version).await {
        Ok((name, body)) => csv_file(&name, Ok(body)),
        Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "BOM CSV export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The BOM version's file; numbers that name no build are not found.
async fn bom_file(
    state: &AppState,
    order_number: &str,
    build_number: &str,
    version: Option<i32>,
) -> Result<(String, String), AppError> {
    let order_number = OrderNumber::parse(order_number).map_err(|_| AppError::NotFound)?;
    let build_number = BuildNumber::parse(build_number).map_err(|_| AppError::NotFound)?;
    let mut conn = state.pool.acquire().await?;
    torvan_app::boms::export::bom_csv(&mut conn, &order_number, &build_number, version).await
}

/// The audit trail as the viewer's filter narrows it (the same query
/// names); the export is recorded in the trail in the same transaction. A
/// filter naming no record or user is 422 with its message.
pub async fn audit_trail(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Query(pairs): Query<HashMap<String, String>>,
) -> Response {
    let session = match user {
        None => return StatusCode::UNAUTHORIZED.into_response(),
        Some(Extension(session)) if session.user.may(Resource::Audit, Action::Read) => session,
        Some(_) => return StatusCode::FORBIDDEN.into_response(),
    };
    let filter = AuditFilter::from_pairs(|key| pairs.get(key).cloned());
    match audit_file(&state, &session, &filter).await {
        Ok((name, body)) => csv_file(&name, Ok(body)),
        Err(error) if !error.problems().is_empty() => {
            let messages: Vec<String> = error
                .problems()
                .into_iter()
                .map(|(_, message)| message)
                .collect();
            (StatusCode::UNPROCESSABLE_ENTITY, messages.join("\n")).into_response()
        }
        Err(error) => {
            tracing::error!(%error, "audit CSV export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn audit_file(
    state: &AppState,
    session: &SessionUser,
    filter: &AuditFilter,
) -> Result<(String, String), AppError> {
    let mut tx = torvan_app::db::begin_as(&state.pool, session).await?;
    let file =
        audit::export::audit_csv(&mut tx, session.user.id, session.session_id, filter).await?;
    tx.commit().await?;
    Ok(file)
}
