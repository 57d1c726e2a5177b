//! The database's health on the admin screen: the latest check of each kind
//! the servers' periodic job ran (`server/src/jobs/health.rs`), with its
//! verdict and what it read. The panel only reads what the job recorded.

use leptos::prelude::*;
use torvan::DbEnum;

use super::model::HealthReading;
use crate::error::AppError;
use crate::shell::Loaded;

/// `latest` is made by the page, beside the other panels' resources.
#[component]
pub fn HealthPanel(latest: Resource<Result<Vec<HealthReading>, AppError>>) -> impl IntoView {
    view! {
        <section class="card narrow" aria-labelledby="database-health" data-testid="database-health">
            <h2 id="database-health">"Database health"</h2>
            <Loaded resource=latest loading="Loading the last checks…" render=|latest| {
                view! { <Readings latest/> }
            }/>
        </section>
    }
}

#[component]
fn Readings(latest: Vec<HealthReading>) -> impl IntoView {
    if latest.is_empty() {
        return view! { <p>"Not checked yet: the servers check every five minutes."</p> }
            .into_any();
    }
    view! {
        <div class="table-scroll">
        <table class="data-table">
            <thead>
                <tr><th scope="col">"Check"</th><th scope="col">"Result"</th><th scope="col">"Reading"</th><th scope="col">"Checked (UTC)"</th></tr>
            </thead>
            <tbody>
                {latest.into_iter().map(|reading| {
                    let badge = format!("badge health {}", reading.result.as_db_str().to_lowercase());
                    view! {
                        <tr data-check=reading.check.as_db_str()>
                            <th scope="row">{reading.check.label()}</th>
                            <td><span class=badge>{reading.result.label()}</span></td>
                            <td>{reading.message}</td>
                            <td>{reading.checked_at.format("%Y-%m-%d %H:%M").to_string()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}
