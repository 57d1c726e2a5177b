//! The wizard's inputs: each labelled, bound to one choice, and showing the
//! rule it breaks as soon as it breaks it.

use leptos::prelude::*;
use torvan::sink::{OptionGroup, SinkChoices};

use super::draft::Draft;
use crate::money::money;
use crate::shell::field_error;

/// The message at one field, if its rule is broken.
#[component]
pub fn Problem(field: String) -> impl IntoView {
    let draft = expect_context::<Draft>();
    move || {
        draft
            .message(&field)
            .map(|message| field_error(field.clone(), message))
    }
}

/// A length or count typed as text, so a half-typed value stays visible
/// beside its message.
pub fn text_input<G, S>(id: String, label: String, field: String, get: G, set: S) -> impl IntoView
where
    G: Fn(&SinkChoices) -> String + Copy + Send + Sync + 'static,
    S: Fn(&mut SinkChoices, String) + Copy + Send + Sync + 'static,
{
    let draft = expect_context::<Draft>();
    let checked = field.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                disabled=draft.readonly
                aria-invalid=move || if draft.message(&checked).is_some() { "true" } else { "false" }
                value=draft.choices.with_untracked(get)
                prop:value=move || draft.choices.with(get)
                on:input=move |event| {
                    let value = event_target_value(&event);
                    draft.update(|choices| set(choices, value));
                }
            />
            <Problem field/>
        </div>
    }
}

/// One of the family's options in `group`, with what it adds to the price.
pub fn option_select<G, S>(
    id: String,
    label: String,
    field: String,
    group: OptionGroup,
    get: G,
    set: S,
) -> impl IntoView
where
    G: Fn(&SinkChoices) -> String + Copy + Send + Sync + 'static,
    S: Fn(&mut SinkChoices, String) + Copy + Send + Sync + 'static,
{
    let draft = expect_context::<Draft>();
    let options = move || {
        let chosen = draft.choices.with(get);
        let offered = draft
            .family
            .get()
            .map(|family| family.in_group(group).cloned().collect::<Vec<_>>());
        let offered = offered.unwrap_or_default();
        let missing = !chosen.is_empty() && !offered.iter().any(|option| option.code == chosen);
        let placeholder = (chosen.is_empty() || missing).then(|| {
            view! { <option value="" selected=true>"— choose —"</option> }
        });
        let choices = offered
            .into_iter()
            .map(|option| {
                let text = if option.price.is_zero() {
                    option.label
                } else {
                    format!("{} (+{})", option.label, money(option.price))
                };
                let selected = option.code == chosen;
                view! { <option value=option.code selected=selected>{text}</option> }
            })
            .collect_view();
        view! { {placeholder}{choices} }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                disabled=draft.readonly
                on:change=move |event| {
                    let value = event_target_value(&event);
                    draft.update(|choices| set(choices, value));
                }
            >
                {options}
            </select>
            <Problem field/>
        </div>
    }
}
