//! The wizard's first step: the sink family and how many identical sinks.

use leptos::prelude::*;
use torvan::sink::{MAX_QUANTITY, SinkChoices};

use super::super::draft::Draft;
use super::super::fields::{Problem, text_input};

#[component]
pub fn FamilyStep() -> impl IntoView {
    let draft = expect_context::<Draft>();
    let families = draft.families;
    let options = move || {
        let chosen = draft.choices.with(|choices| choices.family.clone());
        families.with_value(|families| {
            families
                .iter()
                .map(|family| {
                    let selected = family.code == chosen;
                    view! { <option value=family.code.clone() selected=selected>{family.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let choose = move |code: String| {
        let Some(family) = families
            .with_value(|families| families.iter().find(|family| family.code == code).cloned())
        else {
            return;
        };
        draft.update(|choices| {
            let quantity = std::mem::take(&mut choices.quantity);
            *choices = SinkChoices {
                quantity,
                ..SinkChoices::defaults_for(&family)
            };
        });
    };
    view! {
        <div class="field">
            <label for="sink-family">"Sink family"</label>
            <select id="sink-family" disabled=draft.readonly on:change=move |event| choose(event_target_value(&event))>
                {options}
            </select>
            <p class="hint">"Choosing another family starts again from that family's standard sink."</p>
            <Problem field="family".to_owned()/>
        </div>
        {text_input(
            "sink-quantity".into(),
            format!("Number of identical sinks (1–{MAX_QUANTITY})"),
            "quantity".into(),
            |choices| choices.quantity.clone(),
            |choices, value| choices.quantity = value,
        )}
    }
}
