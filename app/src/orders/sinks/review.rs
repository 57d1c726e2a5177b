//! The wizard's review step: the configuration in words, what still breaks
//! a rule, who validated and approved it with the approval's signature, and
//! the validate, approve (signed) and duplicate actions.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::signature::Meaning;
use torvan::sink::{ConfigurationStatus, FamilyOptions, OptionGroup, SinkChoices, WizardStep};

use super::api::{DuplicateSink, ValidateSink};
use super::draft::Draft;
use super::wizard::{Decisions, step_href};
use crate::shell::action_error;
use crate::signatures::{SignSubmit, Signatures};

fn label(family: &FamilyOptions, group: OptionGroup, code: &str) -> String {
    family
        .find(group, code)
        .map_or_else(|| code.to_owned(), |option| option.label.clone())
}

/// The configuration in words, as the shop floor will read it.
pub(crate) fn summary(
    choices: &SinkChoices,
    family: &FamilyOptions,
) -> Vec<(&'static str, String)> {
    let basins = choices
        .basins
        .iter()
        .map(|basin| {
            format!(
                "{} × {} × {} in, {}",
                basin.width,
                basin.length,
                basin.depth,
                label(family, OptionGroup::DrainPosition, &basin.drain_position).to_lowercase()
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let accessories = choices
        .accessories
        .iter()
        .map(|item| {
            format!(
                "{} × {}",
                label(family, OptionGroup::Accessory, &item.code),
                item.quantity
            )
        })
        .collect::<Vec<_>>();
    vec![
        ("Family", family.name.clone()),
        ("Quantity", choices.quantity.clone()),
        (
            "Body",
            format!(
                "{} × {} × {} in",
                choices.width, choices.depth, choices.height
            ),
        ),
        (
            "Material and finish",
            format!(
                "{}, {}",
                label(family, OptionGroup::Material, &choices.material),
                label(family, OptionGroup::Finish, &choices.finish)
            ),
        ),
        (
            "Mounting",
            label(family, OptionGroup::Mounting, &choices.mounting),
        ),
        ("Basins", basins),
        (
            "Pegboard",
            label(family, OptionGroup::Pegboard, &choices.pegboard),
        ),
        ("Support", label(family, OptionGroup::Legs, &choices.legs)),
        (
            "Faucets",
            format!(
                "{} × {}",
                label(family, OptionGroup::Faucet, &choices.faucet),
                choices.faucet_count()
            ),
        ),
        ("Drains", label(family, OptionGroup::Drain, &choices.drain)),
        (
            "Accessories",
            if accessories.is_empty() {
                "None".to_owned()
            } else {
                accessories.join(", ")
            },
        ),
    ]
}

#[component]
pub fn Review() -> impl IntoView {
    let draft = expect_context::<Draft>();
    let decisions = expect_context::<Decisions>();
    let wizard = decisions.wizard.get_value();
    let facts = move || {
        let family = draft.family.get()?;
        let rows = draft.choices.with(|choices| summary(choices, &family));
        Some(view! {
            <dl class="properties">
                {rows.into_iter().map(|(term, value)| view! { <div><dt>{term}</dt><dd>{value}</dd></div> }).collect_view()}
            </dl>
        })
    };
    let (order_number, build_number) = (wizard.order_number.clone(), wizard.build_number.clone());
    let problems = move || {
        let problems = draft.problems.get();
        (!problems.is_empty()).then(|| view! {
            <div class="problems" role="alert">
                <h3>"Before this configuration can be validated:"</h3>
                <ul>
                    {problems.into_iter().map(|problem| {
                        let step = WizardStep::of_field(&problem.field);
                        view! {
                            <li><a href=step_href(&order_number, &build_number, step)>{step.label()}</a>": "{problem.message}</li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })
    };
    let stamps = [("Validated", wizard.validated.clone()), ("Approved", wizard.approved.clone())]
        .into_iter()
        .filter_map(|(what, stamp)| stamp.map(|stamp| view! { <p class="muted">{format!("{what} by {} on {}", stamp.by, stamp.at)}</p> }))
        .collect_view();
    let builds = (!wizard.builds.is_empty()).then(|| view! {
        <p>"Build numbers: "<span class="mono" data-testid="build-numbers">{wizard.builds.iter().enumerate().map(|(index, build)| view! {
            {(index > 0).then_some(", ")}<a href=crate::routes::build_record(build)>{build.to_string()}</a>
        }).collect_view()}</span></p>
    });
    let target = StoredValue::new((
        wizard.order_number.to_string(),
        wizard.build_number.to_string(),
    ));
    let validate = move |_| {
        let (order_number, build_number) = target.get_value();
        let choices = draft.choices.get_untracked();
        let version = decisions.version.get_untracked();
        decisions.validate.dispatch(ValidateSink {
            order_number,
            build_number,
            version,
            choices,
        });
    };
    let duplicate = move |_| {
        let (order_number, build_number) = target.get_value();
        decisions.duplicate.dispatch(DuplicateSink {
            order_number,
            build_number,
        });
    };
    let status = decisions.status;
    let can_approve = wizard.may_approve && wizard.order_open;
    let approval_refused = wizard.approval_refused.clone();
    let approve_error = action_error(decisions.approve);
    let can_copy = wizard.may_edit && wizard.order_open;
    view! {
        {facts}
        {problems}
        {stamps}
        <Signatures signatures=wizard.signatures.clone()/>
        {builds}
        <div class="wizard-actions">
            {move || (!draft.readonly && status.get() == ConfigurationStatus::Draft).then(|| view! {
                <button type="button" class="button" on:click=validate disabled=move || decisions.saving.get() || !draft.problems.with(Vec::is_empty)>
                    "Validate configuration"
                </button>
            })}
            {move || (can_approve && status.get() == ConfigurationStatus::Validated).then(|| {
                let (order_number, build_number) = target.get_value();
                match approval_refused.clone() {
                    None => view! {
                        <ActionForm action=decisions.approve attr:class="inline-form">
                            <input type="hidden" name="order_number" value=order_number/>
                            <input type="hidden" name="build_number" value=build_number/>
                            <SignSubmit
                                label="Approve configuration"
                                meaning=Meaning::Approved
                                statement="You approve this configuration for production: every choice as listed above."
                                error=approve_error
                                id="approve-sink"
                            />
                        </ActionForm>
                    }.into_any(),
                    Some(why) => view! { <p class="notice" data-testid="approval-refused">{why}</p> }.into_any(),
                }
            })}
            {can_copy.then(|| view! {
                <button type="button" class="button subtle" on:click=duplicate>"Duplicate configuration"</button>
            })}
        </div>
    }
}
