//! The editor's preview: the lines as typed worked out for one of the
//! family's configurations by the server, which saves nothing.

use leptos::prelude::*;
use torvan::bom::TemplateLineDraft;
use torvan::{BuildNumber, OrderNumber};
use uuid::Uuid;

use super::super::api::PreviewTemplate;
use super::super::model::Preview;
use crate::boms::tree::BomTree;
use crate::money::money;
use crate::shell::{FormError, action_error};

/// The BOM the lines as typed would give for a chosen configuration;
/// nothing is saved.
#[component]
pub(super) fn PreviewPanel(
    id: Uuid,
    lines: RwSignal<Vec<(u32, TemplateLineDraft)>>,
    configurations: Vec<(OrderNumber, BuildNumber)>,
) -> impl IntoView {
    let preview = ServerAction::<PreviewTemplate>::new();
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
        preview.dispatch(PreviewTemplate {
            id,
            lines: lines
                .with_untracked(|lines| lines.iter().map(|(_, line)| line.clone()).collect()),
            order_number,
            build_number,
        });
    };
    view! {
        <section class="card" aria-labelledby="preview-heading">
            <h2 id="preview-heading">"Preview"</h2>
            {if configurations.is_empty() {
                view! { <p class="empty">"No validated or approved configuration of this family to preview against yet."</p> }.into_any()
            } else {
                view! {
                    <div class="search-form">
                        <div class="field">
                            <label for="preview-configuration">"Configuration to preview"</label>
                            <select id="preview-configuration" on:change=move |event| {
                                let value = event_target_value(&event);
                                if let Some((order, build)) = value.split_once('|') {
                                    chosen.set((order.to_owned(), build.to_owned()));
                                }
                            }>{options}</select>
                        </div>
                        <button type="button" class="button" on:click=run disabled=move || preview.pending().get()>"Preview BOM"</button>
                    </div>
                }.into_any()
            }}
            <FormError error=action_error(preview)/>
            {move || preview.value().get().and_then(Result::ok).map(|preview| view! { <Previewed preview/> })}
        </section>
    }
}

#[component]
fn Previewed(preview: Preview) -> impl IntoView {
    view! {
        <dl class="totals" data-testid="preview-totals">
            <dt>"Parts"</dt><dd>{preview.parts_count}</dd>
            <dt>"Cost"</dt><dd>{money(preview.total_cost)}</dd>
            <dt>"Weight"</dt><dd>{format!("{} lb", preview.total_weight.normalize())}</dd>
        </dl>
        <BomTree rows=preview.rows/>
    }
}
