//! One step of the route as a card: each input edits one field of the
//! step's draft and shows that field's message; its predecessors are rows
//! of step, link type and lag. A step is keyed, so moving or removing
//! another keeps this one's inputs.

use leptos::prelude::*;
use torvan::DbEnum;
use torvan::workflow::route::{PredecessorDraft, RouteStepDraft, step_field};
use torvan::workflow::{DependencyType, TaskType};

use super::messages::{Messages, Steps, message};

/// The text fields of a step, each with its draft field name.
#[derive(Clone, Copy)]
enum Text {
    Code,
    Title,
    Condition,
    Estimate,
    Instructions,
    Tools,
    Skills,
}

impl Text {
    fn key(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Title => "title",
            Self::Condition => "condition",
            Self::Estimate => "estimate_formula",
            Self::Instructions => "instructions",
            Self::Tools => "tools",
            Self::Skills => "skills",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Code => "Step code",
            Self::Title => "Title",
            Self::Condition => "Needed when (empty: every build)",
            Self::Estimate => "Estimated minutes (a formula)",
            Self::Instructions => "Work instructions",
            Self::Tools => "Required tools (one per line)",
            Self::Skills => "Required skills (one per line)",
        }
    }

    fn area(self) -> bool {
        matches!(self, Self::Instructions | Self::Tools | Self::Skills)
    }

    fn value(self, step: &RouteStepDraft) -> &str {
        match self {
            Self::Code => &step.code,
            Self::Title => &step.title,
            Self::Condition => &step.condition,
            Self::Estimate => &step.estimate_formula,
            Self::Instructions => &step.instructions,
            Self::Tools => &step.tools,
            Self::Skills => &step.skills,
        }
    }

    fn text(self, step: &mut RouteStepDraft) -> &mut String {
        match self {
            Self::Code => &mut step.code,
            Self::Title => &mut step.title,
            Self::Condition => &mut step.condition,
            Self::Estimate => &mut step.estimate_formula,
            Self::Instructions => &mut step.instructions,
            Self::Tools => &mut step.tools,
            Self::Skills => &mut step.skills,
        }
    }
}

/// The step's three flags.
#[derive(Clone, Copy)]
enum Flag {
    Inspection,
    Approval,
    Materials,
}

impl Flag {
    fn label(self) -> &'static str {
        match self {
            Self::Inspection => "Inspection required",
            Self::Approval => "Approval required",
            Self::Materials => "Takes the BOM lines that name no step",
        }
    }

    fn get(self, step: &RouteStepDraft) -> bool {
        match self {
            Self::Inspection => step.inspection_required,
            Self::Approval => step.approval_required,
            Self::Materials => step.takes_unassigned_materials,
        }
    }

    fn flag(self, step: &mut RouteStepDraft) -> &mut bool {
        match self {
            Self::Inspection => &mut step.inspection_required,
            Self::Approval => &mut step.approval_required,
            Self::Materials => &mut step.takes_unassigned_materials,
        }
    }
}

fn edit(steps: Steps, key: u32, change: impl FnOnce(&mut RouteStepDraft)) {
    steps.update(|steps| {
        if let Some((_, step)) = steps.iter_mut().find(|(at, _)| *at == key) {
            change(step);
        }
    });
}

fn read<T: Default>(steps: Steps, key: u32, field: impl Fn(&RouteStepDraft) -> T) -> T {
    steps.with(|steps| {
        steps
            .iter()
            .find(|(at, _)| *at == key)
            .map(|(_, step)| field(step))
            .unwrap_or_default()
    })
}

/// Where the step stands in the route now, which names its messages.
fn index(steps: Steps, key: u32) -> usize {
    steps.with(|steps| {
        steps
            .iter()
            .position(|(at, _)| *at == key)
            .unwrap_or(usize::MAX)
    })
}

fn text_input(steps: Steps, key: u32, messages: Messages, field: Text) -> impl IntoView {
    let id = format!("step-{key}-{}", field.key());
    let value = move || read(steps, key, |step| field.value(step).to_owned());
    let input = move |event| {
        let value = event_target_value(&event);
        edit(steps, key, |step| *field.text(step) = value);
    };
    let control = if field.area() {
        view! { <textarea id=id.clone() rows="2" prop:value=value on:input=input></textarea> }
            .into_any()
    } else {
        view! { <input id=id.clone() prop:value=value on:input=input/> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id>{field.label()}</label>
            {control}
            {message(messages, move || step_field(index(steps, key), field.key()))}
        </div>
    }
}

fn flag_input(steps: Steps, key: u32, flag: Flag) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || read(steps, key, |step| flag.get(step))
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    edit(steps, key, |step| *flag.flag(step) = checked);
                }/>
            {flag.label()}
        </label>
    }
}

/// The step's two choices from a list.
#[derive(Clone, Copy)]
enum Choice {
    TaskType,
    WorkCenter,
}

impl Choice {
    fn key(self) -> &'static str {
        match self {
            Self::TaskType => "task_type",
            Self::WorkCenter => "work_center",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::TaskType => "Task type",
            Self::WorkCenter => "Work center",
        }
    }

    fn value(self, step: &RouteStepDraft) -> &str {
        match self {
            Self::TaskType => &step.task_type,
            Self::WorkCenter => &step.work_center,
        }
    }

    fn text(self, step: &mut RouteStepDraft) -> &mut String {
        match self {
            Self::TaskType => &mut step.task_type,
            Self::WorkCenter => &mut step.work_center,
        }
    }
}

fn select(
    steps: Steps,
    key: u32,
    messages: Messages,
    choice: Choice,
    options: Vec<(String, String)>,
) -> impl IntoView {
    let id = format!("step-{key}-{}", choice.key());
    let options = options
        .into_iter()
        .map(|(value, name)| {
            let chosen = value.clone();
            view! {
                <option value=value prop:selected=move || read(steps, key, |step| choice.value(step) == chosen)>{name}</option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{choice.label()}</label>
            <select id=id on:change=move |event| {
                let value = event_target_value(&event);
                edit(steps, key, |step| *choice.text(step) = value);
            }>
                <option value="">"Choose…"</option>
                {options}
            </select>
            {message(messages, move || step_field(index(steps, key), choice.key()))}
        </div>
    }
}

#[component]
pub(super) fn StepCard(
    key: u32,
    steps: Steps,
    messages: Messages,
    work_centers: Vec<(String, String)>,
) -> impl IntoView {
    let code = move || read(steps, key, |step| step.code.clone());
    let task_types = TaskType::ALL
        .iter()
        .map(|kind| (kind.as_db_str().to_owned(), kind.label().to_owned()))
        .collect();
    let shift = move |by: isize| {
        steps.update(|steps| {
            let Some(at) = steps.iter().position(|(step, _)| *step == key) else {
                return;
            };
            let to = at.checked_add_signed(by).filter(|to| *to < steps.len());
            if let Some(to) = to {
                steps.swap(at, to);
            }
        });
    };
    view! {
        <fieldset class="card route-step">
            <legend>{move || format!("Step {}", code())}</legend>
            <div class="route-step-fields">
                {text_input(steps, key, messages, Text::Code)}
                {text_input(steps, key, messages, Text::Title)}
                {select(steps, key, messages, Choice::TaskType, task_types)}
                {select(steps, key, messages, Choice::WorkCenter, work_centers)}
                {text_input(steps, key, messages, Text::Condition)}
                {text_input(steps, key, messages, Text::Estimate)}
                {text_input(steps, key, messages, Text::Instructions)}
                {text_input(steps, key, messages, Text::Tools)}
                {text_input(steps, key, messages, Text::Skills)}
            </div>
            <div class="route-step-flags">
                {flag_input(steps, key, Flag::Inspection)}
                {flag_input(steps, key, Flag::Approval)}
                {flag_input(steps, key, Flag::Materials)}
            </div>
            <Predecessors key steps messages/>
            <p class="actions">
                <button type="button" class="button subtle" aria-label=move || format!("Move step {} up", code()) on:click=move |_| shift(-1)>"Up"</button>
                <button type="button" class="button subtle" aria-label=move || format!("Move step {} down", code()) on:click=move |_| shift(1)>"Down"</button>
                <button type="button" class="button subtle" aria-label=move || format!("Remove step {}", code())
                    on:click=move |_| steps.update(|steps| steps.retain(|(at, _)| *at != key))>"Remove step"</button>
            </p>
        </fieldset>
    }
}

fn edit_predecessor(
    steps: Steps,
    key: u32,
    row: usize,
    change: impl FnOnce(&mut PredecessorDraft),
) {
    edit(steps, key, |step| {
        if let Some(predecessor) = step.predecessors.get_mut(row) {
            change(predecessor);
        }
    });
}

fn read_predecessor(
    steps: Steps,
    key: u32,
    row: usize,
    field: fn(&PredecessorDraft) -> String,
) -> String {
    read(steps, key, |step| {
        step.predecessors.get(row).map(field).unwrap_or_default()
    })
}

/// The steps this one waits for, a row each.
#[component]
fn Predecessors(key: u32, steps: Steps, messages: Messages) -> impl IntoView {
    let count = move || read(steps, key, |step| step.predecessors.len());
    let code = move || read(steps, key, |step| step.code.clone());
    let dependencies = DependencyType::ALL;
    view! {
        <div class="route-predecessors">
            <h3>"Waits for"</h3>
            <table class="data-table" aria-label=move || format!("Step {} waits for", code())>
                <thead><tr>
                    <th scope="col">"Step"</th><th scope="col">"Link"</th><th scope="col">"Lag (min)"</th>
                    <th scope="col"><span class="visually-hidden">"Remove"</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || 0..count() key=|row| *row let:row>
                        <tr>
                            <td><input aria-label=move || format!("Step {} waits for step", code()) maxlength="3" size="4"
                                prop:value=move || read_predecessor(steps, key, row, |p| p.step.clone())
                                on:input=move |event| {
                                    let value = event_target_value(&event);
                                    edit_predecessor(steps, key, row, |p| p.step = value);
                                }/></td>
                            <td><select aria-label=move || format!("Step {} link type", code()) on:change=move |event| {
                                    let value = event_target_value(&event);
                                    edit_predecessor(steps, key, row, |p| p.dependency = value);
                                }>
                                {dependencies.iter().map(|dependency| {
                                    let value = dependency.as_db_str();
                                    let selected = move || {
                                        let chosen = read_predecessor(steps, key, row, |p| p.dependency.clone());
                                        chosen == value || (chosen.is_empty() && *dependency == DependencyType::FinishToStart)
                                    };
                                    view! { <option value=value prop:selected=selected>{dependency.label()}</option> }
                                }).collect_view()}
                            </select></td>
                            <td><input type="number" aria-label=move || format!("Step {} lag in minutes", code()) size="6"
                                prop:value=move || read_predecessor(steps, key, row, |p| p.lag_minutes.clone())
                                on:input=move |event| {
                                    let value = event_target_value(&event);
                                    edit_predecessor(steps, key, row, |p| p.lag_minutes = value);
                                }/></td>
                            <td><button type="button" class="button subtle" on:click=move |_| edit(steps, key, |step| {
                                    if row < step.predecessors.len() {
                                        step.predecessors.remove(row);
                                    }
                                })>"Remove"</button></td>
                        </tr>
                    </For>
                </tbody>
            </table>
            {message(messages, move || step_field(index(steps, key), "predecessors"))}
            <button type="button" class="button subtle" on:click=move |_| edit(steps, key, |step| step.predecessors.push(PredecessorDraft::default()))>"Add predecessor"</button>
        </div>
    }
}
