//! The wizard's fittings step: faucet, drain and accessories.

use leptos::prelude::*;
use torvan::sink::{AccessoryChoice, OptionGroup};

use super::super::draft::Draft;
use super::super::fields::{option_select, text_input};

#[component]
pub fn FittingsStep() -> impl IntoView {
    let draft = expect_context::<Draft>();
    let several_basins = move || draft.choices.with(|choices| choices.basins.len() > 1);
    let shared = move || {
        several_basins().then(|| {
            view! {
                <div class="field check">
                    <input
                        id="faucet-shared"
                        type="checkbox"
                        disabled=draft.readonly
                        prop:checked=move || draft.choices.with(|choices| choices.faucet_shared)
                        on:change=move |event| {
                            let shared = event_target_checked(&event);
                            draft.update(|choices| choices.faucet_shared = shared);
                        }
                    />
                    <label for="faucet-shared">"One faucet shared by all basins"</label>
                </div>
            }
        })
    };
    let add = move |_| {
        let Some(family) = draft.family.get_untracked() else {
            return;
        };
        draft.update(|choices| {
            let unused = family.in_group(OptionGroup::Accessory).find(|option| {
                !choices
                    .accessories
                    .iter()
                    .any(|listed| listed.code == option.code)
            });
            if let Some(option) = unused {
                choices.accessories.push(AccessoryChoice {
                    code: option.code.clone(),
                    quantity: "1".into(),
                });
            }
        });
    };
    let count = move || draft.choices.with(|choices| choices.accessories.len());
    view! {
        {option_select("sink-faucet".into(), "Faucet".into(), "faucet".into(), OptionGroup::Faucet,
            |choices| choices.faucet.clone(), |choices, value| choices.faucet = value)}
        {shared}
        {option_select("sink-drain".into(), "Drain".into(), "drain".into(), OptionGroup::Drain,
            |choices| choices.drain.clone(), |choices, value| choices.drain = value)}
        <fieldset class="accessories">
            <legend>"Accessories"</legend>
            {move || (count() == 0).then(|| view! { <p class="empty">"No accessories."</p> })}
            {move || (0..count()).map(accessory).collect_view()}
            {(!draft.readonly).then(|| view! {
                <button type="button" class="button subtle" on:click=add>"Add accessory"</button>
            })}
        </fieldset>
    }
}

fn accessory(index: usize) -> impl IntoView {
    let draft = expect_context::<Draft>();
    let number = index + 1;
    let read = move |choices: &torvan::sink::SinkChoices| {
        choices.accessories.get(index).cloned().unwrap_or_default()
    };
    let remove = move |_| {
        draft.update(|choices| {
            if index < choices.accessories.len() {
                choices.accessories.remove(index);
            }
        })
    };
    view! {
        <div class="accessory-row">
            {option_select(format!("accessory-{number}"), format!("Accessory {number}"), format!("accessories.{index}.code"),
                OptionGroup::Accessory,
                move |choices| read(choices).code,
                move |choices, value| if let Some(item) = choices.accessories.get_mut(index) { item.code = value })}
            {text_input(format!("accessory-{number}-quantity"), format!("Accessory {number} quantity"),
                format!("accessories.{index}.quantity"),
                move |choices| read(choices).quantity,
                move |choices, value| if let Some(item) = choices.accessories.get_mut(index) { item.quantity = value })}
            {(!draft.readonly).then(|| view! {
                <button type="button" class="button subtle" on:click=remove>{format!("Remove accessory {number}")}</button>
            })}
        </div>
    }
}
