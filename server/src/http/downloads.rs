//! CSV files for spreadsheets: the parts catalogue, the reorder report and a
//! BOM version.
//! Plain GET routes (not server functions) so a link downloads the file.

use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use torvan::{Action, BuildNumber, OrderNumber, Resource};
use torvan_app::auth::guard::SessionUser;
use torvan_app::error::AppError;
use torvan_app::inventory::{reorder, transfer};

use super::AppState;

fn may_read(user: Option<Extension<SessionUser>>, resource: Resource) -> Result<(), StatusCode> {
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
