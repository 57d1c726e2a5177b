//! The task page's materials: each part's need and totals, and for those
//! who may, a quantity (what is still needed, to start with) with Issue,
//! Consume and Return beside it, sized for gloved hands; for a part with
//! lots, the lot to issue from (the first to expire, unless the person
//! picks another), and for a serial-controlled part, the serial numbers if
//! the person names them. A refusal is said under the row's quantity; a
//! change reloads the table.

use leptos::prelude::*;
use torvan::workflow::{MaterialAction, TaskNumber};

use super::api::{ConsumeMaterial, IssueMaterial, ReturnMaterial, get_task_materials};
use super::model::{IssueEntry, LotOption, MaterialRow, TaskMaterials};
use crate::error::AppError;
use crate::shell::form::reload_after;
use crate::shell::{Loaded, action_error, field_error};

#[component]
pub fn MaterialsTable(number: TaskNumber) -> impl IntoView {
    let number = StoredValue::new(number.to_string());
    let edits = RwSignal::new(0_usize);
    let materials = Resource::new(
        move || (number.get_value(), edits.get()),
        |(number, _)| get_task_materials(number),
    );
    view! {
        <section class="card narrow" aria-labelledby="materials-heading">
            <h2 id="materials-heading">"Materials"</h2>
            <Loaded resource=materials loading="Loading the materials…"
                render=move |materials| view! { <Lines number=number.get_value() materials edits/> }/>
        </section>
    }
}

#[component]
fn Lines(number: String, materials: TaskMaterials, edits: RwSignal<usize>) -> impl IntoView {
    if materials.lines.is_empty() {
        return view! { <p class="muted">"This step consumes no parts from the BOM."</p> }
            .into_any();
    }
    let acts = !materials.may.is_empty();
    let rows = materials
        .lines
        .into_iter()
        .map(|row| {
            view! { <Line number=number.clone() row may=materials.may.clone() edits/> }
        })
        .collect_view();
    view! {
        <table class="data-table task-materials" data-testid="task-materials">
            <thead><tr>
                <th scope="col">"Part"</th><th scope="col">"Name"</th>
                <th scope="col" class="number">"Needed"</th><th scope="col" class="number">"Issued"</th>
                <th scope="col" class="number">"Consumed"</th><th scope="col" class="number">"Returned"</th>
                <th scope="col" class="number">"Still needed"</th>
                {acts.then(|| view! { <th scope="col">"Quantity"</th> })}
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// One part's row; its own actions, so a refusal stays on its row.
#[component]
fn Line(
    number: String,
    row: MaterialRow,
    may: Vec<MaterialAction>,
    edits: RwSignal<usize>,
) -> impl IntoView {
    let line = row.line;
    let shown = |value: rust_decimal::Decimal| value.normalize().to_string();
    let controls = (!may.is_empty()).then(|| {
        let choices = Choices {
            lots: row.lots.clone(),
            serial_controlled: row.serial_controlled,
        };
        view! { <Controls number part=row.part_number.clone() default=line.issuable() may choices edits/> }
    });
    let taken = (!row.taken.is_empty()).then(|| {
        view! { <span class="muted block" data-testid="taken-lots">{row.taken.join(", ")}</span> }
    });
    view! {
        <tr data-part=row.part_number.clone()>
            <td><a href=crate::routes::part(&row.part_number)>{row.part_number.clone()}</a></td>
            <td>{row.name}<span class="muted">" (" {row.unit.label()} ")"</span></td>
            <td class="number">{shown(line.required)}</td>
            <td class="number" data-testid="issued">{shown(line.issued)}{taken}</td>
            <td class="number" data-testid="consumed">{shown(line.consumed)}</td>
            <td class="number" data-testid="returned">{shown(line.returned)}</td>
            <td class="number" data-testid="still-needed">{shown(line.still_needed())}</td>
            {controls}
        </tr>
    }
}

/// What an issue of the row's part may name beyond its quantity.
#[derive(Debug, Clone)]
struct Choices {
    lots: Vec<LotOption>,
    serial_controlled: bool,
}

#[component]
fn Controls(
    number: String,
    part: String,
    default: i32,
    may: Vec<MaterialAction>,
    choices: Choices,
    edits: RwSignal<usize>,
) -> impl IntoView {
    let issue = ServerAction::<IssueMaterial>::new();
    let consume = ServerAction::<ConsumeMaterial>::new();
    let give_back = ServerAction::<ReturnMaterial>::new();
    reload_after(issue, edits);
    reload_after(consume, edits);
    reload_after(give_back, edits);
    let quantity = RwSignal::new(default.to_string());
    let lot = RwSignal::new(String::new());
    let serials = RwSignal::new(String::new());
    let last = RwSignal::new(None::<MaterialAction>);
    let errors = [
        action_error(issue),
        action_error(consume),
        action_error(give_back),
    ];
    let error = move || -> Option<AppError> {
        let index = MaterialAction::ALL
            .iter()
            .position(|&action| Some(action) == last.get())?;
        errors[index].get()
    };
    let pending =
        move || issue.pending().get() || consume.pending().get() || give_back.pending().get();
    let dispatch = {
        let (number, part) = (number.clone(), part.clone());
        move |action: MaterialAction| {
            last.set(Some(action));
            let (task_number, part_number) = (number.clone(), part.clone());
            let quantity = quantity.get_untracked();
            match action {
                MaterialAction::Issue => {
                    issue.dispatch(IssueMaterial {
                        task_number,
                        part_number,
                        quantity,
                        choice: IssueEntry {
                            lot: lot.get_untracked(),
                            serials: serials.get_untracked(),
                        },
                    });
                }
                MaterialAction::Consume => {
                    consume.dispatch(ConsumeMaterial {
                        task_number,
                        part_number,
                        quantity,
                    });
                }
                MaterialAction::Return => {
                    give_back.dispatch(ReturnMaterial {
                        task_number,
                        part_number,
                        quantity,
                    });
                }
            }
        }
    };
    let id = format!("quantity-{part}");
    let issues = may.contains(&MaterialAction::Issue);
    let lot_choice = (issues && !choices.lots.is_empty()).then(|| {
        let (lot_id, lot_for) = (format!("lot-{part}"), format!("lot-{part}"));
        let options = choices
            .lots
            .iter()
            .map(|option| {
                let expiry = option
                    .expires_on
                    .as_ref()
                    .map(|day| format!(", expires {day}"))
                    .unwrap_or_default();
                let label = format!("{} ({} on hand{expiry})", option.lot_number, option.on_hand);
                view! { <option value=option.lot_number.clone()>{label}</option> }
            })
            .collect_view();
        view! {
            <label class="bench-choice" for=lot_for>"Lot"
                <select id=lot_id name="lot" on:change=move |event| lot.set(event_target_value(&event))>
                    <option value="">"First to expire (suggested)"</option>
                    {options}
                </select>
            </label>
        }
        .into_any()
    });
    let serial_choice = (issues && choices.serial_controlled).then(|| {
        let (serials_id, serials_for) = (format!("serials-{part}"), format!("serials-{part}"));
        view! {
            <label class="bench-choice" for=serials_for>"Serial numbers (optional)"
                <input id=serials_id name="serials" placeholder="First received"
                    prop:value=serials on:input=move |event| serials.set(event_target_value(&event))/>
            </label>
        }
        .into_any()
    });
    let buttons = may
        .into_iter()
        .map(|action| {
            let dispatch = dispatch.clone();
            let label = match action {
                MaterialAction::Issue => "Issue",
                MaterialAction::Consume => "Consume",
                MaterialAction::Return => "Return",
            };
            view! {
                <button type="button" class="button bench" disabled=pending
                    on:click=move |_| dispatch(action)>{label}</button>
            }
        })
        .collect_view();
    view! {
        <td class="bench-controls">
            <label class="visually-hidden" for=id.clone()>"Quantity of " {part.clone()}</label>
            <input id=id name="quantity" inputmode="decimal" class="bench-quantity"
                prop:value=quantity on:input=move |event| quantity.set(event_target_value(&event))/>
            {buttons}
            {lot_choice}
            {serial_choice}
            {move || error().map(|error| {
                // A refused lot or serial is said under the row like its quantity.
                let (field, message) = ["quantity", "lot", "serials"]
                    .into_iter()
                    .find_map(|field| error.for_field(field).map(|message| (field, message)))
                    .unwrap_or_else(|| ("quantity", error.form_message()));
                field_error(field, message)
            })}
        </td>
    }
}
