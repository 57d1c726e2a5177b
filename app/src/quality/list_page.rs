//! `/qc`: the checklists, open ones first, each with its progress and open
//! defects, linking to its capture screen.

use leptos::prelude::*;
use leptos_meta::Title;
use torvan::DbEnum;

use super::api::list_checklists;
use super::model::ChecklistLine;
use crate::shell::{Loaded, PermittedPage};

#[component]
pub fn ChecklistsPage() -> impl IntoView {
    let lines = Resource::new(|| (), |()| list_checklists());
    view! {
        <Title text="QC checklists"/>
        <PermittedPage on=torvan::Resource::Qc action=torvan::Action::Read>
            <h1>"QC checklists"</h1>
            <Loaded resource=lines loading="Loading the checklists…" render=move |lines| view! { <Lines lines/> }/>
        </PermittedPage>
    }
}

#[component]
fn Lines(lines: Vec<ChecklistLine>) -> impl IntoView {
    if lines.is_empty() {
        return view! {
            <p class="empty">"No checklists yet: an order's builds get theirs when it enters pre-QC or final QC."</p>
        }
        .into_any();
    }
    let rows = lines
        .into_iter()
        .map(|line| {
            let href = crate::routes::checklist(&line.build_number, line.phase);
            let status = format!("badge qc-status {}", line.status.as_db_str().to_lowercase());
            let round = (line.round > 1).then(|| format!(" (round {})", line.round));
            view! {
                <tr>
                    <td><a href=href>{line.build_number.to_string()}</a></td>
                    <td>{line.phase.label()}{round}</td>
                    <td><a href=crate::routes::order(&line.order_number)>{line.order_number.to_string()}</a></td>
                    <td>{line.family}</td>
                    <td><span class=status>{line.status.label()}</span></td>
                    <td class="number">{line.recorded} " of " {line.total}</td>
                    <td class="number">{line.open_defects}</td>
                    <td>{line.inspector.unwrap_or_else(|| "—".to_owned())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table" data-testid="checklists">
                <thead>
                    <tr>
                        <th scope="col">"Sink unit"</th>
                        <th scope="col">"Phase"</th>
                        <th scope="col">"Order"</th>
                        <th scope="col">"Family"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Recorded"</th>
                        <th scope="col">"Open defects"</th>
                        <th scope="col">"Inspector"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
