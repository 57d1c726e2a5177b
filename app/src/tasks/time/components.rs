//! The time views: on the task page the timer control (large buttons, the
//! running time counting on in the browser), the entries, the manual
//! entry form and actual against estimate; on the order page each unit's
//! time against its estimate.

use leptos::prelude::*;
use torvan::DbEnum;
use torvan::workflow::{ActivityType, NOTE_LIMIT, TaskNumber, Totals, Variance};

use super::api::{AddTimeEntry, StartTimer, StopTimer, get_order_time, get_task_time};
use super::model::{OrderTime, RunningTimer, TaskTime, TimeEntry};
use crate::shell::form::{Form, Input, choices};
use crate::shell::{FormError, Loaded, action_error, successes};

/// `2026-12-01 14:30 UTC`, or `running`.
fn when(at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    at.map_or_else(|| "running".to_owned(), torvan::text::minute_utc)
}

/// `1:02:03` or `2:03`.
fn clock(seconds: i64) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// `45 min of 60 estimated: 15 min under`.
fn against_estimate(totals: &Totals) -> String {
    let variance = match totals.variance() {
        Variance::Over(minutes) => format!("{minutes} min over"),
        Variance::Under(minutes) => format!("{minutes} min under"),
        Variance::OnEstimate => "on the estimate".to_owned(),
    };
    let unestimated = match totals.unestimated {
        0 => String::new(),
        count => format!(
            " ({} without an estimate)",
            torvan::plural::count(u64::from(count), "task", "tasks")
        ),
    };
    format!(
        "{} min of {} estimated: {variance}{unestimated}",
        totals.actual, totals.estimate
    )
}

/// A task's time: its page's "Time" section.
#[component]
pub fn TaskTime(number: TaskNumber) -> impl IntoView {
    let start = ServerAction::<StartTimer>::new();
    let stop = ServerAction::<StopTimer>::new();
    let add = ServerAction::<AddTimeEntry>::new();
    let (started, stopped, added) = (successes(start), successes(stop), successes(add));
    let number = StoredValue::new(number.to_string());
    let time = Resource::new(
        move || {
            (
                number.get_value(),
                started.get() + stopped.get() + added.get(),
            )
        },
        |(number, _)| get_task_time(number),
    );
    let actions = Actions { start, stop, add };
    view! {
        <section class="card task-time" aria-labelledby="time-heading">
            <h2 id="time-heading">"Time"</h2>
            <Loaded resource=time loading="Loading the time…" render=move |time| view! {
                <TimeBody number=number.get_value() time actions/>
            }/>
        </section>
    }
}

#[derive(Clone, Copy)]
struct Actions {
    start: ServerAction<StartTimer>,
    stop: ServerAction<StopTimer>,
    add: ServerAction<AddTimeEntry>,
}

#[component]
fn TimeBody(number: String, time: TaskTime, actions: Actions) -> impl IntoView {
    let here = time
        .running
        .clone()
        .filter(|running| running.task.as_str() == number);
    let elsewhere = time
        .running
        .clone()
        .filter(|running| running.task.as_str() != number);
    let controls = time.may_work.then(|| {
        let control = match here {
            Some(running) => {
                view! { <Running number=number.clone() running stop=actions.stop/> }.into_any()
            }
            None => {
                view! { <Starts number=number.clone() elsewhere start=actions.start/> }.into_any()
            }
        };
        let failed = Signal::derive(move || {
            action_error(actions.start)
                .get()
                .or_else(|| action_error(actions.stop).get())
        });
        view! {
            <div class="timer" data-testid="timer">
                {control}
                <FormError error=failed/>
            </div>
        }
    });
    let manual = time
        .may_work
        .then(|| view! { <ManualEntry number=number.clone() action=actions.add/> });
    view! {
        <p class="time-totals" data-testid="time-totals">{against_estimate(&time.totals)}</p>
        {controls}
        <Entries entries=time.entries/>
        {manual}
    }
}

/// The running timer, counting on each second from what the server read.
#[component]
fn Running(number: String, running: RunningTimer, stop: ServerAction<StopTimer>) -> impl IntoView {
    let ticks = RwSignal::new(0_i64);
    Effect::new(move || {
        if let Ok(handle) = set_interval_with_handle(
            move || ticks.update(|ticks| *ticks += 1),
            std::time::Duration::from_secs(1),
        ) {
            on_cleanup(move || handle.clear());
        }
    });
    let elapsed = running.elapsed_seconds;
    view! {
        <p class="timer-running">
            <span class="badge">{running.activity.label()}</span>" "
            <strong class="timer-clock" data-testid="timer-clock">{move || clock(elapsed + ticks.get())}</strong>
        </p>
        <button type="button" class="button timer-button stop" disabled=move || stop.pending().get()
            on:click=move |_| { stop.dispatch(StopTimer { task_number: number.clone(), tapped: crate::offline::tapped_now() }); }>
            "Stop"
        </button>
        <p class="muted">"Stopping pauses the work; start again to resume."</p>
    }
}

/// A start button per activity, and where the person's timer runs now.
#[component]
fn Starts(
    number: String,
    elsewhere: Option<RunningTimer>,
    start: ServerAction<StartTimer>,
) -> impl IntoView {
    let elsewhere = elsewhere.map(|running| {
        view! {
            <p class="notice" data-testid="timer-elsewhere">
                "Your timer runs on "
                <a href=crate::routes::task(&running.task)>{running.task.to_string()}</a>
                "; starting here pauses it."
            </p>
        }
    });
    let buttons = ActivityType::ALL
        .iter()
        .map(|&activity| {
            let number = number.clone();
            view! {
                <button type="button" class="button timer-button" disabled=move || start.pending().get()
                    on:click=move |_| {
                        start.dispatch(StartTimer {
                            task_number: number.clone(),
                            activity: activity.as_db_str().to_owned(),
                            tapped: crate::offline::tapped_now(),
                        });
                    }>
                    "Start " {activity.label().to_lowercase()}
                </button>
            }
        })
        .collect_view();
    view! {
        {elsewhere}
        <div class="timer-buttons">{buttons}</div>
    }
}

#[component]
fn Entries(entries: Vec<TimeEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="muted">"No time recorded yet."</p> }.into_any();
    }
    let rows = entries
        .into_iter()
        .map(|entry| {
            view! {
                <tr>
                    <td>{entry.who}</td>
                    <td>{entry.activity.label()}</td>
                    <td>{when(Some(entry.start))}</td>
                    <td>{when(entry.end)}</td>
                    <td class="number">{entry.minutes}</td>
                    <td>{if entry.manual { "Manual" } else { "Timer" }}</td>
                    <td>{entry.note.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table" data-testid="time-entries">
                <thead><tr><th>"Who"</th><th>"Activity"</th><th>"Start"</th><th>"End"</th>
                    <th>"Minutes"</th><th>"Recorded by"</th><th>"Note"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn ManualEntry(number: String, action: ServerAction<AddTimeEntry>) -> impl IntoView {
    let form = Form::new(
        "time-entry",
        "draft",
        action_error(action),
        |field: &str| (field == "note").then_some(NOTE_LIMIT),
    );
    let moment = Input::kind("datetime-local");
    view! {
        <details class="edit">
            <summary>"Record time worked without the timer"</summary>
            <ActionForm action attr:class="form">
                <FormError error=form.error/>
                <input type="hidden" name="task_number" value=number/>
                {form.input("start", "Start (UTC)", String::new(), moment)}
                {form.input("end", "End (UTC)", String::new(), moment)}
                {form.select("activity", "Activity", choices(ActivityType::label), ActivityType::Work.as_db_str().to_owned())}
                {form.text_area("note", "Note", String::new())}
                <button type="submit" class="button">"Record time"</button>
            </ActionForm>
        </details>
    }
}

/// An order's production per unit (assembly tasks done, what is in
/// progress, time against estimate): its page's "Production" section,
/// shown once the order has tasks.
#[component]
pub fn OrderProduction(order_number: String) -> impl IntoView {
    let number = StoredValue::new(order_number.clone());
    let time = Resource::new(move || order_number.clone(), get_order_time);
    view! {
        <Loaded resource=time loading="Loading production…" render=move |time: OrderTime| {
            (!time.builds.is_empty())
                .then(|| view! { <OrderTimeTable order_number=number.get_value() time/> })
        }/>
    }
}

#[component]
fn OrderTimeTable(order_number: String, time: OrderTime) -> impl IntoView {
    let rows = time
        .builds
        .into_iter()
        .map(|build| {
            let all_done = build.production_done == build.production_tasks;
            let working_on = if build.in_progress.is_empty() {
                "—".to_owned()
            } else {
                build.in_progress.join(", ")
            };
            view! {
                <tr data-build=build.build.to_string()>
                    <td>{build.build.to_string()}</td>
                    <td data-testid="unit-progress" class:done=all_done>
                        {format!("{} of {}", build.production_done, build.production_tasks)}
                    </td>
                    <td>{working_on}</td>
                    <td>{against_estimate(&build.totals)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="order-time-heading">
            <h2 id="order-time-heading">"Production"</h2>
            <p>
                <a href=crate::routes::order_board(&order_number)>{format!("Board of {order_number}")}</a>
            </p>
            <p data-testid="order-time-total">"Time on the order: " {against_estimate(&time.total)}</p>
            <div class="table-scroll">
                <table class="data-table" data-testid="order-time">
                    <thead>
                        <tr>
                            <th scope="col">"Sink unit"</th>
                            <th scope="col">"Assembly tasks done"</th>
                            <th scope="col">"In progress"</th>
                            <th scope="col">"Time, actual against estimate"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
