//! The parts file's server function: some rows checked without writing.
//! Applying a whole file is a plain route (`IMPORT_PATH`), not a server
//! function.

use leptos::prelude::*;
use server_fn::codec::Json;

use super::model::{ImportCheck, ImportRow};
use crate::error::AppError;

/// Checks some rows of a file without writing anything (the page sends a
/// large file in slices to show progress).
#[server(prefix = "/api", endpoint = "inventory/import/check", input = Json)]
pub async fn check_import(
    header: Vec<String>,
    rows: Vec<ImportRow>,
) -> Result<ImportCheck, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    use super::model::{CHECK_ROWS, MAX_COLUMNS};
    if rows.len() > CHECK_ROWS {
        let message = format!("At most {CHECK_ROWS} rows are checked at once.");
        return Err(AppError::invalid("rows", message));
    }
    if header.len() > MAX_COLUMNS {
        let message = format!("A parts file has at most {MAX_COLUMNS} columns.");
        return Err(AppError::invalid("header", message));
    }
    let mut conn = crate::db::connection().await?;
    super::import::check(&mut conn, &header, &rows).await
}
