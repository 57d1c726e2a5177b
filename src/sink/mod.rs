//! A configured sink: the options a family offers (data kept in the
//! database), the choices the wizard holds, the rules that decide whether
//! those choices make a buildable sink, and the price they come to. The same
//! rules run in the browser as the user picks and on the server before a
//! configuration is validated.

mod catalogue;
mod choices;
mod inches;
mod kinds;
mod price;
mod rules;
mod status;
mod step;
#[cfg(test)]
pub(crate) mod test_family;

pub use catalogue::{FamilyOptions, Limits, OptionGroup, SinkOption, Span};
pub use choices::{AccessoryChoice, BasinChoice, SinkChoices};
pub use inches::parse_inches;
pub use kinds::{LegKind, Mounting, PegboardKind, STANDARD_PEGBOARD_HEIGHT};
pub use price::{PriceBreakdown, PriceLine, quote};
pub use rules::{
    MAX_ACCESSORY_QUANTITY, MAX_QUANTITY, accessory_quantity, check, draft_check, quantity,
};
pub use status::ConfigurationStatus;
pub use step::WizardStep;
