//! The variables a rule may use (a route step's condition and estimate, a
//! QC item's condition and copies), as the family's configurations give
//! them (`torvan::bom::vocabulary`).

use leptos::prelude::*;
use torvan::sink::FamilyOptions;

#[component]
pub(crate) fn Variables(family: FamilyOptions, summary: &'static str) -> impl IntoView {
    let entries = torvan::bom::vocabulary(&family);
    view! {
        <details class="card route-variables">
            <summary>{summary}</summary>
            <div class="table-scroll">
                <table class="data-table" aria-label="Variables">
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Kind"</th><th scope="col">"Meaning"</th></tr></thead>
                    <tbody>
                        {entries.into_iter().map(|(name, kind, help)| view! {
                            <tr><td class="mono">{name}</td><td>{kind.to_string()}</td><td>{help}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
