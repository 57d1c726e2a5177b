//! The wizard's body step: material, finish, dimensions and mounting.

use leptos::prelude::*;
use torvan::sink::OptionGroup;

use super::super::draft::Draft;
use super::super::fields::{option_select, text_input};
use super::range;

#[component]
pub fn BodyStep() -> impl IntoView {
    let draft = expect_context::<Draft>();
    let limits = draft.family.get_untracked().map(|family| family.limits);
    let limit =
        |pick: fn(&torvan::sink::Limits) -> torvan::sink::Span| range(limits.as_ref().map(pick));
    view! {
        {option_select("sink-material".into(), "Material".into(), "material".into(), OptionGroup::Material,
            |choices| choices.material.clone(), |choices, value| choices.material = value)}
        {option_select("sink-finish".into(), "Finish".into(), "finish".into(), OptionGroup::Finish,
            |choices| choices.finish.clone(), |choices, value| choices.finish = value)}
        {text_input("sink-width".into(), format!("Width{}", limit(|limits| limits.width)), "width".into(),
            |choices| choices.width.clone(), |choices, value| choices.width = value)}
        {text_input("sink-depth".into(), format!("Depth{}", limit(|limits| limits.depth)), "depth".into(),
            |choices| choices.depth.clone(), |choices, value| choices.depth = value)}
        {text_input("sink-height".into(), format!("Height{}", limit(|limits| limits.height)), "height".into(),
            |choices| choices.height.clone(), |choices, value| choices.height = value)}
        {option_select("sink-mounting".into(), "Mounting".into(), "mounting".into(), OptionGroup::Mounting,
            |choices| choices.mounting.clone(), |choices, value| choices.mounting = value)}
    }
}
