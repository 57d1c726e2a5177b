//! The order page's QC section: each build's checklists, their state and
//! open defects, linking to the capture screen. Read only by people who may
//! read QC records; for anyone else it is never fetched (a refused call
//! would fail the whole order page) and shows nothing.

use leptos::prelude::*;
use torvan::{Action, DbEnum, Resource as On};

use super::api::get_order_qc;
use super::model::BuildQc;
use crate::shell::{Loaded, SignedInUser};

#[component]
pub fn OrderQc(order_number: String) -> impl IntoView {
    let user = expect_context::<SignedInUser>();
    let qc = Resource::new(
        move || order_number.clone(),
        move |number| async move {
            if user.may(On::Qc, Action::Read).await {
                get_order_qc(number).await
            } else {
                Ok(Vec::new())
            }
        },
    );
    view! {
        <Loaded resource=qc loading="Loading QC…" render=move |builds| {
            (!builds.is_empty()).then(|| view! { <QcTable builds/> })
        }/>
    }
}

#[component]
fn QcTable(builds: Vec<BuildQc>) -> impl IntoView {
    let rows = builds
        .into_iter()
        .map(|build| {
            let href = crate::routes::checklist(&build.build_number, build.phase);
            let status = format!("badge qc-status {}", build.status.as_db_str().to_lowercase());
            let review = match (build.review_required, build.reviewed) {
                (false, _) => "—",
                (true, true) => "Reviewed",
                (true, false) => "Awaiting review",
            };
            view! {
                <tr data-build=build.build_number.to_string() data-phase=build.phase.as_db_str()>
                    <td><a href=href>{build.build_number.to_string()}</a></td>
                    <td>{build.phase.label()}{(build.round > 1).then(|| format!(" (round {})", build.round))}</td>
                    <td><span class=status data-testid="build-qc-status">{build.status.label()}</span></td>
                    <td>{review}</td>
                    <td class="number">{build.open_defects}</td>
                    <td>{build.held.then_some("On hold: critical defect")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="order-qc-heading" data-testid="order-qc">
            <h2 id="order-qc-heading">"Quality control"</h2>
            <div class="table-scroll">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Sink unit"</th>
                            <th scope="col">"Checklist"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Review"</th>
                            <th scope="col">"Open defects"</th>
                            <th scope="col">"Hold"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
