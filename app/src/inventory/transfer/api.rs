use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;

use crate::error::AppError;

/// One data row of the file and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    pub line: usize,
    pub fields: Vec<String>,
}

/// What is wrong with one field of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub line: usize,
    pub column: String,
    pub message: String,
}

/// How the checked rows would change the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCheck {
    pub problems: Vec<RowProblem>,
    pub new_parts: usize,
    pub existing_parts: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportOutcome {
    Imported {
        created: usize,
        updated: usize,
        unchanged: usize,
    },
    /// Nothing was written: these rows need fixing first.
    Refused(Vec<RowProblem>),
}

/// Checks some rows of a file without writing anything (the page sends a
/// large file in slices to show progress).
#[server(prefix = "/api", endpoint = "inventory/import/check", input = Json)]
pub async fn check_import(
    header: Vec<String>,
    rows: Vec<ImportRow>,
) -> Result<ImportCheck, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    let pool = crate::state::pool()?;
    let mut conn = pool.acquire().await?;
    super::import::check(&mut conn, &header, &rows).await
}

/// Imports the whole file in one transaction, or nothing if any row is wrong.
#[server(prefix = "/api", endpoint = "inventory/import/apply", input = Json)]
pub async fn import_parts(
    header: Vec<String>,
    rows: Vec<ImportRow>,
) -> Result<ImportOutcome, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    let pool = crate::state::pool()?;
    let mut tx = crate::db::begin_as(&pool, &session).await?;
    let outcome = super::import::apply(&mut tx, &header, &rows, session.user.id).await?;
    if matches!(outcome, ImportOutcome::Imported { .. }) {
        tx.commit().await?;
    }
    Ok(outcome)
}
