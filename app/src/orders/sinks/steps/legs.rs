//! The wizard's legs step: the leg kind and its height or height range.

use leptos::prelude::*;
use torvan::sink::{LegKind, OptionGroup};

use super::super::draft::Draft;
use super::super::fields::{option_select, text_input};
use super::range;

#[component]
pub fn LegsStep() -> impl IntoView {
    let draft = expect_context::<Draft>();
    let heights = range(
        draft
            .family
            .get_untracked()
            .map(|family| family.limits.height),
    );
    let adjustable = Memo::new(move |_| {
        draft
            .choices
            .with(|choices| choices.leg_kind().is_some_and(LegKind::adjustable))
    });
    let heights_view = move || {
        if adjustable.get() {
            view! {
                {text_input("leg-height-min".into(), format!("Lowest working height{heights}"), "leg_height_min".into(),
                    |choices| choices.leg_height_min.clone(), |choices, value| choices.leg_height_min = value)}
                {text_input("leg-height-max".into(), format!("Highest working height{heights}"), "leg_height_max".into(),
                    |choices| choices.leg_height_max.clone(), |choices, value| choices.leg_height_max = value)}
            }
            .into_any()
        } else {
            text_input(
                "leg-height".into(),
                format!("Working height{heights}"),
                "leg_height_min".into(),
                |choices| choices.leg_height_min.clone(),
                |choices, value| choices.leg_height_min = value,
            )
            .into_any()
        }
    };
    view! {
        {option_select("sink-legs".into(), "Support".into(), "legs".into(), OptionGroup::Legs,
            |choices| choices.legs.clone(), |choices, value| choices.legs = value)}
        {heights_view}
    }
}
