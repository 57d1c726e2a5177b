//! What a TORVAN label's QR code holds, and what a scan of it (or of a
//! number typed by hand) opens (issue #18).
//!
//! A code names its kind and then the record: `TORVAN:BUILD:TB-2026-0101-01-1`,
//! `TORVAN:PART:710-0042`, `TORVAN:LOT:<id>`, `TORVAN:TASK:TB-2026-0101-01-1-040`,
//! `TORVAN:ORDER:ORD-2026-0101`. The kind is spelled out because part and lot
//! numbers come from suppliers and can look like anything, so a bare one
//! could never be told from another kind. A handheld scanner that types
//! like a keyboard sends the same text, and the same function reads both,
//! in the browser and on the server. Typed by hand, the order and build
//! numbers people read off paperwork are recognised without the prefix.

use std::fmt;

use uuid::Uuid;

use crate::part_number::PartNumber;
use crate::workflow::TaskNumber;
use crate::{BuildNumber, FieldError, OrderNumber};

/// The field a scan is read at.
pub const FIELD: &str = "code";

/// The prefix of every code TORVAN prints.
const PREFIX: &str = "TORVAN:";

/// The record a label names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelCode {
    Order(OrderNumber),
    /// A unit (or, for a single sink, its configuration).
    Build(BuildNumber),
    Task(TaskNumber),
    Part(PartNumber),
    /// A lot of a part, by its id: lot numbers repeat across parts.
    Lot(Uuid),
}

impl LabelCode {
    /// Reads what a scanner or a person typed; refused at [`FIELD`] with
    /// what it is not.
    pub fn read(scanned: &str) -> Result<Self, FieldError> {
        let text = scanned.trim();
        if text.is_empty() {
            return Err(refusal("Scan a label, or type an order or build number."));
        }
        let Some(coded) = strip_prefix_ignoring_case(text, PREFIX) else {
            return bare(text);
        };
        let (kind, value) = coded.split_once(':').ok_or_else(|| unreadable(text))?;
        let read = match kind.to_ascii_uppercase().as_str() {
            "ORDER" => OrderNumber::parse(value).ok().map(Self::Order),
            "BUILD" => BuildNumber::parse(value).ok().map(Self::Build),
            "TASK" => TaskNumber::parse(&value.to_ascii_uppercase())
                .ok()
                .map(Self::Task),
            "PART" => PartNumber::parse(value).ok().map(Self::Part),
            "LOT" => Uuid::parse_str(value.trim()).ok().map(Self::Lot),
            _ => None,
        };
        read.ok_or_else(|| unreadable(text))
    }
}

/// The text a label's QR code holds: [`LabelCode::read`] reads it back.
impl fmt::Display for LabelCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, value) = match self {
            Self::Order(number) => ("ORDER", number.to_string()),
            Self::Build(number) => ("BUILD", number.to_string()),
            Self::Task(number) => ("TASK", number.to_string()),
            Self::Part(number) => ("PART", number.to_string()),
            Self::Lot(id) => ("LOT", id.to_string()),
        };
        write!(f, "{PREFIX}{kind}:{value}")
    }
}

/// A number typed by hand: an order's or a build's, as printed on
/// paperwork.
fn bare(text: &str) -> Result<LabelCode, FieldError> {
    let upper = text.to_ascii_uppercase();
    let read = if upper.starts_with("ORD-") {
        OrderNumber::parse(&upper).ok().map(LabelCode::Order)
    } else if upper.starts_with("TB-") {
        BuildNumber::parse(&upper).ok().map(LabelCode::Build)
    } else {
        None
    };
    read.ok_or_else(|| unreadable(text))
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn unreadable(text: &str) -> FieldError {
    let shown: String = text.chars().take(60).collect();
    refusal(format!(
        "“{shown}” is not a TORVAN label, nor an order (ORD-…) or build (TB-…) number."
    ))
}

fn refusal(message: impl Into<String>) -> FieldError {
    FieldError::new(FIELD, message)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn read(text: &str) -> LabelCode {
        LabelCode::read(text).unwrap()
    }

    fn refused(text: &str) -> String {
        let error = LabelCode::read(text).unwrap_err();
        assert_eq!(error.field, FIELD);
        error.message
    }

    fn build(number: &str) -> LabelCode {
        LabelCode::Build(BuildNumber::parse(number).unwrap())
    }

    #[test]
    fn every_kind_of_code_reads_back_as_it_was_printed() {
        let lot = Uuid::from_u128(0x4471);
        for code in [
            LabelCode::Order(OrderNumber::parse("ORD-2026-0101").unwrap()),
            build("TB-2026-0101-01-1"),
            LabelCode::Task(TaskNumber::parse("TB-2026-0101-01-1-040").unwrap()),
            LabelCode::Part(PartNumber::parse("T2-BODY-48").unwrap()),
            LabelCode::Lot(lot),
        ] {
            assert_eq!(read(&code.to_string()), code);
        }
        assert_eq!(
            LabelCode::Lot(lot).to_string(),
            "TORVAN:LOT:00000000-0000-0000-0000-000000004471"
        );
    }

    #[test]
    fn a_scanner_s_case_and_spaces_do_not_matter() {
        assert_eq!(
            read("  torvan:build:tb-2026-0101-01-1\n"),
            build("TB-2026-0101-01-1")
        );
        assert_eq!(
            read("Torvan:Part:t2-body-48"),
            LabelCode::Part(PartNumber::parse("T2-BODY-48").unwrap())
        );
    }

    #[test]
    fn order_and_build_numbers_typed_by_hand_are_read_without_the_prefix() {
        assert_eq!(
            read("ord-2026-0105"),
            LabelCode::Order(OrderNumber::parse("ORD-2026-0105").unwrap())
        );
        assert_eq!(read("TB-2026-0105-01"), build("TB-2026-0105-01"));
    }

    #[test]
    fn anything_else_is_refused_at_the_field_saying_what_a_code_is() {
        assert!(refused("   ").contains("Scan a label"));
        assert!(refused("4006381333931").contains("not a TORVAN label"));
        assert!(refused("TORVAN:SHELF:A-1").contains("not a TORVAN label"));
        assert!(refused("TORVAN:LOT:L-4471").contains("not a TORVAN label"));
        assert!(refused("TORVAN:BUILD").contains("not a TORVAN label"));
        assert!(refused("TB-2026 0101").contains("not a TORVAN label"));
        assert!(refused(&"x".repeat(500)).chars().count() < 140);
    }

    proptest! {
        /// Whatever a scanner sends, reading it answers, never panics.
        #[test]
        fn any_text_is_read_or_refused(text in "\\PC{0,80}") {
            let _ = LabelCode::read(&text);
        }

        #[test]
        fn any_part_number_survives_its_label(number in "[A-Z0-9][A-Z0-9._/-]{0,40}") {
            let code = LabelCode::Part(PartNumber::parse(&number).unwrap());
            prop_assert_eq!(LabelCode::read(&code.to_string()).unwrap(), code);
        }
    }
}
