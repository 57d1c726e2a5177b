//! One item of the template as a card: each input edits one field of the
//! item's draft and shows that field's message. A measurement's spec
//! (nominal, tolerance, unit) shows only for a measurement, and choosing
//! another kind of check empties it, since only a measurement has one. An
//! item is keyed, so moving or removing another keeps this one's inputs.

use leptos::prelude::*;
use torvan::DbEnum;
use torvan::quality::{ChecklistItemDraft, QcItemType, ToleranceKind, Unit, item_field};

use super::messages::{Items, Messages, message};

/// The text fields of an item, each with its draft field name.
#[derive(Clone, Copy)]
enum Text {
    Category,
    Description,
    Specification,
    Nominal,
    Plus,
    Minus,
    Procedure,
    Tools,
    Condition,
    Repeat,
}

impl Text {
    fn key(self) -> &'static str {
        match self {
            Self::Category => "category",
            Self::Description => "description",
            Self::Specification => "specification",
            Self::Nominal => "nominal",
            Self::Plus => "tolerance_plus",
            Self::Minus => "tolerance_minus",
            Self::Procedure => "procedure",
            Self::Tools => "tools",
            Self::Condition => "condition",
            Self::Repeat => "repeat",
        }
    }

    /// The label, which for a tolerance's two values says what the chosen
    /// kind makes of them.
    fn label(self, kind: Option<ToleranceKind>) -> &'static str {
        use ToleranceKind::*;
        match (self, kind) {
            (Self::Category, _) => "Category",
            (Self::Description, _) => "Description ({n}: the copy's number)",
            (Self::Specification, _) => "Specification",
            (Self::Nominal, _) => "Nominal value",
            (Self::Plus, Some(Symmetric)) => "Plus or minus",
            (Self::Plus, Some(Asymmetric)) => "Plus",
            (Self::Plus, Some(Maximum)) => "At most",
            (Self::Plus, Some(Range)) => "Upper end",
            (Self::Plus, _) => "Upper value",
            (Self::Minus, Some(Asymmetric)) => "Minus",
            (Self::Minus, Some(Minimum)) => "At least",
            (Self::Minus, Some(Range)) => "Lower end",
            (Self::Minus, _) => "Lower value",
            (Self::Procedure, _) => "Test procedure",
            (Self::Tools, _) => "Required tools (one per line)",
            (Self::Condition, _) => "Needed when (empty: every build)",
            (Self::Repeat, _) => "Copies per build (a formula; empty: one)",
        }
    }

    fn area(self) -> bool {
        matches!(self, Self::Specification | Self::Procedure | Self::Tools)
    }

    fn value(self, item: &ChecklistItemDraft) -> &str {
        match self {
            Self::Category => &item.category,
            Self::Description => &item.description,
            Self::Specification => &item.specification,
            Self::Nominal => &item.nominal,
            Self::Plus => &item.tolerance_plus,
            Self::Minus => &item.tolerance_minus,
            Self::Procedure => &item.procedure,
            Self::Tools => &item.tools,
            Self::Condition => &item.condition,
            Self::Repeat => &item.repeat,
        }
    }

    fn text(self, item: &mut ChecklistItemDraft) -> &mut String {
        match self {
            Self::Category => &mut item.category,
            Self::Description => &mut item.description,
            Self::Specification => &mut item.specification,
            Self::Nominal => &mut item.nominal,
            Self::Plus => &mut item.tolerance_plus,
            Self::Minus => &mut item.tolerance_minus,
            Self::Procedure => &mut item.procedure,
            Self::Tools => &mut item.tools,
            Self::Condition => &mut item.condition,
            Self::Repeat => &mut item.repeat,
        }
    }
}

/// The item's four flags.
#[derive(Clone, Copy)]
enum Flag {
    Photo,
    Document,
    Signature,
    Required,
}

impl Flag {
    fn label(self) -> &'static str {
        match self {
            Self::Photo => "Photo required",
            Self::Document => "Document required",
            Self::Signature => "Signature required",
            Self::Required => "Required (not to be marked not applicable)",
        }
    }

    fn get(self, item: &ChecklistItemDraft) -> bool {
        match self {
            Self::Photo => item.photo_required,
            Self::Document => item.document_required,
            Self::Signature => item.signature_required,
            Self::Required => item.required,
        }
    }

    fn flag(self, item: &mut ChecklistItemDraft) -> &mut bool {
        match self {
            Self::Photo => &mut item.photo_required,
            Self::Document => &mut item.document_required,
            Self::Signature => &mut item.signature_required,
            Self::Required => &mut item.required,
        }
    }
}

/// The item's three choices from a list.
#[derive(Clone, Copy)]
enum Choice {
    ItemType,
    Tolerance,
    Unit,
}

impl Choice {
    fn key(self) -> &'static str {
        match self {
            Self::ItemType => "item_type",
            Self::Tolerance => "tolerance_kind",
            Self::Unit => "unit",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::ItemType => "Kind of check",
            Self::Tolerance => "Tolerance",
            Self::Unit => "Unit",
        }
    }

    /// Each choice as (stored value, what the admin reads).
    fn options(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Self::ItemType => QcItemType::ALL
                .iter()
                .map(|kind| (kind.as_db_str(), kind.label()))
                .collect(),
            Self::Tolerance => ToleranceKind::ALL
                .iter()
                .map(|kind| (kind.as_db_str(), kind.label()))
                .collect(),
            Self::Unit => Unit::ALL
                .iter()
                .map(|unit| (unit.as_db_str(), unit.label()))
                .collect(),
        }
    }

    fn value(self, item: &ChecklistItemDraft) -> &str {
        match self {
            Self::ItemType => &item.item_type,
            Self::Tolerance => &item.tolerance_kind,
            Self::Unit => &item.unit,
        }
    }

    fn text(self, item: &mut ChecklistItemDraft) -> &mut String {
        match self {
            Self::ItemType => &mut item.item_type,
            Self::Tolerance => &mut item.tolerance_kind,
            Self::Unit => &mut item.unit,
        }
    }

    fn choose(self, item: &mut ChecklistItemDraft, value: String) {
        let measurement = QcItemType::Measurement.as_db_str();
        if matches!(self, Self::ItemType) && value != measurement {
            for field in [Text::Nominal, Text::Plus, Text::Minus] {
                field.text(item).clear();
            }
            item.tolerance_kind.clear();
            item.unit.clear();
        }
        *self.text(item) = value;
    }
}

fn edit(items: Items, key: u32, change: impl FnOnce(&mut ChecklistItemDraft)) {
    items.update(|items| {
        if let Some((_, item)) = items.iter_mut().find(|(at, _)| *at == key) {
            change(item);
        }
    });
}

fn read<T: Default>(items: Items, key: u32, field: impl Fn(&ChecklistItemDraft) -> T) -> T {
    items.with(|items| {
        items
            .iter()
            .find(|(at, _)| *at == key)
            .map(|(_, item)| field(item))
            .unwrap_or_default()
    })
}

/// Where the item stands in the template now, which names its messages.
fn index(items: Items, key: u32) -> usize {
    items.with(|items| {
        items
            .iter()
            .position(|(at, _)| *at == key)
            .unwrap_or(usize::MAX)
    })
}

fn text_input(items: Items, key: u32, messages: Messages, field: Text) -> impl IntoView {
    let id = format!("item-{key}-{}", field.key());
    let value = move || read(items, key, |item| field.value(item).to_owned());
    let label = move || {
        let kind = read(items, key, |item| {
            ToleranceKind::parse(&item.tolerance_kind).ok()
        });
        field.label(kind)
    };
    let input = move |event| {
        let value = event_target_value(&event);
        edit(items, key, |item| *field.text(item) = value);
    };
    let control = if field.area() {
        view! { <textarea id=id.clone() rows="2" prop:value=value on:input=input></textarea> }
            .into_any()
    } else {
        view! { <input id=id.clone() prop:value=value on:input=input/> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            {message(messages, move || item_field(index(items, key), field.key()))}
        </div>
    }
}

fn flag_input(items: Items, key: u32, flag: Flag) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || read(items, key, |item| flag.get(item))
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    edit(items, key, |item| *flag.flag(item) = checked);
                }/>
            {flag.label()}
        </label>
    }
}

fn select(items: Items, key: u32, messages: Messages, choice: Choice) -> impl IntoView {
    let id = format!("item-{key}-{}", choice.key());
    let options = choice
        .options()
        .into_iter()
        .map(|(value, name)| {
            let chosen = move || read(items, key, |item| choice.value(item) == value);
            view! { <option value=value prop:selected=chosen>{name}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{choice.label()}</label>
            <select id=id on:change=move |event| {
                let value = event_target_value(&event);
                edit(items, key, |item| choice.choose(item, value));
            }>
                <option value="">"Choose…"</option>
                {options}
            </select>
            {message(messages, move || item_field(index(items, key), choice.key()))}
        </div>
    }
}

#[component]
pub(super) fn ItemCard(key: u32, items: Items, messages: Messages) -> impl IntoView {
    let number = move || index(items, key) + 1;
    let measurement = move || {
        read(items, key, |item| {
            item.item_type == QcItemType::Measurement.as_db_str()
        })
    };
    let shift = move |by: isize| {
        items.update(|items| {
            let Some(at) = items.iter().position(|(item, _)| *item == key) else {
                return;
            };
            let to = at.checked_add_signed(by).filter(|to| *to < items.len());
            if let Some(to) = to {
                items.swap(at, to);
            }
        });
    };
    view! {
        <fieldset class="card qc-template-item">
            <legend>{move || format!("Item {}", number())}</legend>
            <div class="qc-template-item-fields">
                {text_input(items, key, messages, Text::Category)}
                {text_input(items, key, messages, Text::Description)}
                {select(items, key, messages, Choice::ItemType)}
                {text_input(items, key, messages, Text::Specification)}
                <Show when=measurement>
                    {select(items, key, messages, Choice::Tolerance)}
                    {text_input(items, key, messages, Text::Nominal)}
                    {text_input(items, key, messages, Text::Plus)}
                    {text_input(items, key, messages, Text::Minus)}
                    {select(items, key, messages, Choice::Unit)}
                </Show>
                {text_input(items, key, messages, Text::Procedure)}
                {text_input(items, key, messages, Text::Tools)}
                {text_input(items, key, messages, Text::Condition)}
                {text_input(items, key, messages, Text::Repeat)}
            </div>
            <div class="qc-template-item-flags">
                {flag_input(items, key, Flag::Photo)}
                {flag_input(items, key, Flag::Document)}
                {flag_input(items, key, Flag::Signature)}
                {flag_input(items, key, Flag::Required)}
            </div>
            <p class="actions">
                <button type="button" class="button subtle" aria-label=move || format!("Move item {} up", number()) on:click=move |_| shift(-1)>"Up"</button>
                <button type="button" class="button subtle" aria-label=move || format!("Move item {} down", number()) on:click=move |_| shift(1)>"Down"</button>
                <button type="button" class="button subtle" aria-label=move || format!("Remove item {}", number())
                    on:click=move |_| items.update(|items| items.retain(|(at, _)| *at != key))>"Remove item"</button>
            </p>
        </fieldset>
    }
}
