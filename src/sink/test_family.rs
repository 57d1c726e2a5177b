//! The endoscope reprocessing family as the demo data seeds it, for tests.

use rust_decimal::Decimal;

use super::{FamilyOptions, Limits, OptionGroup, SinkOption, Span};
use crate::FieldError;

fn inches(min: i64, max: i64) -> Span {
    Span {
        min: Decimal::from(min),
        max: Decimal::from(max),
    }
}

fn option(group: OptionGroup, code: &str, label: &str, price: i64, is_default: bool) -> SinkOption {
    SinkOption {
        group,
        code: code.to_owned(),
        label: label.to_owned(),
        price: Decimal::from(price),
        part_number: None,
        is_default,
    }
}

pub fn esr() -> FamilyOptions {
    use OptionGroup::*;
    FamilyOptions {
        code: "ESR".to_owned(),
        name: "Endoscope Reprocessing Sink".to_owned(),
        base_price: Decimal::from(8950),
        base_width: Decimal::from(72),
        base_depth: Decimal::from(30),
        base_height: Decimal::from(36),
        price_per_extra_inch: Decimal::from(45),
        extra_basin_price: Decimal::from(650),
        limits: Limits {
            width: inches(48, 96),
            depth: inches(24, 36),
            height: inches(32, 42),
            basin_width: inches(16, 30),
            basin_length: inches(14, 24),
            basin_depth: inches(6, 12),
            max_basins: 3,
        },
        options: vec![
            option(Material, "304", "304 stainless", 0, true),
            option(Material, "316L", "316L stainless", 1150, false),
            option(Finish, "#4 Brushed", "#4 brushed", 0, true),
            option(Finish, "Electropolished", "Electropolished", 1800, false),
            option(Mounting, "FREESTANDING", "Freestanding", 0, true),
            option(Mounting, "WALL_HUNG", "Wall-hung", 0, false),
            option(Mounting, "ISLAND", "Island", 900, false),
            option(DrainPosition, "CENTER", "Center drain", 0, true),
            option(DrainPosition, "REAR", "Rear drain", 45, false),
            option(Pegboard, "NONE", "No pegboard", 0, true),
            option(Pegboard, "STANDARD", "Standard pegboard", 640, false),
            option(Pegboard, "CUSTOM", "Custom pegboard", 1150, false),
            option(Legs, "FIXED", "Fixed legs, adjustable feet", 0, true),
            option(Legs, "CRANK", "Crank height adjustment", 1350, false),
            option(Legs, "ELECTRIC", "Electric lift columns", 3900, false),
            option(Legs, "WALL_BRACKETS", "Wall brackets", 280, false),
            option(
                Faucet,
                "GOOSENECK_WRIST_BLADE",
                "Gooseneck, wrist blades",
                385,
                true,
            ),
            option(Faucet, "INFRARED_SENSOR", "Infrared sensor", 940, false),
            option(Drain, "LEVER", "Lever drain", 95, true),
            option(Drain, "ELECTRONIC", "Electronic drain", 640, false),
            option(Accessory, "DOSING_PUMP", "Dosing pump", 1250, false),
            option(
                Accessory,
                "SCOPE_HANGER_RACK",
                "Scope hanger rack",
                310,
                false,
            ),
        ],
    }
}

pub fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|error| error.field.as_str()).collect()
}
