//! The documents' server function: a record's documents as the reader may
//! see them. Uploads and downloads carry files, so they are the host's
//! plain routes (`server/src/http/documents.rs`).

use leptos::prelude::*;
use torvan::document::Attachment;

use super::model::RecordDocuments;
use crate::error::AppError;

/// The documents on a record (`attached`, numbered `to`) that the reader's
/// role may open, latest versions first by title.
#[server(prefix = "/api", endpoint = "documents/list")]
pub async fn list_documents(attached: Attachment, to: String) -> Result<RecordDocuments, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Documents, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    let owner = super::queries::owner(&mut conn, attached, &to).await?;
    let shows_access = session
        .user
        .may(torvan::Resource::Audit, torvan::Action::Read);
    super::queries::documents(&mut conn, owner, session.user.role, shows_access).await
}
