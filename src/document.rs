//! Documents attached to the records they belong to (a part's drawing and
//! certificates of conformance, an order's documents, a build's
//! passivation record, a QC item's procedure): what may be uploaded (told
//! by the file's first bytes, never by its name or the header the browser
//! chose), how large, what it is called, who may open it, and the object
//! key it is stored under. Pure, so the browser states the same limits
//! the server keeps.

use std::fmt;

use uuid::Uuid;

use crate::{DbEnum, FieldError, Role};

/// The largest document accepted, in bytes (25 MB).
pub const MAX_DOCUMENT_BYTES: usize = 25 * 1024 * 1024;

/// The longest title.
pub const MAX_TITLE_CHARS: usize = 200;

crate::db_enum::db_enum! {
    /// What a document is, as people file it.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum DocumentKind: "document kind" {
        Drawing = "DRAWING" as "Drawing",
        Certificate = "CERTIFICATE" as "Certificate (of conformance, material, passivation)",
        Specification = "SPECIFICATION" as "Specification",
        WorkInstruction = "WORK_INSTRUCTION" as "Work instruction",
        Manual = "MANUAL" as "Manual",
        OrderDocument = "ORDER_DOCUMENT" as "Order document",
        Other = "OTHER" as "Other",
    }
}

impl DocumentKind {
    /// The kinds a person files (QC photos are filed by their checklist).
    pub const FILED: &[Self] = &[
        Self::Drawing,
        Self::Certificate,
        Self::Specification,
        Self::WorkInstruction,
        Self::Manual,
        Self::OrderDocument,
        Self::Other,
    ];
}

crate::db_enum::db_enum! {
    /// The record a document belongs to.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum Attachment: "attached to" {
        Part = "PART" as "part",
        Order = "ORDER" as "order",
        Build = "BUILD" as "build",
        QcItem = "QC_ITEM" as "QC item",
    }
}

/// A document's format, read from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFormat {
    Pdf,
    Png,
    Jpeg,
    /// Word, Excel and other Office Open XML files (a zip).
    OfficeOpenXml,
    /// Plain UTF-8 text: notes, CSV, DXF drawings.
    Text,
}

impl DocumentFormat {
    pub fn mime_type(self, extension: &str) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::OfficeOpenXml => match extension {
                "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            },
            Self::Text => match extension {
                "csv" => "text/csv; charset=utf-8",
                _ => "text/plain; charset=utf-8",
            },
        }
    }
}

/// Why a file is not taken as a document, in the uploader's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentRefusal {
    Empty,
    TooLarge,
    /// A format the shop's documents do not come in (an executable, a
    /// video, an archive…).
    NotADocument,
    /// The name says one format and the content another.
    NameMismatch,
}

impl fmt::Display for DocumentRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "The file is empty: choose the document again.",
            Self::TooLarge => "The file is larger than 25 MB: send a smaller scan or split it.",
            Self::NotADocument => {
                "This kind of file is not stored: send a PDF, PNG or JPEG image, a Word or Excel file (.docx, .xlsx) or plain text (.txt, .csv, .dxf)."
            }
            Self::NameMismatch => {
                "The file's name does not match what it holds: check that you chose the right file."
            }
        })
    }
}

/// The format `bytes` are, checked against the file name's extension; the
/// size first, so a file too large is refused for that whatever it holds.
pub fn check_file(name: &str, bytes: &[u8]) -> Result<DocumentFormat, DocumentRefusal> {
    if bytes.is_empty() {
        return Err(DocumentRefusal::Empty);
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DocumentRefusal::TooLarge);
    }
    let extension = extension(name);
    let format = if bytes.starts_with(b"%PDF-") {
        DocumentFormat::Pdf
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        DocumentFormat::Png
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        DocumentFormat::Jpeg
    } else if bytes.starts_with(b"PK\x03\x04") && matches!(extension.as_str(), "docx" | "xlsx") {
        DocumentFormat::OfficeOpenXml
    } else if std::str::from_utf8(bytes).is_ok_and(|text| !text.contains('\0')) {
        DocumentFormat::Text
    } else {
        return Err(DocumentRefusal::NotADocument);
    };
    let expected: &[&str] = match format {
        DocumentFormat::Pdf => &["pdf"],
        DocumentFormat::Png => &["png"],
        DocumentFormat::Jpeg => &["jpg", "jpeg"],
        DocumentFormat::OfficeOpenXml => &["docx", "xlsx"],
        DocumentFormat::Text => &["txt", "csv", "dxf"],
    };
    if expected.contains(&extension.as_str()) {
        Ok(format)
    } else if format == DocumentFormat::Text {
        Err(DocumentRefusal::NotADocument)
    } else {
        Err(DocumentRefusal::NameMismatch)
    }
}

/// A file name's extension, lower case; empty when it has none.
pub fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default()
}

/// A document's title: trimmed, not empty, not too long. The same title on
/// the same record names the same document: a new upload is its next
/// version.
pub fn parse_title(raw: &str) -> Result<String, FieldError> {
    let title = raw.trim();
    if title.is_empty() {
        return Err(FieldError::new(
            "title",
            "Give the document a title, e.g. “Certificate of conformance, lot L-4471”.",
        ));
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(FieldError::new(
            "title",
            format!("Keep the title to {MAX_TITLE_CHARS} characters."),
        ));
    }
    Ok(title.to_owned())
}

/// Who may open a document: the roles listed, or, with none listed, every
/// role that reads documents. An administrator always may.
pub fn may_open(allowed: &[Role], role: Role) -> bool {
    role == Role::Admin || allowed.is_empty() || allowed.contains(&role)
}

/// Where a document's version is stored: under its own id, so a name chosen
/// by a person never becomes a key.
pub fn object_key(attachment: Attachment, document: Uuid) -> String {
    format!(
        "documents/{}/{document}",
        attachment.as_db_str().to_ascii_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj";

    #[test]
    fn a_file_is_known_by_its_content_and_its_name_must_agree() {
        assert_eq!(check_file("coc.PDF", PDF), Ok(DocumentFormat::Pdf));
        assert_eq!(
            check_file("photo.jpeg", &[0xff, 0xd8, 0xff, 0xe0, 0]),
            Ok(DocumentFormat::Jpeg)
        );
        assert_eq!(
            check_file("notes.txt", "passivation 30 min, nitric".as_bytes()),
            Ok(DocumentFormat::Text)
        );
        assert_eq!(
            check_file("coc.png", PDF),
            Err(DocumentRefusal::NameMismatch)
        );
        assert_eq!(
            check_file("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
            Err(DocumentRefusal::NotADocument)
        );
        assert_eq!(
            check_file("archive.zip", b"PK\x03\x04rest"),
            Err(DocumentRefusal::NotADocument)
        );
        assert_eq!(
            check_file("script.sh", b"#!/bin/sh\nrm -rf /"),
            Err(DocumentRefusal::NotADocument)
        );
    }

    #[test]
    fn an_empty_or_too_large_file_is_refused_for_its_size() {
        assert_eq!(check_file("a.pdf", b""), Err(DocumentRefusal::Empty));
        let mut large = PDF.to_vec();
        large.resize(MAX_DOCUMENT_BYTES + 1, b' ');
        assert_eq!(check_file("a.pdf", &large), Err(DocumentRefusal::TooLarge));
        large.truncate(MAX_DOCUMENT_BYTES);
        assert_eq!(check_file("a.pdf", &large), Ok(DocumentFormat::Pdf));
    }

    #[test]
    fn a_title_is_trimmed_and_must_say_something_within_its_length() {
        assert_eq!(parse_title("  CoC lot 4471 ").unwrap(), "CoC lot 4471");
        assert_eq!(parse_title(" ").unwrap_err().field, "title");
        assert!(parse_title(&"t".repeat(MAX_TITLE_CHARS)).is_ok());
        assert!(parse_title(&"t".repeat(MAX_TITLE_CHARS + 1)).is_err());
    }

    #[test]
    fn the_listed_roles_open_a_document_and_none_listed_means_everyone() {
        assert!(may_open(&[], Role::Assembler));
        assert!(may_open(&[Role::QcPerson], Role::QcPerson));
        assert!(!may_open(&[Role::QcPerson], Role::Assembler));
        assert!(may_open(&[Role::QcPerson], Role::Admin));
    }

    #[test]
    fn a_document_is_stored_under_its_id_whatever_its_name() {
        let id = Uuid::from_u128(7);
        assert_eq!(
            object_key(Attachment::Part, id),
            format!("documents/part/{id}")
        );
    }
}
