//! One component per wizard step; each shows only the fields it owns.

mod basins;
mod body;
mod family;
mod fittings;
mod legs;
mod pegboard;

use leptos::prelude::*;
use torvan::sink::WizardStep;

use super::review::Review;

/// The fields of `step`.
pub fn step_view(step: WizardStep) -> AnyView {
    match step {
        WizardStep::Family => family::FamilyStep().into_any(),
        WizardStep::Body => body::BodyStep().into_any(),
        WizardStep::Basins => basins::BasinsStep().into_any(),
        WizardStep::Pegboard => pegboard::PegboardStep().into_any(),
        WizardStep::Legs => legs::LegsStep().into_any(),
        WizardStep::Fittings => fittings::FittingsStep().into_any(),
        WizardStep::Review => view! { <Review/> }.into_any(),
    }
}

/// "between 48 and 96 in", for a label.
fn range(span: Option<torvan::sink::Span>) -> String {
    span.map(|span| format!(" ({}–{} in)", span.min.normalize(), span.max.normalize()))
        .unwrap_or_default()
}
