//! `/tasks/:number`: one task as the bench reads it: where it stands, what
//! to do and with which tools, what it waits for and what waits for it, the
//! parts it consumes, and its time against the estimate.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use torvan::DbEnum;
use torvan::audit::AuditedTable;

use super::api::get_task;
use super::model::{LinkedTask, TaskDetail};
use crate::audit::HistoryLink;
use crate::shell::Loaded;

#[component]
pub fn TaskPage() -> impl IntoView {
    let params = use_params_map();
    let task = Resource::new(
        move || params.read().get("number").unwrap_or_default(),
        get_task,
    );
    view! {
        <Loaded resource=task loading="Loading the task…" render=move |task| view! { <Task task/> }/>
    }
}

/// `2026-12-01 14:30 UTC`, or a dash.
fn when(at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    at.map_or_else(|| "—".to_owned(), torvan::text::minute_utc)
}

#[component]
fn Task(task: TaskDetail) -> impl IntoView {
    let number = task.number.to_string();
    let status_class = format!(
        "badge task-status {}",
        task.status.as_db_str().to_lowercase()
    );
    let hold = task.hold_reason.clone().map(
        |reason| view! { <p class="notice" data-testid="hold-reason">"On hold: " {reason}</p> },
    );
    view! {
        <Title text=format!("{number} {}", task.title)/>
        <h1>{number.clone()}<span class="subtitle">{task.title.clone()}</span></h1>
        <p>
            <span class=status_class data-testid="task-status">{task.status.label()}</span>
            " "
            <span class="badge muted">{task.priority.label()} " priority"</span>
        </p>
        {hold}
        <HistoryLink table=AuditedTable::Tasks record=number.clone()/>
        <div class="part-grid">
            <Standing task=task.clone()/>
            <Work task=task.clone()/>
        </div>
        <super::board::TaskActions task=task.clone()/>
        <Links heading="Waits for" empty="Nothing: the task can start." links=task.predecessors.clone()/>
        <Links heading="Needed by" empty="No task waits for this one." links=task.successors.clone()/>
        <super::materials::MaterialsTable number=task.number.clone()/>
        <super::time::TaskTime number=task.number.clone()/>
    }
}

#[component]
fn Standing(task: TaskDetail) -> impl IntoView {
    let approval = match (&task.approved, task.approval_required) {
        (Some((by, at)), _) => format!("Approved by {by}, {}", when(Some(*at))),
        (None, true) => "Required before the task is done".to_owned(),
        (None, false) => "Not required".to_owned(),
    };
    view! {
        <section class="card" aria-labelledby="standing-heading">
            <h2 id="standing-heading">"Where it stands"</h2>
            <dl class="properties">
                <div><dt>"Order"</dt><dd><a href=crate::routes::order(&task.order_number)>{task.order_number.to_string()}</a></dd></div>
                <div><dt>"Sink unit"</dt><dd data-testid="build"><a href=crate::routes::build_record(&task.build_number)>{task.build_number.to_string()}</a> " (" {task.family.clone()} ")"</dd></div>
                <div><dt>"Work center"</dt><dd>{task.work_center_name.clone()}</dd></div>
                <div><dt>"Assigned to"</dt><dd data-testid="assignee">{task.assignee.clone().unwrap_or_else(|| "Nobody yet".to_owned())}</dd></div>
                <div><dt>"Due"</dt><dd>{when(task.due)}</dd></div>
                <div><dt>"Started"</dt><dd>{when(task.started_at)}</dd></div>
                <div><dt>"Done"</dt><dd>{when(task.completed_at)}</dd></div>
                <div><dt>"Time"</dt><dd data-testid="task-time">{task.actual_minutes} " of " {task.estimated_minutes} " min estimated"</dd></div>
                <div><dt>"Inspection"</dt><dd>{if task.inspection_required { "Required" } else { "Not required" }}</dd></div>
                <div><dt>"Approval"</dt><dd>{approval}</dd></div>
            </dl>
        </section>
    }
}

#[component]
fn Work(task: TaskDetail) -> impl IntoView {
    let list = |items: Vec<String>| {
        if items.is_empty() {
            view! { <p class="muted">"—"</p> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul> }.into_any()
        }
    };
    let instructions = if task.instructions.is_empty() {
        "—".to_owned()
    } else {
        task.instructions.clone()
    };
    view! {
        <section class="card" aria-labelledby="work-heading">
            <h2 id="work-heading">"The work"</h2>
            <p class="instructions">{instructions}</p>
            <h3>"Tools"</h3>
            {list(task.tools.clone())}
            <h3>"Skills"</h3>
            {list(task.skills.clone())}
        </section>
    }
}

#[component]
fn Links(heading: &'static str, empty: &'static str, links: Vec<LinkedTask>) -> impl IntoView {
    let rows = links
        .into_iter()
        .map(|link| {
            let lag = match link.lag_minutes {
                0 => String::new(),
                lag => format!(", {lag} min"),
            };
            view! {
                <li>
                    <a href=crate::routes::task(&link.number)>{link.number.to_string()}</a>
                    " " {link.title} " — " {link.status.label()}
                    <span class="muted">" (" {link.dependency.label()} {lag} ")"</span>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let body = if rows.is_empty() {
        view! { <p class="muted">{empty}</p> }.into_any()
    } else {
        view! { <ul class="task-links">{rows}</ul> }.into_any()
    };
    view! {
        <section class="card narrow">
            <h2>{heading}</h2>
            {body}
        </section>
    }
}
