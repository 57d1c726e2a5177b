//! The production record as a PDF, made on the server from the record the
//! page shows: Letter pages in the standard PDF fonts (nothing embedded,
//! nothing fetched, no browser), the build number and "page n of N" on
//! every page, and the SHA-256 of the record's text on every page and in
//! full at its end, so a printout can be matched to the record it came
//! from. Text is kept as text (uncompressed streams), so the file is
//! searchable and its words can be checked.

mod layout;
mod text;
mod winansi;

use sha2::{Digest, Sha256};

use super::model::BuildRecord;

/// A rendered record: the file, and the hash of the text it carries.
pub struct RecordPdf {
    pub bytes: Vec<u8>,
    /// The SHA-256 of the text, as bytes and as the hex every page prints.
    pub digest: [u8; 32],
    pub content_hash: String,
}

/// Renders `record`; `edition` ("revision 2, corrected", "live copy") heads
/// every page and is not part of the hashed content.
pub fn render(record: &BuildRecord, edition: &str) -> RecordPdf {
    let lines = text::lines(record);
    let digest = digest_of(&lines);
    let content_hash = torvan::text::hex(&digest);
    let bytes = layout::write(&record.build_number, edition, &lines, &content_hash);
    RecordPdf {
        bytes,
        digest,
        content_hash,
    }
}

/// The SHA-256 of `record`'s text, as its PDF would carry it.
pub fn digest(record: &BuildRecord) -> [u8; 32] {
    digest_of(&text::lines(record))
}

fn digest_of(lines: &[text::Line]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for line in lines {
        hasher.update(line.text.as_bytes());
        hasher.update(b"\n");
    }
    hasher.finalize().into()
}
