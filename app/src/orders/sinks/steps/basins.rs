//! The wizard's basins step: how many basins, and each one's size and drain.

use leptos::prelude::*;
use torvan::sink::OptionGroup;

use super::super::draft::Draft;
use super::super::fields::{Problem, option_select, text_input};
use super::range;

#[component]
pub fn BasinsStep() -> impl IntoView {
    let draft = expect_context::<Draft>();
    let family = draft.family.get_untracked();
    let max = family.as_ref().map_or(1, |family| family.limits.max_basins);
    let count = move || draft.choices.with(|choices| choices.basins.len());
    let set_count = move |value: String| {
        let (Ok(count), Some(family)) = (value.parse::<usize>(), draft.family.get_untracked())
        else {
            return;
        };
        draft.update(|choices| choices.set_basin_count(count, &family));
    };
    let counts = move || {
        let current = count();
        (1..=max.max(current))
            .map(|n| view! { <option value=n.to_string() selected=n == current>{n.to_string()}</option> })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="sink-basin-count">{format!("Number of basins (at most {max})")}</label>
            <select id="sink-basin-count" disabled=draft.readonly on:change=move |event| set_count(event_target_value(&event))>
                {counts}
            </select>
            <Problem field="basins".to_owned()/>
        </div>
        {move || (0..count()).map(|index| basin(index, family.as_ref().map(|family| family.limits.clone()))).collect_view()}
    }
}

fn basin(index: usize, limits: Option<torvan::sink::Limits>) -> impl IntoView {
    let number = index + 1;
    let id = |name: &str| format!("basin-{number}-{name}");
    let field = |name: &str| format!("basins.{index}.{name}");
    let label = |what: &str, span: Option<torvan::sink::Span>| {
        format!("Basin {number} {what}{}", range(span))
    };
    let read = move |choices: &torvan::sink::SinkChoices| {
        choices.basins.get(index).cloned().unwrap_or_default()
    };
    view! {
        <fieldset class="basin">
            <legend>{format!("Basin {number}")}</legend>
            {text_input(id("width"), label("width", limits.as_ref().map(|l| l.basin_width)), field("width"),
                move |choices| read(choices).width,
                move |choices, value| if let Some(basin) = choices.basins.get_mut(index) { basin.width = value })}
            {text_input(id("length"), label("length, front to back", limits.as_ref().map(|l| l.basin_length)), field("length"),
                move |choices| read(choices).length,
                move |choices, value| if let Some(basin) = choices.basins.get_mut(index) { basin.length = value })}
            {text_input(id("depth"), label("depth", limits.as_ref().map(|l| l.basin_depth)), field("depth"),
                move |choices| read(choices).depth,
                move |choices, value| if let Some(basin) = choices.basins.get_mut(index) { basin.depth = value })}
            {option_select(id("drain"), format!("Basin {number} drain position"), field("drain_position"), OptionGroup::DrainPosition,
                move |choices| read(choices).drain_position,
                move |choices, value| if let Some(basin) = choices.basins.get_mut(index) { basin.drain_position = value })}
        </fieldset>
    }
}
