//! The production record's server function.

use leptos::prelude::*;

use super::model::BuildRecord;
use crate::error::AppError;

/// A build's production record: a document every role that reads
/// documents may read.
#[server(prefix = "/api", endpoint = "builds/record")]
pub async fn get_build_record(build_number: String) -> Result<BuildRecord, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Documents, torvan::Action::Read)?;
    let build = torvan::BuildNumber::parse(&build_number).map_err(|_| AppError::NotFound)?;
    let mut tx = crate::db::snapshot().await?;
    let reader = super::record::Reader {
        id: session.user.id,
        role: session.user.role,
    };
    let record = super::record::record(&mut tx, &build, &reader).await?;
    tx.commit().await?;
    Ok(record)
}
