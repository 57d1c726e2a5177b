use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{FamilyOptions, LegKind, OptionGroup, PegboardKind};
use crate::{DbEnum, FieldError};

/// More basins than any family takes: the rules then say the family's own
/// limit. A list longer than this is not a sink anyone configures.
pub const MAX_BASINS: usize = 8;
/// More accessory lines than one sink carries (each accessory once).
pub const MAX_ACCESSORIES: usize = 64;

/// The wizard's answers as the user gives them: numbers stay text until the
/// rules read them, so a half-typed value is kept, not dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SinkChoices {
    pub family: String,
    pub quantity: String,
    pub material: String,
    pub finish: String,
    pub width: String,
    pub depth: String,
    pub height: String,
    pub mounting: String,
    pub basins: Vec<BasinChoice>,
    pub pegboard: String,
    pub pegboard_width: String,
    pub pegboard_height: String,
    pub legs: String,
    pub leg_height_min: String,
    pub leg_height_max: String,
    pub faucet: String,
    /// One faucet serves every basin instead of one per basin.
    pub faucet_shared: bool,
    pub drain: String,
    pub accessories: Vec<AccessoryChoice>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BasinChoice {
    pub width: String,
    pub length: String,
    pub depth: String,
    pub drain_position: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccessoryChoice {
    pub code: String,
    pub quantity: String,
}

fn text(value: Decimal) -> String {
    value.normalize().to_string()
}

impl SinkChoices {
    /// A family's starting point: its base body, default options, one basin
    /// of the smallest size and no pegboard or accessories.
    pub fn defaults_for(family: &FamilyOptions) -> Self {
        let height = text(family.base_height);
        Self {
            family: family.code.clone(),
            quantity: "1".to_owned(),
            material: family.default_code(OptionGroup::Material),
            finish: family.default_code(OptionGroup::Finish),
            width: text(family.base_width),
            depth: text(family.base_depth),
            height: height.clone(),
            mounting: family.default_code(OptionGroup::Mounting),
            basins: vec![Self::default_basin(family)],
            pegboard: PegboardKind::None.as_db_str().to_owned(),
            pegboard_width: String::new(),
            pegboard_height: String::new(),
            legs: family.default_code(OptionGroup::Legs),
            leg_height_min: height.clone(),
            leg_height_max: height,
            faucet: family.default_code(OptionGroup::Faucet),
            faucet_shared: false,
            drain: family.default_code(OptionGroup::Drain),
            accessories: Vec::new(),
        }
    }

    fn default_basin(family: &FamilyOptions) -> BasinChoice {
        BasinChoice {
            width: text(family.limits.basin_width.min),
            length: text(family.limits.basin_length.min),
            depth: text(family.limits.basin_depth.min),
            drain_position: family.default_code(OptionGroup::DrainPosition),
        }
    }

    /// Adds basins like the last one, or drops basins from the end.
    pub fn set_basin_count(&mut self, count: usize, family: &FamilyOptions) {
        let template = self
            .basins
            .last()
            .cloned()
            .unwrap_or_else(|| Self::default_basin(family));
        self.basins.resize(count, template);
    }

    pub fn faucet_count(&self) -> usize {
        if self.faucet_shared {
            self.basins.len().min(1)
        } else {
            self.basins.len()
        }
    }

    pub fn leg_kind(&self) -> Option<LegKind> {
        LegKind::parse(&self.legs).ok()
    }

    /// Refuses lists no configuration has, before any rule walks them, so
    /// the work a save does (and the messages it answers) stays small.
    pub fn check_list_lengths(&self) -> Result<(), FieldError> {
        if self.basins.len() > MAX_BASINS {
            return Err(FieldError::new(
                "basins",
                format!("A sink takes at most {MAX_BASINS} basins."),
            ));
        }
        if self.accessories.len() > MAX_ACCESSORIES {
            return Err(FieldError::new(
                "accessories",
                format!("A sink carries at most {MAX_ACCESSORIES} accessory lines."),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::test_family::esr;

    #[test]
    fn a_new_configuration_starts_from_the_family_base() {
        let choices = SinkChoices::defaults_for(&esr());
        assert_eq!(choices.width, "72");
        assert_eq!(choices.material, "304");
        assert_eq!(choices.basins.len(), 1);
        assert_eq!(choices.pegboard, "NONE");
    }

    #[test]
    fn lists_longer_than_any_sink_has_are_refused() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        assert_eq!(choices.check_list_lengths(), Ok(()));
        choices.accessories = vec![AccessoryChoice::default(); MAX_ACCESSORIES + 1];
        assert_eq!(
            choices.check_list_lengths().unwrap_err().field,
            "accessories"
        );
        choices.accessories.clear();
        choices.basins = vec![BasinChoice::default(); MAX_BASINS + 1];
        assert_eq!(choices.check_list_lengths().unwrap_err().field, "basins");
    }

    #[test]
    fn more_basins_copy_the_last_one() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.basins[0].depth = "10".to_owned();
        choices.set_basin_count(3, &family);
        assert_eq!(choices.basins.len(), 3);
        assert_eq!(choices.basins[2].depth, "10");
        choices.set_basin_count(2, &family);
        assert_eq!(choices.basins.len(), 2);
    }

    #[test]
    fn a_shared_faucet_serves_every_basin() {
        let family = esr();
        let mut choices = SinkChoices::defaults_for(&family);
        choices.set_basin_count(3, &family);
        assert_eq!(choices.faucet_count(), 3);
        choices.faucet_shared = true;
        assert_eq!(choices.faucet_count(), 1);
    }
}
