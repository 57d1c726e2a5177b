//! The wizard's pegboard step: none, standard or a custom size.

use leptos::prelude::*;
use torvan::DbEnum;
use torvan::sink::{OptionGroup, PegboardKind, STANDARD_PEGBOARD_HEIGHT};

use super::super::draft::Draft;
use super::super::fields::{option_select, text_input};

#[component]
pub fn PegboardStep() -> impl IntoView {
    let draft = expect_context::<Draft>();
    let kind = move || {
        draft
            .choices
            .with(|choices| PegboardKind::parse(&choices.pegboard).ok())
    };
    let detail = move || {
        match kind() {
        Some(PegboardKind::Custom) => view! {
            {text_input("pegboard-width".into(), "Custom pegboard width (in, at most the body width)".into(),
                "pegboard_width".into(), |choices| choices.pegboard_width.clone(), |choices, value| choices.pegboard_width = value)}
            {text_input("pegboard-height".into(), "Custom pegboard height (12–48 in)".into(),
                "pegboard_height".into(), |choices| choices.pegboard_height.clone(), |choices, value| choices.pegboard_height = value)}
        }
        .into_any(),
        Some(PegboardKind::Standard) => {
            let width = draft.choices.with(|choices| choices.width.clone());
            view! { <p class="hint">{format!("A standard pegboard spans the body: {width} in wide, {STANDARD_PEGBOARD_HEIGHT} in high.")}</p> }.into_any()
        }
        _ => ().into_any(),
    }
    };
    view! {
        {option_select("sink-pegboard".into(), "Pegboard".into(), "pegboard".into(), OptionGroup::Pegboard,
            |choices| choices.pegboard.clone(), |choices, value| choices.pegboard = value)}
        {detail}
    }
}
