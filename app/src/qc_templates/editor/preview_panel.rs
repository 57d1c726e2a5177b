//! The editor's preview: the template as typed planned for one sink unit
//! of the family by the server, which saves nothing. A rule that fails for
//! the unit is said here and at its item's field.

use leptos::prelude::*;
use torvan::BuildNumber;
use torvan::quality::PlannedItem;

use super::super::api::PreviewQcTemplate;
use super::messages::{Head, Items, draft};
use crate::shell::action_error;

#[component]
pub(super) fn PreviewPanel(
    family: String,
    head: Head,
    items: Items,
    builds: Vec<BuildNumber>,
    preview: ServerAction<PreviewQcTemplate>,
) -> impl IntoView {
    let builds: Vec<String> = builds.iter().map(ToString::to_string).collect();
    let chosen = RwSignal::new(builds.first().cloned().unwrap_or_default());
    let options = builds
        .iter()
        .map(|build| view! { <option value=build.clone()>{build.clone()}</option> })
        .collect_view();
    let run = move |_| {
        preview.dispatch(PreviewQcTemplate {
            family: family.clone(),
            draft: untrack(|| draft(head, items)),
            build_number: chosen.get_untracked(),
        });
    };
    view! {
        <section class="card" aria-labelledby="qc-preview-heading">
            <h2 id="qc-preview-heading">"Preview"</h2>
            {if builds.is_empty() {
                view! { <p class="empty">"No unit of this family has an approved BOM to plan a checklist for yet."</p> }.into_any()
            } else {
                view! {
                    <div class="search-form">
                        <div class="field">
                            <label for="qc-preview-build">"Unit to plan"</label>
                            <select id="qc-preview-build" on:change=move |event| chosen.set(event_target_value(&event))>{options}</select>
                        </div>
                        <button type="button" class="button" on:click=run disabled=move || preview.pending().get()>"Plan checklist"</button>
                    </div>
                }.into_any()
            }}
            {move || action_error(preview).get().map(|error| view! {
                <p class="form-error" role="alert">{error.form_message()}</p>
            })}
            {move || preview.value().get().and_then(Result::ok).map(|planned| view! { <Planned planned/> })}
        </section>
    }
}

#[component]
fn Planned(planned: Vec<PlannedItem>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table" aria-label="Planned checklist">
                <thead><tr>
                    <th scope="col" class="num">"No."</th><th scope="col">"Category"</th><th scope="col">"Check"</th>
                    <th scope="col">"Kind"</th><th scope="col">"Spec"</th><th scope="col">"Needs"</th>
                </tr></thead>
                <tbody>
                    {planned.into_iter().map(|item| {
                        let needs: Vec<&str> = [
                            (item.photo_required, "photo"),
                            (item.document_required, "document"),
                            (item.signature_required, "signature"),
                            (!item.required, "optional"),
                        ]
                        .into_iter()
                        .filter_map(|(on, what)| on.then_some(what))
                        .collect();
                        view! {
                            <tr>
                                <td class="num">{item.number}</td>
                                <td>{item.category}</td>
                                <td>{item.description}</td>
                                <td>{item.item_type.label()}</td>
                                <td>{item.spec.map(|spec| spec.describe()).unwrap_or(item.specification)}</td>
                                <td>{needs.join(", ")}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
