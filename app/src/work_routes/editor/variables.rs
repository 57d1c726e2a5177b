//! The variables a step's condition and estimate may use, as the family's
//! configurations give them (`torvan::bom::vocabulary`).

use leptos::prelude::*;
use torvan::sink::FamilyOptions;

#[component]
pub(super) fn Variables(family: FamilyOptions) -> impl IntoView {
    let entries = torvan::bom::vocabulary(&family);
    view! {
        <details class="card route-variables">
            <summary>"Variables a condition or an estimate may use"</summary>
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
