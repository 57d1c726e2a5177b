use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::rules::{accessory_quantity, quantity};
use super::{FamilyOptions, OptionGroup, SinkChoices, parse_inches};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceLine {
    pub label: String,
    pub amount: Decimal,
}

/// What one sink costs, line by line, and what the configuration's identical
/// sinks cost together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceBreakdown {
    pub lines: Vec<PriceLine>,
    pub unit_price: Decimal,
    /// The sinks and their total, once the quantity is a valid one.
    pub total: Option<(u32, Decimal)>,
}

/// Prices the valid part of `choices`, so the wizard shows a live figure
/// while a value is still being corrected: a value its field refuses (a
/// width outside the family's limits, an accessory count out of range) adds
/// no line, and options with no price add none either.
pub fn quote(choices: &SinkChoices, family: &FamilyOptions) -> PriceBreakdown {
    let mut lines = vec![PriceLine {
        label: format!("{} base price", family.name),
        amount: family.base_price,
    }];
    let mut add = |label: String, amount: Decimal| {
        if !amount.is_zero() {
            lines.push(PriceLine {
                label,
                amount: amount.round_dp(2),
            });
        }
    };
    if let Ok(width) = parse_inches(&choices.width)
        && family.limits.width.contains(width)
        && width > family.base_width
    {
        let extra = width - family.base_width;
        add(
            format!("Extra width: {} in", extra.normalize()),
            extra * family.price_per_extra_inch,
        );
    }
    let mut option = |group: OptionGroup, code: &str, count: usize| {
        if let Some(option) = family.find(group, code) {
            let label = match count {
                1 => option.label.clone(),
                _ => format!("{} × {count}", option.label),
            };
            add(label, option.price * Decimal::from(count));
        }
    };
    option(OptionGroup::Material, &choices.material, 1);
    option(OptionGroup::Finish, &choices.finish, 1);
    option(OptionGroup::Mounting, &choices.mounting, 1);
    for basin in &choices.basins {
        option(OptionGroup::DrainPosition, &basin.drain_position, 1);
    }
    option(OptionGroup::Pegboard, &choices.pegboard, 1);
    option(OptionGroup::Legs, &choices.legs, 1);
    option(OptionGroup::Faucet, &choices.faucet, choices.faucet_count());
    option(OptionGroup::Drain, &choices.drain, choices.basins.len());
    for accessory in &choices.accessories {
        if let Some(count) = accessory_quantity(&accessory.quantity) {
            option(OptionGroup::Accessory, &accessory.code, count as usize);
        }
    }
    let extra_basins = choices.basins.len().saturating_sub(1);
    add(
        format!("Extra basins × {extra_basins}"),
        family.extra_basin_price * Decimal::from(extra_basins),
    );
    let unit_price: Decimal = lines.iter().map(|line| line.amount).sum();
    PriceBreakdown {
        lines,
        unit_price,
        total: quantity(&choices.quantity).map(|sinks| (sinks, unit_price * Decimal::from(sinks))),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::sink::test_family::esr;

    fn money(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn the_base_configuration_costs_the_base_price_plus_default_fittings() {
        let family = esr();
        let breakdown = quote(&SinkChoices::defaults_for(&family), &family);
        let labels: Vec<&str> = breakdown
            .lines
            .iter()
            .map(|line| line.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "Endoscope Reprocessing Sink base price",
                "Gooseneck, wrist blades",
                "Lever drain"
            ]
        );
        assert_eq!(breakdown.unit_price, money("9430.00"));
    }

    #[test]
    fn options_add_their_prices_per_basin_faucet_and_accessory() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.width = "84".to_owned();
        choices.material = "316L".to_owned();
        choices.set_basin_count(3, &family);
        choices.faucet = "INFRARED_SENSOR".to_owned();
        choices.accessories = vec![crate::sink::AccessoryChoice {
            code: "DOSING_PUMP".to_owned(),
            quantity: "2".to_owned(),
        }];
        choices.quantity = "2".to_owned();
        let breakdown = quote(&choices, &family);
        let line = |label: &str| {
            breakdown
                .lines
                .iter()
                .find(|line| line.label == label)
                .map(|line| line.amount)
        };
        assert_eq!(line("Extra width: 12 in"), Some(money("540.00")));
        assert_eq!(line("Infrared sensor × 3"), Some(money("2820.00")));
        assert_eq!(line("Lever drain × 3"), Some(money("285.00")));
        assert_eq!(line("Dosing pump × 2"), Some(money("2500.00")));
        assert_eq!(line("Extra basins × 2"), Some(money("1300.00")));
        // 8950 + 540 + 1150 (316L) + 2820 + 285 + 2500 + 1300
        assert_eq!(breakdown.unit_price, money("17545.00"));
        assert_eq!(breakdown.total, Some((2, money("35090.00"))));
    }

    #[test]
    fn values_their_fields_refuse_add_nothing_to_the_price() {
        let family = esr();
        let base = quote(&SinkChoices::defaults_for(&family), &family);
        let mut choices = SinkChoices::defaults_for(&family);
        choices.width = "1e20".to_owned();
        assert_eq!(quote(&choices, &family), base);
        choices.width = "100000000000000000000".to_owned();
        assert_eq!(quote(&choices, &family), base);
        choices.accessories = vec![crate::sink::AccessoryChoice {
            code: "DOSING_PUMP".to_owned(),
            quantity: "5000".to_owned(),
        }];
        assert_eq!(quote(&choices, &family).unit_price, base.unit_price);
        choices.quantity = "0".to_owned();
        assert_eq!(quote(&choices, &family).total, None);
    }

    proptest! {
        #[test]
        fn the_total_is_the_sum_of_the_lines_times_the_quantity(
            basins in 0usize..5,
            quantity in 0u32..120,
            width in 40u32..110,
            shared: bool,
        ) {
            let family = esr();
            let mut choices = SinkChoices::defaults_for(&family);
            choices.set_basin_count(basins, &family);
            choices.quantity = quantity.to_string();
            choices.width = width.to_string();
            choices.faucet_shared = shared;
            let breakdown = quote(&choices, &family);
            let sum: Decimal = breakdown.lines.iter().map(|line| line.amount).sum();
            prop_assert_eq!(breakdown.unit_price, sum);
            let valid = (1..=crate::sink::MAX_QUANTITY).contains(&quantity);
            prop_assert_eq!(breakdown.total, valid.then(|| (quantity, sum * Decimal::from(quantity))));
            prop_assert!(breakdown.unit_price >= family.base_price);
        }
    }
}
