//! The editor's preview: the route as typed planned for one build of the
//! family by the server, which saves nothing.

use leptos::prelude::*;
use torvan::{BuildNumber, OrderNumber};

use super::super::api::PreviewRoute;
use super::super::model::PlannedTask;
use super::messages::{Steps, draft};
use crate::shell::{FormError, action_error};

#[component]
pub(super) fn PreviewPanel(
    family: String,
    notes: RwSignal<String>,
    steps: Steps,
    configurations: Vec<(OrderNumber, BuildNumber)>,
) -> impl IntoView {
    let preview = ServerAction::<PreviewRoute>::new();
    let configurations: Vec<(String, String)> = configurations
        .into_iter()
        .map(|(order, build)| (order.to_string(), build.to_string()))
        .collect();
    let chosen = RwSignal::new(configurations.first().cloned().unwrap_or_default());
    let options = configurations
        .iter()
        .map(|(order, build)| {
            let value = format!("{order}|{build}");
            view! { <option value=value>{format!("{build} (order {order})")}</option> }
        })
        .collect_view();
    let run = move |_| {
        let (order_number, build_number) = chosen.get_untracked();
        preview.dispatch(PreviewRoute {
            family: family.clone(),
            draft: untrack(|| draft(notes, steps)),
            order_number,
            build_number,
        });
    };
    view! {
        <section class="card" aria-labelledby="route-preview-heading">
            <h2 id="route-preview-heading">"Preview"</h2>
            {if configurations.is_empty() {
                view! { <p class="empty">"No validated or approved configuration of this family to plan yet."</p> }.into_any()
            } else {
                view! {
                    <div class="search-form">
                        <div class="field">
                            <label for="route-preview-configuration">"Build to plan"</label>
                            <select id="route-preview-configuration" on:change=move |event| {
                                let value = event_target_value(&event);
                                if let Some((order, build)) = value.split_once('|') {
                                    chosen.set((order.to_owned(), build.to_owned()));
                                }
                            }>{options}</select>
                        </div>
                        <button type="button" class="button" on:click=run disabled=move || preview.pending().get()>"Plan tasks"</button>
                    </div>
                }.into_any()
            }}
            <FormError error=action_error(preview)/>
            {move || preview.value().get().and_then(Result::ok).map(|tasks| view! { <Planned tasks/> })}
        </section>
    }
}

#[component]
fn Planned(tasks: Vec<PlannedTask>) -> impl IntoView {
    let total: i32 = tasks.iter().map(|task| task.estimated_minutes).sum();
    view! {
        <div class="table-scroll">
            <table class="data-table" aria-label="Planned tasks">
                <thead><tr>
                    <th scope="col">"Step"</th><th scope="col">"Title"</th><th scope="col">"Work center"</th>
                    <th scope="col" class="num">"Minutes"</th><th scope="col">"Waits for"</th>
                </tr></thead>
                <tbody>
                    {tasks.into_iter().map(|task| view! {
                        <tr>
                            <td class="mono">{task.code}</td>
                            <td>{task.title}</td>
                            <td>{task.work_center}</td>
                            <td class="num">{task.estimated_minutes}</td>
                            <td>{task.waits_for.join(", ")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot><tr><th scope="row" colspan="3">"Total"</th><td class="num">{total}</td><td></td></tr></tfoot>
            </table>
        </div>
    }
}
