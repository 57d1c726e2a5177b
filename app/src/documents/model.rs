//! The documents' wire types: a record's documents, each at its latest
//! version with the earlier ones and, for those who read the audit trail,
//! who opened it.

use serde::{Deserialize, Serialize};
use torvan::Role;
use torvan::document::{Attachment, DocumentKind};
use uuid::Uuid;

/// Where the upload route is; its query says what the file is and where
/// it belongs (`DocumentTarget`), its body is the file.
pub const UPLOAD_PATH: &str = "/files/documents";

/// The query of an upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentTarget {
    pub attached: Attachment,
    /// The record's number as people know it: a part number, an order
    /// number, a build number.
    pub to: String,
    pub kind: DocumentKind,
    pub title: String,
    /// The file's name on the uploader's computer.
    pub file_name: String,
    /// Roles that alone may open it (comma-separated); empty for every role
    /// that reads documents.
    #[serde(default)]
    pub restricted: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordDocuments {
    pub documents: Vec<DocumentView>,
    /// Whether the reader sees the access log.
    pub shows_access: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub title: String,
    pub kind: DocumentKind,
    pub latest: VersionView,
    /// The versions before the latest, newest first.
    pub earlier: Vec<VersionView>,
    pub restricted_to: Vec<Role>,
    /// Who opened any version, newest first; empty unless `shows_access`.
    pub access: Vec<AccessView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionView {
    pub id: Uuid,
    pub version: i32,
    pub file_name: String,
    pub size_bytes: i64,
    pub uploaded_by: String,
    pub uploaded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessView {
    pub at: String,
    pub who: String,
    pub version: i32,
    /// "Download", "View"…
    pub access: String,
    /// Why it was refused; none when the file was served.
    pub refused: Option<String>,
}

/// What an upload answers: the version it stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uploaded {
    pub id: Uuid,
    pub version: i32,
}

impl DocumentTarget {
    /// The upload's address, its query this target.
    pub fn upload_path(&self) -> String {
        use torvan::DbEnum;
        crate::routes::with_query(
            UPLOAD_PATH,
            &[
                ("attached", self.attached.as_db_str().to_owned()),
                ("to", self.to.clone()),
                ("kind", self.kind.as_db_str().to_owned()),
                ("title", self.title.clone()),
                ("file_name", self.file_name.clone()),
                ("restricted", self.restricted.clone()),
            ],
        )
    }
}
