//! The wizard's frame: its steps as tabs, the autosave that runs on every
//! move between steps, and the actions the review step dispatches.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use torvan::audit::AuditedTable;
use torvan::sink::{ConfigurationStatus, WizardStep};
use torvan::{BuildNumber, OrderNumber};

use super::api::{ApproveSink, DuplicateSink, SaveSink, ValidateSink};
use super::draft::{Draft, refusals};
use super::model::SinkWizard;
use super::price_panel::PricePanel;
use super::steps::step_view;
use crate::audit::HistoryLink;
use crate::shell::{Crumb, Trail};

/// What the review step acts with.
#[derive(Clone, Copy)]
pub struct Decisions {
    pub wizard: StoredValue<SinkWizard>,
    pub status: RwSignal<ConfigurationStatus>,
    /// The version the last save returned; the next save names it.
    pub version: RwSignal<i32>,
    /// A draft save is on its way; validating now would race it.
    pub saving: Signal<bool>,
    pub validate: ServerAction<ValidateSink>,
    pub approve: ServerAction<ApproveSink>,
    pub duplicate: ServerAction<DuplicateSink>,
}

pub fn step_href(
    order_number: &OrderNumber,
    build_number: &BuildNumber,
    step: WizardStep,
) -> String {
    format!(
        "{}?step={}",
        crate::routes::sink(order_number, build_number),
        step.slug()
    )
}

#[component]
pub fn Wizard(wizard: SinkWizard, reload: RwSignal<u32>) -> impl IntoView {
    let editable = wizard.editable();
    let mut wizard = wizard;
    let families = std::mem::take(&mut wizard.families);
    let draft = Draft::new(wizard.choices.clone(), families, !editable);
    provide_context(draft);
    let order_number = wizard.order_number.clone();
    let build_number = wizard.build_number.clone();
    let status = RwSignal::new(wizard.status);
    let version = RwSignal::new(wizard.version);
    let save = ServerAction::<SaveSink>::new();
    let decisions = Decisions {
        wizard: StoredValue::new(wizard.clone()),
        status,
        version,
        saving: save.pending().into(),
        validate: ServerAction::new(),
        approve: ServerAction::new(),
        duplicate: ServerAction::new(),
    };
    provide_context(decisions);

    let query = use_query_map();
    let step =
        Memo::new(move |_| WizardStep::from_slug(&query.read().get("step").unwrap_or_default()));
    let notice = RwSignal::new(None::<String>);
    let target = StoredValue::new((order_number.clone(), build_number.clone()));
    let dispatch = move || {
        let (order_number, build_number) = target.get_value();
        let (order_number, build_number) = (order_number.to_string(), build_number.to_string());
        let choices = draft.choices.get_untracked();
        let version = version.get_untracked();
        save.dispatch(SaveSink {
            order_number,
            build_number,
            version,
            choices,
        });
    };
    // One save at a time: each names the version the one before returned.
    let again = RwSignal::new(false);
    let autosave = move || {
        if !editable {
            return;
        }
        if save.pending().get_untracked() {
            again.set(true);
        } else {
            dispatch();
        }
    };
    // Every move between steps, the browser's back and forward included,
    // saves the draft, so a reload finds what was chosen.
    Effect::new(move |previous: Option<WizardStep>| {
        let now = step.get();
        if previous.is_some_and(|previous| previous != now) {
            autosave();
        }
        now
    });
    Effect::new(move || match save.value().get() {
        Some(Ok(saved)) => {
            status.set(saved.status);
            version.set(saved.version);
            draft.refused.set(Vec::new());
            notice.set(Some("Draft saved.".into()));
            if again.get_untracked() {
                again.set(false);
                dispatch();
            }
        }
        Some(Err(error)) => {
            again.set(false);
            draft.refused.set(refusals(&error));
            notice.set(Some(format!("The draft was not saved: {error}")));
        }
        None => {}
    });
    Effect::new(move || {
        let outcomes = [
            decisions
                .validate
                .value()
                .get()
                .map(|outcome| outcome.map(|_| ())),
            decisions.approve.value().get(),
        ];
        for outcome in outcomes.into_iter().flatten() {
            match outcome {
                Ok(()) => reload.update(|count| *count += 1),
                Err(error) => {
                    draft.refused.set(refusals(&error));
                    notice.set(Some(error.to_string()));
                }
            }
        }
    });
    let navigate = use_navigate();
    let go = {
        let navigate = navigate.clone();
        move |to: WizardStep| {
            let (order_number, build_number) = target.get_value();
            navigate(
                &step_href(&order_number, &build_number, to),
                Default::default(),
            );
        }
    };
    Effect::new({
        let navigate = navigate.clone();
        move || {
            if let Some(Ok(copy)) = decisions.duplicate.value().get() {
                let (order_number, _) = target.get_value();
                navigate(
                    &step_href(&order_number, &copy, WizardStep::Family),
                    Default::default(),
                );
            }
        }
    });
    let next = {
        let go = go.clone();
        move |_| {
            let current = step.get_untracked();
            if editable && !draft.problems_on(current).is_empty() {
                notice.set(Some("Fix the marked fields to go on.".into()));
                return;
            }
            if let Some(to) = current.next() {
                go(to);
            }
        }
    };
    let back = move |_| {
        if let Some(to) = step.get_untracked().previous() {
            go(to);
        }
    };
    let title = format!("Sink {}", wizard.build_number);
    let family_name = move || {
        draft
            .family
            .get()
            .map(|family| family.name)
            .unwrap_or_default()
    };
    let tabs = WizardStep::ALL
        .into_iter()
        .map(|each| {
            let href = step_href(&order_number, &build_number, each);
            let problems = move || {
                let count = draft.problems_on(each).len();
                (count > 0 && each != WizardStep::Review).then(|| view! { <span class="count" aria-label=format!("{count} to fix")>{count}</span> })
            };
            view! {
                <li>
                    <a href=href aria-current=move || (step.get() == each).then_some("step")>{each.label()}{problems}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone()/>
        <Trail
            trail=vec![Crumb::new("Orders", "/orders"), Crumb::new(wizard.order_number.to_string(), crate::routes::order(&wizard.order_number))]
            current=wizard.build_number.to_string()
        />
        <h1>{title}<span class="subtitle">{family_name}</span></h1>
        <p>
            <span class="badge" data-testid="configuration-status">{move || status.get().label()}</span>
            {(!editable).then(|| view! { <span class="muted">" Read only: approved, in production, or not yours to change."</span> })}
        </p>
        <HistoryLink table=AuditedTable::OrderSinkConfigurations record=wizard.build_number.to_string()/>
        <nav aria-label="Configuration steps"><ol class="wizard-steps">{tabs}</ol></nav>
        <div class="wizard">
            <section class="card wizard-step" aria-labelledby="step-title">
                <h2 id="step-title">{move || step.get().label()}</h2>
                {move || step_view(step.get())}
                <p class="notice" role="status">{move || notice.get()}</p>
                <div class="wizard-actions">
                    {move || step.get().previous().map(|_| view! { <button type="button" class="button subtle" on:click=back.clone()>"Back"</button> })}
                    {editable.then(|| view! { <button type="button" class="button subtle" on:click=move |_| autosave()>"Save draft"</button> })}
                    {move || step.get().next().map(|_| view! { <button type="button" class="button" on:click=next.clone()>"Next"</button> })}
                </div>
            </section>
            <PricePanel/>
        </div>
    }
}
