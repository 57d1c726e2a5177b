//! Every internal link the app builds, in one place. Each value that goes
//! into a path or a query (an order, build, part or customer number, a
//! search text) is percent-encoded here, so a part number with `/` or a
//! space still links to its own page and never to another route. Pages call
//! these functions instead of formatting URLs themselves.

use std::fmt::Display;

use torvan::CatalogueLevel;
use torvan::DbEnum;
use torvan::audit::AuditedTable;
use uuid::Uuid;

/// The page where a user changes their own password.
pub const CHANGE_PASSWORD: &str = "/account/password";

/// The audit viewer, and its filtered entries as a CSV download.
pub const AUDIT: &str = "/admin/audit";
pub const AUDIT_CSV: &str = "/admin/audit.csv";

/// The shop floor's boards: the picker, and the signed-in user's tasks.
pub const BOARDS: &str = "/boards";
pub const MY_BOARD: &str = "/boards/mine";

/// A QC photo and its thumbnail, by the photo's id (the host's routes);
/// the upload is a `PUT` to the photo's own address.
pub const QC_PHOTO: &str = "/files/qc-photos/{photo}";
pub const QC_PHOTO_THUMBNAIL: &str = "/files/qc-photos/{photo}/thumbnail";

/// What every photo's address starts with.
pub const QC_PHOTOS_PREFIX: &str = "/files/qc-photos/";

pub fn qc_photo(id: Uuid) -> String {
    format!("{QC_PHOTOS_PREFIX}{id}")
}

pub fn qc_photo_thumbnail(id: Uuid) -> String {
    format!("{}/thumbnail", qc_photo(id))
}

/// The QC checklists: open ones first.
pub const QC: &str = "/qc";

/// Percent-encodes everything but the unreserved characters of RFC 3986.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// A path with its query: `pairs` are (name, raw value), encoded here.
pub fn with_query(path: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return path.to_owned();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// One path segment: a number or key as the page shows it, encoded.
fn segment(value: impl Display) -> String {
    encode(&value.to_string())
}

pub fn order(number: impl Display) -> String {
    format!("/orders/{}", segment(number))
}

pub fn sink(order_number: impl Display, build_number: impl Display) -> String {
    format!("{}/sinks/{}", order(order_number), segment(build_number))
}

pub fn bom(order_number: impl Display, build_number: impl Display) -> String {
    format!("{}/bom", sink(order_number, build_number))
}

pub fn customer(number: impl Display) -> String {
    format!("/customers/{}", segment(number))
}

pub fn part(number: impl Display) -> String {
    format!("/inventory/parts/{}", segment(number))
}

/// A lot of a part, by its id: lot numbers repeat across parts.
pub fn lot(id: Uuid) -> String {
    format!("/inventory/lots/{id}")
}

/// A part's bin label and a lot's label, to print.
pub fn part_label(number: impl Display) -> String {
    format!("{}/label", part(number))
}

pub fn lot_label(id: Uuid) -> String {
    format!("{}/label", lot(id))
}

/// A build's production record, and the same as a PDF (the host's route).
pub fn build_record(build_number: impl Display) -> String {
    format!("/builds/{}", segment(build_number))
}

/// A finished unit's printable label.
pub fn unit_label(build_number: impl Display) -> String {
    format!("{}/label", build_record(build_number))
}

pub const BUILD_RECORD_PDF: &str = "/builds/{build}/record.pdf";

pub fn build_record_pdf(build_number: impl Display) -> String {
    format!("{}/record.pdf", build_record(build_number))
}

/// A document's version, downloaded (and logged).
pub const DOCUMENT: &str = "/files/documents/{id}";

pub fn document(id: Uuid) -> String {
    format!("/files/documents/{id}")
}

/// A frozen revision's stored PDF.
pub const BUILD_RECORD_REVISION_PDF: &str = "/builds/{build}/revisions/{revision}/record.pdf";

pub fn build_record_revision_pdf(build_number: impl Display, revision: i32) -> String {
    format!(
        "{}/revisions/{revision}/record.pdf",
        build_record(build_number)
    )
}

pub fn edit_part(number: impl Display) -> String {
    format!("{}/edit", part(number))
}

pub fn catalogue_group(level: CatalogueLevel, id: Uuid) -> String {
    format!("/inventory/catalogue/{}/{id}", level.slug())
}

/// The scan page, and the record a scanned code names.
pub const SCAN: &str = "/scan";

pub fn scanned(code: &torvan::label_code::LabelCode) -> String {
    use torvan::label_code::LabelCode;
    match code {
        LabelCode::Order(number) => order(number),
        LabelCode::Build(number) => build_record(number),
        LabelCode::Task(number) => task(number),
        LabelCode::Part(number) => part(number),
        LabelCode::Lot(id) => lot(*id),
    }
}

pub fn task(number: impl Display) -> String {
    format!("/tasks/{}", segment(number))
}

pub fn work_center_board(code: impl Display) -> String {
    format!("{BOARDS}/{}", segment(code))
}

pub fn order_board(number: impl Display) -> String {
    format!("{BOARDS}/orders/{}", segment(number))
}

pub fn bom_template(id: Uuid) -> String {
    format!("/admin/bom-templates/{id}")
}

/// A build's checklist for a phase: `/qc/TB-2026-0106-01-1/pre-qc`.
pub fn checklist(build: impl Display, phase: torvan::quality::QcPhase) -> String {
    format!("{QC}/{}/{}", segment(build), phase_slug(phase))
}

/// A phase as an address spells it: `pre-qc`, `final-qc`.
pub fn phase_slug(phase: torvan::quality::QcPhase) -> String {
    phase.as_db_str().to_lowercase().replace('_', "-")
}

/// The phase a checklist's address names.
pub fn phase_from_slug(slug: &str) -> Option<torvan::quality::QcPhase> {
    torvan::quality::QcPhase::ALL
        .iter()
        .copied()
        .find(|&phase| phase_slug(phase) == slug)
}

/// Every family's route, and the list's link in the navigation.
pub const ROUTES: &str = "/admin/routes";

/// The route editor for a family, by its code.
pub fn route_editor(family: impl Display) -> String {
    format!("{ROUTES}/{}", segment(family))
}

/// The route editor for a family with no route, starting from a copy of
/// another family's.
pub fn route_from_copy(family: impl Display, copy_from: impl Display) -> String {
    with_query(
        &route_editor(family),
        &[("copy_from", copy_from.to_string())],
    )
}

/// Every family's QC checklist templates, and the list's link in the
/// navigation.
pub const QC_TEMPLATES: &str = "/admin/qc-templates";

/// The QC template editor for a family and phase:
/// `/admin/qc-templates/ESR/final-qc`.
pub fn qc_template_editor(family: impl Display, phase: torvan::quality::QcPhase) -> String {
    format!("{QC_TEMPLATES}/{}/{}", segment(family), phase_slug(phase))
}

/// The QC template editor for a family and phase with no template,
/// starting from a copy of another family's for the same phase.
pub fn qc_template_from_copy(
    family: impl Display,
    phase: torvan::quality::QcPhase,
    copy_from: impl Display,
) -> String {
    with_query(
        &qc_template_editor(family, phase),
        &[("copy_from", copy_from.to_string())],
    )
}

/// The audit viewer filtered to one record, named by its number or id.
pub fn history(table: AuditedTable, record: impl Display) -> String {
    with_query(
        AUDIT,
        &[
            ("table", table.as_db_str().to_owned()),
            ("record", record.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_number_with_a_slash_stays_one_path_segment() {
        assert_eq!(part("T2-BODY/48"), "/inventory/parts/T2-BODY%2F48");
        assert_eq!(edit_part("A B"), "/inventory/parts/A%20B/edit");
    }

    #[test]
    fn a_bom_link_names_its_order_and_build() {
        assert_eq!(
            bom("ORD-2026-0102", "TB-2026-0102-01"),
            "/orders/ORD-2026-0102/sinks/TB-2026-0102-01/bom"
        );
    }

    #[test]
    fn a_history_link_names_the_table_and_the_record() {
        assert_eq!(
            history(AuditedTable::Parts, "T2-BODY/48"),
            "/admin/audit?table=parts&record=T2-BODY%2F48"
        );
    }

    #[test]
    fn a_qc_template_link_names_the_family_and_the_phase_as_the_editor_reads_it() {
        use torvan::quality::QcPhase;
        let editor = qc_template_editor("ESR", QcPhase::FinalQc);
        assert_eq!(editor, "/admin/qc-templates/ESR/final-qc");
        assert_eq!(phase_from_slug("final-qc"), Some(QcPhase::FinalQc));
        assert_eq!(
            qc_template_from_copy("LAB", QcPhase::PreQc, "ESR"),
            "/admin/qc-templates/LAB/pre-qc?copy_from=ESR"
        );
    }

    #[test]
    fn query_values_are_encoded_and_an_empty_query_is_left_out() {
        assert_eq!(
            with_query("/orders", &[("customer", "Smith & Co".to_owned())]),
            "/orders?customer=Smith%20%26%20Co"
        );
        assert_eq!(
            with_query("/inventory/reorder.csv", &[]),
            "/inventory/reorder.csv"
        );
    }
}
