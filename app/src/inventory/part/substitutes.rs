//! The part page's substitutes: the list with its remove buttons, the form
//! that adds one, and the offer shown when the part is short.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::substitute_type::Substitution;
use torvan::{Action, SubstituteType};

use super::model::SubstituteLine;
use super::stock_forms::StockActions;
use crate::shell::form::{self, Form, Input};
use crate::shell::{FormError, Permitted, action_error};

/// Shown when the part is short: the substitutes that have stock, best first.
#[component]
pub fn ShortageOffer(substitutes: Vec<SubstituteLine>) -> impl IntoView {
    let with_stock: Vec<_> = substitutes
        .into_iter()
        .filter(|line| line.available > 0)
        .collect();
    let body = if with_stock.is_empty() {
        view! { <p>"No substitute has stock either. Check the reorder report."</p> }.into_any()
    } else {
        view! {
            <ul>
                {with_stock.into_iter().map(|line| {
                    let href = crate::routes::part(&line.part_number);
                    view! {
                        <li>
                            <a href=href>{line.part_number}</a>" "{line.name}" — "{line.kind.label()}
                            ", "{line.available}" available, factor "{line.conversion_factor}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <aside class="callout warning" aria-labelledby="short-heading">
            <h2 id="short-heading">"This part is short"</h2>
            {body}
        </aside>
    }
}

#[component]
pub fn Substitutes(
    part_number: String,
    lines: Vec<SubstituteLine>,
    for_others: Vec<SubstituteLine>,
    actions: StockActions,
) -> impl IntoView {
    let rows = if lines.is_empty() {
        view! { <p class="empty">"No substitutes."</p> }.into_any()
    } else {
        let number = part_number.clone();
        view! {
            <table class="data-table" aria-label="Substitutes">
                <thead><tr>
                    <th scope="col">"Part"</th><th scope="col">"Type"</th><th scope="col">"Factor"</th>
                    <th scope="col" class="num">"Available"</th><th scope="col">"Notes"</th><th scope="col">"Actions"</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|line| view! { <SubstituteRow part_number=number.clone() line actions/> }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    let others = (!for_others.is_empty()).then(|| {
        view! {
            <p>"This part may stand in for: "
                {for_others.into_iter().map(|line| {
                    let href = crate::routes::part(&line.part_number);
                    view! { <a href=href>{line.part_number}</a>" " }
                }).collect_view()}
            </p>
        }
    });
    view! {
        <section aria-labelledby="substitutes-heading">
            <h2 id="substitutes-heading">"Substitutes"</h2>
            {rows}
            {others}
            <Permitted on=torvan::Resource::Inventory action=Action::Update clone:part_number>
                <AddSubstituteForm part_number=part_number.clone() actions/>
            </Permitted>
        </section>
    }
}

#[component]
fn SubstituteRow(
    part_number: String,
    line: SubstituteLine,
    actions: StockActions,
) -> impl IntoView {
    let href = crate::routes::part(&line.part_number);
    let substitute = line.part_number.clone();
    let row_key = line.part_number.clone();
    view! {
        <tr data-substitute=row_key>
            <th scope="row"><a href=href>{line.part_number}</a>" "{line.name}</th>
            <td>{line.kind.label()}</td>
            <td>{line.conversion_factor}</td>
            <td class="num">{line.available}</td>
            <td>{line.notes.unwrap_or_default()}</td>
            <td>
                <Permitted on=torvan::Resource::Inventory action=Action::Update clone:part_number clone:substitute>
                    <RemoveButton part_number=part_number.clone() substitute=substitute.clone() actions/>
                </Permitted>
            </td>
        </tr>
    }
}

#[component]
fn RemoveButton(part_number: String, substitute: String, actions: StockActions) -> impl IntoView {
    let label = format!("Remove substitute {substitute}");
    view! {
        <ActionForm action=actions.remove_substitute attr:class="inline-form">
            <input type="hidden" name="part_number" value=part_number/>
            <input type="hidden" name="substitute" value=substitute/>
            <button type="submit" class="button subtle" aria-label=label>"Remove"</button>
        </ActionForm>
    }
}

#[component]
fn AddSubstituteForm(part_number: String, actions: StockActions) -> impl IntoView {
    let error = action_error(actions.add_substitute);
    let form = Form::new(
        "substitute",
        "substitution",
        error,
        Substitution::text_limit,
    );
    view! {
        <section class="card narrow" aria-labelledby="add-substitute-heading">
            <h3 id="add-substitute-heading">"Add a substitute"</h3>
            <ActionForm action=actions.add_substitute attr:class="form">
                <FormError error/>
                <input type="hidden" name="part_number" value=part_number/>
                {form.input("substitute", "Substitute part number", String::new(), Input::LINE.required())}
                {form.select("kind", "Substitute type", form::choices(SubstituteType::label), String::new())}
                {form.input("conversion_factor", "Conversion factor", "1".to_owned(), Input::DECIMAL)}
                {form.text("notes", "Notes", String::new())}
                <button type="submit" class="button">"Add substitute"</button>
            </ActionForm>
        </section>
    }
}
