//! `/admin/routes/:family`: a family's route, step by step, checked as it
//! is typed, saved as the family's next version, planned for a build.

mod messages;
mod preview_panel;
mod step_card;
mod variables;

pub(crate) use variables::Variables;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use torvan::Action;
use torvan::workflow::route::RouteStepDraft;

use super::api::{SaveRoute, get_route};
use super::model::RouteEditor;
use crate::shell::{Crumb, FormError, Loaded, Permitted, PermittedPage, Trail, action_error};
use messages::{Steps, draft, message};
use preview_panel::PreviewPanel;
use step_card::StepCard;

#[component]
pub fn RoutePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let route = Resource::new(
        move || {
            (
                params.read().get("family").unwrap_or_default(),
                query.read().get("copy_from"),
            )
        },
        |(family, copy_from)| get_route(family, copy_from),
    );
    view! {
        <PermittedPage on=torvan::Resource::BomTemplates action=Action::Read>
            <Loaded resource=route loading="Loading the route…" render=move |editor| view! { <Editor editor/> }/>
        </PermittedPage>
    }
}

/// A new step after the last, its code ten after the highest.
fn add(steps: Steps) {
    steps.update(|steps| {
        let key = steps
            .iter()
            .map(|(key, _)| key + 1)
            .max()
            .unwrap_or_default();
        let highest = steps
            .iter()
            .filter_map(|(_, step)| step.code.trim().parse::<u16>().ok())
            .max()
            .unwrap_or_default();
        steps.push((
            key,
            RouteStepDraft {
                code: format!("{:03}", (highest + 10).min(999)),
                ..RouteStepDraft::default()
            },
        ));
    });
}

#[component]
fn Editor(editor: RouteEditor) -> impl IntoView {
    let family = editor.family_code.clone();
    let notes = RwSignal::new(editor.draft.notes.clone());
    let steps: Steps = RwSignal::new(
        editor
            .draft
            .steps
            .into_iter()
            .enumerate()
            .map(|(key, step)| (u32::try_from(key).unwrap_or(u32::MAX), step))
            .collect(),
    );
    let save = ServerAction::<SaveRoute>::new();
    let family_options = StoredValue::new(editor.family_options.clone());
    let messages = messages::checked(notes, steps, action_error(save), family_options);
    let version = RwSignal::new(editor.version);
    Effect::new(move || {
        if let Some(Ok(saved)) = save.value().get() {
            version.set(saved);
        }
    });
    let submit = {
        let family = family.clone();
        move |_| {
            save.dispatch(SaveRoute {
                family: family.clone(),
                version: version.get_untracked(),
                draft: untrack(|| draft(notes, steps)),
            });
        }
    };
    let work_centers = editor.work_centers.clone();
    let title = format!("{} route", editor.family);
    view! {
        <Title text=title.clone()/>
        <Trail trail=vec![Crumb::new("Routes", crate::routes::ROUTES)] current=title.clone()/>
        <h1>{title}<span class="subtitle" data-testid="route-version">{move || match version.get() {
            0 => "no version saved yet".to_owned(),
            saved => format!("version {saved}"),
        }}</span></h1>
        <p class="hint">
            "Each step is needed when its condition holds for the build (empty: always) and takes the minutes its formula gives; conditions and formulas use the configuration's variables, e.g. legs.kind = 'ELECTRIC' or 30 + basin_count * 20. "
            "A BOM template line names the step that consumes it; lines naming none go to the step marked as taking them."
        </p>
        <Variables family=editor.family_options summary="Variables a condition or an estimate may use"/>
        <section aria-labelledby="steps-heading">
            <h2 id="steps-heading">"Steps"</h2>
            {message(messages, || "steps".to_owned())}
            <For each=move || steps.get() key=|(key, _)| *key let:step>
                <StepCard key=step.0 steps messages work_centers=work_centers.clone()/>
            </For>
            <button type="button" class="button subtle" on:click=move |_| add(steps)>"Add step"</button>
        </section>
        <Permitted on=torvan::Resource::BomTemplates action=Action::Update>
            <div class="form">
                <label for="route-notes">"Notes on this version"</label>
                <textarea id="route-notes" rows="2" prop:value=move || notes.get()
                    on:input=move |event| notes.set(event_target_value(&event))></textarea>
            </div>
            <p class="actions">
                <button type="button" class="button" on:click=submit.clone() disabled=move || save.pending().get()>"Save route"</button>
                <span role="status">{move || match messages.count() {
                    0 => save.value().get().and_then(Result::ok).map(|saved| format!("Saved as version {saved}.")),
                    count => Some(format!("{} to correct before saving.", torvan::plural::count(count, "field", "fields"))),
                }}</span>
            </p>
            <FormError error=Signal::derive(move || {
                action_error(save).get().filter(|error| error.problems().is_empty())
            })/>
        </Permitted>
        <PreviewPanel family notes steps configurations=editor.configurations/>
    }
}
