//! One line of the template as a table row: each cell edits one field of
//! the line's draft and shows that field's message.

use leptos::prelude::*;
use torvan::bom::{TemplateField, TemplateLineDraft, line_field};

use super::messages::{Messages, message};

type Lines = RwSignal<Vec<(u32, TemplateLineDraft)>>;

/// The text cells of a line and the draft field each edits.
#[derive(Clone, Copy)]
enum Cell {
    PartNumber,
    Pattern,
    Formula,
    Base,
    Condition,
    Scrap,
    Description,
    RouteStep,
}

impl Cell {
    /// The line field the cell edits, which names its problems and its limit.
    fn field(self) -> TemplateField {
        match self {
            Self::PartNumber => TemplateField::PartNumber,
            Self::Pattern => TemplateField::PartPattern,
            Self::Formula => TemplateField::QuantityFormula,
            Self::Base => TemplateField::BaseQuantity,
            Self::Condition => TemplateField::IncludeCondition,
            Self::Scrap => TemplateField::ScrapFactor,
            Self::Description => TemplateField::Description,
            Self::RouteStep => TemplateField::RouteStep,
        }
    }

    fn value(self, line: &TemplateLineDraft) -> &str {
        match self {
            Self::PartNumber => &line.part_number,
            Self::Pattern => &line.part_pattern,
            Self::Formula => &line.quantity_formula,
            Self::Base => &line.base_quantity,
            Self::Condition => &line.include_condition,
            Self::Scrap => &line.scrap_factor,
            Self::Description => &line.description,
            Self::RouteStep => &line.route_step,
        }
    }

    fn text(self, line: &mut TemplateLineDraft) -> &mut String {
        match self {
            Self::PartNumber => &mut line.part_number,
            Self::Pattern => &mut line.part_pattern,
            Self::Formula => &mut line.quantity_formula,
            Self::Base => &mut line.base_quantity,
            Self::Condition => &mut line.include_condition,
            Self::Scrap => &mut line.scrap_factor,
            Self::Description => &mut line.description,
            Self::RouteStep => &mut line.route_step,
        }
    }
}

fn edit(lines: Lines, key: u32, change: impl FnOnce(&mut TemplateLineDraft)) {
    lines.update(|lines| {
        if let Some((_, line)) = lines.iter_mut().find(|(at, _)| *at == key) {
            change(line);
        }
    });
}

fn read<T: Default>(lines: Lines, key: u32, field: impl Fn(&TemplateLineDraft) -> T) -> T {
    lines.with(|lines| {
        lines
            .iter()
            .find(|(at, _)| *at == key)
            .map(|(_, line)| field(line))
            .unwrap_or_default()
    })
}

fn text_cell(lines: Lines, key: u32, messages: Messages, cell: Cell) -> impl IntoView {
    let number = move || read(lines, key, |line| line.line_number);
    let initial = lines.with_untracked(|lines| {
        lines
            .iter()
            .find(|(at, _)| *at == key)
            .map(|(_, line)| cell.value(line).to_owned())
            .unwrap_or_default()
    });
    let field = cell.field();
    view! {
        <td>
            <input value=initial maxlength=field.text_limit() aria-label=move || format!("Line {} {}", number(), field.label())
                on:input=move |event| {
                    let value = event_target_value(&event);
                    edit(lines, key, |line| *cell.text(line) = value);
                }/>
            {message(messages, move || line_field(number(), field.as_str()))}
        </td>
    }
}

#[component]
pub(super) fn LineRow(key: u32, lines: Lines, messages: Messages) -> impl IntoView {
    let number = move || read(lines, key, |line| line.line_number);
    let parent = lines.with_untracked(|lines| {
        lines
            .iter()
            .find(|(at, _)| *at == key)
            .and_then(|(_, line)| line.parent_line)
            .map(|parent| parent.to_string())
            .unwrap_or_default()
    });
    view! {
        <tr>
            <td>
                <input type="number" value=number() aria-label=move || format!("Line {} number", number())
                    on:input=move |event| {
                        if let Ok(value) = event_target_value(&event).trim().parse() {
                            edit(lines, key, |line| line.line_number = value);
                        }
                    }/>
                {message(messages, move || line_field(number(), "line_number"))}
            </td>
            <td>
                <input type="number" value=parent aria-label=move || format!("Line {} is under line", number())
                    on:input=move |event| {
                        let value = event_target_value(&event).trim().parse().ok();
                        edit(lines, key, |line| line.parent_line = value);
                    }/>
                {message(messages, move || line_field(number(), "parent_line"))}
            </td>
            {text_cell(lines, key, messages, Cell::PartNumber)}
            {text_cell(lines, key, messages, Cell::Pattern)}
            {text_cell(lines, key, messages, Cell::Formula)}
            {text_cell(lines, key, messages, Cell::Base)}
            {text_cell(lines, key, messages, Cell::Condition)}
            {text_cell(lines, key, messages, Cell::Scrap)}
            <td>
                <input type="checkbox" aria-label=move || format!("Line {} is a phantom", number())
                    prop:checked=move || read(lines, key, |line| line.phantom)
                    on:change=move |event| {
                        let phantom = event_target_checked(&event);
                        edit(lines, key, |line| line.phantom = phantom);
                    }/>
            </td>
            {text_cell(lines, key, messages, Cell::Description)}
            {text_cell(lines, key, messages, Cell::RouteStep)}
            <td>
                <button type="button" class="button subtle" aria-label=move || format!("Remove line {}", number())
                    on:click=move |_| lines.update(|lines| lines.retain(|(at, _)| *at != key))>"Remove"</button>
            </td>
        </tr>
    }
}
