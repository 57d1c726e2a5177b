//! `/qc/:build/:phase`: the capture screen, built for a tablet in a gloved
//! hand. One item at a time with large Pass / Fail buttons and Next, or the
//! whole list; the progress ("12 of 31") and what is still required stay
//! in view. Each item saves on its own (`item_card`), so a save that fails
//! on a bad connection keeps its value on the screen to retry and never
//! disturbs the others. The defects (`defects_panel`) and the sign-off sit
//! below; signing reloads the checklist, nothing else does.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use torvan::quality::ItemResult;
use torvan::signature::Meaning;
use torvan::{Action as Act, DbEnum, Resource as On};
use uuid::Uuid;

use super::api::{ReviewChecklist, SignChecklist, get_checklist, list_defects};
use super::defects_panel::DefectsPanel;
use super::item_card::ItemCard;
use super::model::{ChecklistView, ItemView};
use crate::shell::{FormError, action_error};
use crate::shell::{Loaded, Permitted, PermittedPage, reload_on_success};
use crate::signatures::{SignSubmit, Signatures};

/// What the page shares with its items: the results recorded since it
/// loaded, the checklist's row version after the last of them (what a
/// sign-off signs from), and a nudge to reload the defects when an item
/// fails.
#[derive(Clone, Copy)]
pub(super) struct CaptureState {
    pub results: RwSignal<HashMap<Uuid, ItemResult>>,
    pub row_version: RwSignal<i32>,
    pub defect_reloads: RwSignal<usize>,
}

#[component]
pub fn ChecklistPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("build").unwrap_or_default(),
            params.get("phase").unwrap_or_default(),
        )
    };
    let defect_reloads = RwSignal::new(0usize);
    let checklist = Resource::new(key, |(build, phase)| get_checklist(build, phase));
    let defects = Resource::new(
        move || (key(), defect_reloads.get()),
        |((build, phase), _)| list_defects(build, phase),
    );
    let state = CaptureState {
        results: RwSignal::new(HashMap::new()),
        row_version: RwSignal::new(0),
        defect_reloads,
    };
    view! {
        <PermittedPage on=On::Qc action=Act::Read>
        <Loaded resource=checklist loading="Loading the checklist…" render=move |checklist: ChecklistView| {
            let signing = checklist.clone();
            let checklist_id = checklist.id;
            let checklist_open = checklist.is_open();
            view! {
                <Checklist checklist state/>
                <DefectsPanel checklist=checklist_id checklist_open defects reloads=defect_reloads/>
                <SignOff checklist=signing row_version=state.row_version/>
            }
        }/>
        </PermittedPage>
    }
}

#[component]
fn Checklist(checklist: ChecklistView, state: CaptureState) -> impl IntoView {
    state.row_version.set(checklist.row_version);
    state.results.set(
        checklist
            .items
            .iter()
            .filter_map(|item| item.result.map(|result| (item.id, result)))
            .collect(),
    );
    let title = format!("{} — {}", checklist.phase.label(), checklist.build_number);
    // The first result starts the checklist: the badge says so at once,
    // as the stored status does (`QcStatus::with_a_result`).
    let stored = checklist.status;
    let status = move || {
        if state.results.with(|results| results.is_empty()) {
            stored
        } else {
            stored.with_a_result()
        }
    };
    let status_class = move || format!("badge qc-status {}", status().as_db_str().to_lowercase());
    let open = checklist.is_open();
    // `?view=list` opens the whole list (a link, a printout, a benchmark).
    let whole_list =
        use_query_map().with_untracked(|query| query.get("view").as_deref() == Some("list"));
    let one_at_a_time = RwSignal::new(!whole_list);
    let current = RwSignal::new(first_to_do(&checklist.items));
    let items = StoredValue::new(checklist.items.clone());
    let round = checklist.round;
    let checklist_id = checklist.id;
    let count = checklist.items.len();
    let show = move |index: usize| {
        items.with_value(|items| {
            items.get(index).cloned().map(|item| {
                let editable = open && item.round == round;
                view! { <ItemCard checklist=checklist_id item editable state/> }
            })
        })
    };
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <p class="qc-head">
            <span class=status_class data-testid="checklist-status">{move || status().label()}</span>
            {(round > 1).then(|| view! { " " <span class="badge muted">"Round " {round}</span> })}
            " Order "<a href=crate::routes::order(&checklist.order_number)>{checklist.order_number.to_string()}</a>
            " · " <a href=crate::routes::build_record(&checklist.build_number)>"production record"</a>
            " · " {checklist.family.clone()}
            " · template version " {checklist.template_version.clone()}
            " · inspector " {checklist.inspector.clone().unwrap_or_else(|| "not assigned".to_owned())}
        </p>
        <Progress items results=state.results/>
        <div class="segmented" role="group" aria-label="Show">
            <button type="button" class="button subtle" aria-pressed=move || one_at_a_time.get().to_string()
                on:click=move |_| one_at_a_time.set(true)>"One at a time"</button>
            <button type="button" class="button subtle" aria-pressed=move || (!one_at_a_time.get()).to_string()
                on:click=move |_| one_at_a_time.set(false)>"Whole list"</button>
        </div>
        {move || if one_at_a_time.get() {
            let index = current.get();
            view! {
                <div class="qc-one" data-testid="qc-one">
                    {show(index)}
                    <div class="qc-nav">
                        <button type="button" class="button subtle big" disabled={index == 0}
                            on:click=move |_| current.update(|at| *at = at.saturating_sub(1))>"Previous"</button>
                        <span class="muted">"Item " {index + 1} " of " {count}</span>
                        <button type="button" class="button big" disabled={index + 1 >= count}
                            on:click=move |_| current.update(|at| *at = (*at + 1).min(count.saturating_sub(1)))>"Next"</button>
                    </div>
                </div>
            }.into_any()
        } else {
            view! { <div class="qc-list">{(0..count).map(show).collect_view()}</div> }.into_any()
        }}
    }
}

/// The first item still without a result in the current round.
fn first_to_do(items: &[ItemView]) -> usize {
    items
        .iter()
        .position(|item| item.result.is_none())
        .unwrap_or(0)
}

/// "12 of 31 recorded", and the required items still to do.
#[component]
fn Progress(
    items: StoredValue<Vec<ItemView>>,
    results: RwSignal<HashMap<Uuid, ItemResult>>,
) -> impl IntoView {
    let figures = move || {
        let results = results.get();
        items.with_value(|items| {
            let recorded = items
                .iter()
                .filter(|item| results.contains_key(&item.id))
                .count();
            let missing: Vec<String> = items
                .iter()
                .filter(|item| item.required && !results.contains_key(&item.id))
                .map(|item| item.number.to_string())
                .collect();
            (recorded, items.len(), missing)
        })
    };
    view! {
        <div class="qc-progress" data-testid="qc-progress">
            {move || {
                let (recorded, total, missing) = figures();
                view! {
                    <progress max=total value=recorded></progress>
                    <span><strong>{recorded} " of " {total}</strong> " recorded"</span>
                    {(!missing.is_empty()).then(|| view! {
                        <span class="muted">" · still required: item " {missing.join(", ")}</span>
                    })}
                }
            }}
        </div>
    }
}

/// The sign-off and the review, each signed with the password; and the
/// signatures so far.
#[component]
fn SignOff(checklist: ChecklistView, row_version: RwSignal<i32>) -> impl IntoView {
    let sign = ServerAction::<SignChecklist>::new();
    let review = ServerAction::<ReviewChecklist>::new();
    // A signature changes the whole page (status, controls, signatures):
    // it is loaded afresh.
    let path = crate::routes::checklist(&checklist.build_number, checklist.phase);
    reload_on_success(sign, path.clone());
    reload_on_success(review, path);
    let sign_error = action_error(sign);
    let review_error = action_error(review);
    let id = checklist.id;
    let open = checklist.is_open();
    let awaiting_review =
        checklist.status.is_passed() && checklist.review_required && checklist.reviewed.is_none();
    let reviewed = checklist.reviewed.clone().map(|(by, at)| {
        view! { <p data-testid="reviewed">"Reviewed by " {by} ", " {torvan::text::minute_utc(at)}</p> }
    });
    view! {
        <section class="card" aria-labelledby="sign-off-heading">
            <h2 id="sign-off-heading">"Sign-off"</h2>
            {reviewed}
            <Signatures signatures=checklist.signatures.clone()/>
            <Permitted on=On::Qc action=Act::Approve>
                {open.then(|| view! {
                    <ActionForm action=sign attr:class="form">
                        <input type="hidden" name="checklist" value=id.to_string()/>
                        <input type="hidden" name="version" prop:value=move || row_version.get().to_string()/>
                        <SignSubmit label="Sign off" meaning=Meaning::Performed error=sign_error id="sign-off"
                            statement="You performed this inspection: every value and photo on this checklist is as you recorded it."/>
                    </ActionForm>
                    <FormError error=sign_error/>
                })}
                {awaiting_review.then(|| view! {
                    <ActionForm action=review attr:class="form">
                        <input type="hidden" name="checklist" value=id.to_string()/>
                        <input type="hidden" name="version" prop:value=move || row_version.get().to_string()/>
                        <SignSubmit label="Review" meaning=Meaning::Reviewed error=review_error id="review"
                            statement="You reviewed this signed checklist: its values, photos and defects."/>
                    </ActionForm>
                    <FormError error=review_error/>
                })}
            </Permitted>
        </section>
    }
}
