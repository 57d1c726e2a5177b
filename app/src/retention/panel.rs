//! Retention on the admin screen: each policy and what the job does with
//! it, the last run table by table (what was archived and removed, which
//! regulated rows are past their period and wait for a person's decision),
//! and the runs before it. The panel only reads what the job recorded.

use leptos::prelude::*;
use torvan::DbEnum;
use torvan::number::grouped;
use torvan::text::minute_utc;

use super::model::{PolicyView, RetentionReport, RunTableView, RunView};
use crate::error::AppError;
use crate::shell::Loaded;

/// `overview` is made by the page, beside the other panels' resources.
#[component]
pub fn RetentionPanel(overview: Resource<Result<RetentionReport, AppError>>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="data-retention" data-testid="data-retention">
            <h2 id="data-retention">"Data retention"</h2>
            <Loaded resource=overview loading="Loading the retention policies…" render=|overview| {
                view! {
                    <Policies policies=overview.policies/>
                    <Runs runs=overview.runs/>
                }
            }/>
        </section>
    }
}

#[component]
fn Policies(policies: Vec<PolicyView>) -> impl IntoView {
    view! {
        <div class="table-scroll">
        <table class="data-table">
            <caption>"Policies"</caption>
            <thead>
                <tr><th scope="col">"Records"</th><th scope="col">"Kept for"</th><th scope="col">"After that"</th></tr>
            </thead>
            <tbody>
                {policies.into_iter().map(|policy| {
                    let after = match (&policy.problem, policy.active, policy.removes) {
                        (_, false, _) => "Switched off: nothing is done.".to_owned(),
                        (Some(problem), _, _) => format!("Skipped: {problem}"),
                        (None, true, true) => "Archived to the file store, then removed.".to_owned(),
                        (None, true, false) => "Kept: listed here for a person to decide.".to_owned(),
                    };
                    let table = policy.table.clone();
                    view! {
                        <tr data-table=table>
                            <th scope="row">{policy.label}<span class="muted">" ("{policy.table}")"</span></th>
                            <td>{format!("{} days", grouped(policy.days))}</td>
                            <td>{after}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

#[component]
fn Runs(runs: Vec<RunView>) -> impl IntoView {
    let mut runs = runs.into_iter();
    let Some(last) = runs.next() else {
        return view! { <p>"Not run yet: a server runs the policies once a day."</p> }.into_any();
    };
    let earlier: Vec<_> = runs.collect();
    view! {
        <LastRun run=last/>
        {(!earlier.is_empty()).then(|| view! {
            <h3>"Earlier runs"</h3>
            <ul class="plain-list" data-testid="earlier-runs">
                {earlier.into_iter().map(|run| view! { <li>{summary(&run)}</li> }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}

#[component]
fn LastRun(run: RunView) -> impl IntoView {
    let headline = summary(&run);
    let manifest = run.manifest_key.zip(run.manifest_sha256).map(|(key, sha)| {
        view! { <p class="muted">"Archive manifest: " <code>{key}</code> " (SHA-256 " <code>{sha}</code> ")"</p> }
    });
    view! {
        <h3>"Last run"</h3>
        <p data-testid="last-retention-run">{headline}</p>
        {run.problem.map(|problem| view! { <p class="field-error" role="alert">{problem}</p> })}
        {manifest}
        {(!run.tables.is_empty()).then(|| view! {
            <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr><th scope="col">"Records"</th><th scope="col">"Done"</th><th scope="col">"Rows"</th><th scope="col">"Older than"</th><th scope="col">"Oldest"</th></tr>
                </thead>
                <tbody>
                    {run.tables.into_iter().map(|table| view! { <Outcome table/> }).collect_view()}
                </tbody>
            </table>
            </div>
        })}
    }
}

#[component]
fn Outcome(table: RunTableView) -> impl IntoView {
    let done = match &table.note {
        Some(note) => format!("{}: {note}", table.action.label()),
        None => table.action.label().to_owned(),
    };
    view! {
        <tr data-table=table.table data-action=table.action.as_db_str()>
            <th scope="row">{table.label}</th>
            <td>{done}</td>
            <td>{grouped(table.row_count)}</td>
            <td>{table.cutoff.map(minute_utc)}</td>
            <td>{table.oldest_at.map(minute_utc)}</td>
        </tr>
    }
}

/// One line about a run: when, and whether it completed.
fn summary(run: &RunView) -> String {
    let outcome = if run.ok {
        "completed"
    } else {
        "failed; nothing was removed"
    };
    format!("{}: {outcome}", minute_utc(run.started_at))
}
