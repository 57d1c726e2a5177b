//! The names of the variables a BOM template may use, with the help the
//! template editor shows for each.

use crate::rule_language::ValueKind::{self, Bool, Number, Text};
use crate::sink::{FamilyOptions, OptionGroup};

/// Basins a template can name one by one (`basin1` … `basin6`).
pub const MAX_NAMED_BASINS: usize = 6;

pub(super) type Entry = (&'static str, ValueKind, &'static str);

/// Every sink has these whatever its basins and accessories; lengths are
/// inches.
pub(super) const SINK: &[Entry] = &[
    ("family", Text, "Sink family code, e.g. ESR."),
    (
        "quantity",
        Number,
        "Number of identical sinks on the configuration.",
    ),
    (
        "body.material",
        Text,
        "Body material code, e.g. 304 or 316L.",
    ),
    ("body.finish", Text, "Body finish code."),
    ("body.mounting", Text, "FREESTANDING, WALL_HUNG or ISLAND."),
    ("body.width", Number, "Body width, in."),
    ("body.depth", Number, "Body depth, in."),
    ("body.height", Number, "Body height, in."),
    ("basin_count", Number, "Number of basins."),
    ("basins.total_width", Number, "Sum of the basin widths, in."),
    (
        "basins.max_depth",
        Number,
        "Depth of the deepest basin, in.",
    ),
    ("pegboard.kind", Text, "NONE, STANDARD or CUSTOM."),
    (
        "pegboard.present",
        Bool,
        "True when the sink has a pegboard.",
    ),
    (
        "pegboard.is_custom",
        Bool,
        "True for a custom-size pegboard.",
    ),
    (
        "pegboard.width",
        Number,
        "Pegboard width, in: the body width for a standard one, 0 without.",
    ),
    (
        "pegboard.height",
        Number,
        "Pegboard height, in: 0 without one or when none was given.",
    ),
    (
        "pegboard_area",
        Number,
        "Pegboard width × height, square inches.",
    ),
    (
        "pegboard.part",
        Text,
        "Part number of the chosen pegboard option, or empty.",
    ),
    (
        "legs.kind",
        Text,
        "FIXED, CASTERS, CRANK, ELECTRIC or WALL_BRACKETS.",
    ),
    (
        "legs.adjustable",
        Bool,
        "True for a crank or electric height-adjustable frame.",
    ),
    (
        "legs.height",
        Number,
        "Working height, in: the lowest one of an adjustable frame.",
    ),
    (
        "legs.height_max",
        Number,
        "Top height of an adjustable frame, in; the working height otherwise.",
    ),
    (
        "legs.part",
        Text,
        "Part number of the chosen support option, or empty.",
    ),
    ("faucet", Text, "Faucet code."),
    (
        "faucet_count",
        Number,
        "Number of faucets: one per basin, or one when shared.",
    ),
    (
        "faucet.part",
        Text,
        "Part number of the chosen faucet option, or empty.",
    ),
    ("drain", Text, "Drain code."),
    (
        "drain.part",
        Text,
        "Part number of the chosen drain option, or empty.",
    ),
    (
        "accessory_count",
        Number,
        "Number of accessories, all kinds together.",
    ),
];

/// What each basin has, named `basin<n>.<field>` with n from 1.
pub(super) const BASIN: &[Entry] = &[
    ("width", Number, "Width of this basin, in."),
    ("length", Number, "Length of this basin, front to back, in."),
    ("depth", Number, "Depth of this basin, in."),
    (
        "drain_position",
        Text,
        "Drain position code of this basin, e.g. CENTER.",
    ),
];

pub(super) const ACCESSORY_QUANTITY: &str =
    "How many of this accessory the sink has; 0 when not chosen.";
pub(super) const ACCESSORY_PART: &str = "Part number of this accessory option, or empty.";

pub(super) fn basin_name(number: usize, field: &str) -> String {
    format!("basin{number}.{field}")
}

pub(super) fn accessory_name(code: &str) -> String {
    format!("accessory.{code}")
}

pub(super) fn accessory_part_name(code: &str) -> String {
    format!("accessory.{code}.part")
}

/// The family's accessories a rule can name: a code that is not one word
/// (`SCOPE-RACK`) would read as arithmetic, so it has no variable.
pub(super) fn accessory_codes(family: &FamilyOptions) -> impl Iterator<Item = &str> {
    family
        .in_group(OptionGroup::Accessory)
        .map(|option| option.code.as_str())
        .filter(|code| is_identifier(code))
}

/// One word of a rule's dotted name, as the rule language reads it.
pub(super) fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
