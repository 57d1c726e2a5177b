//! The template's own fields (name, selection rule, priority, active,
//! description), each with its message and, for text, its length limit.

use leptos::prelude::*;
use torvan::bom::TemplateHeader;

use super::messages::{Messages, message};
use crate::limit_hint::LimitHint;

/// Which of the template's own text fields an input edits.
#[derive(Clone, Copy)]
enum Field {
    Name,
    Rule,
    Priority,
    Description,
}

impl Field {
    fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Rule => "rule",
            Self::Priority => "priority",
            Self::Description => "description",
        }
    }

    fn get(self, header: &TemplateHeader) -> String {
        match self {
            Self::Name => header.name.clone(),
            Self::Rule => header.rule.clone(),
            Self::Priority => header.priority.clone(),
            Self::Description => header.description.clone(),
        }
    }

    fn set(self, header: &mut TemplateHeader, value: String) {
        match self {
            Self::Name => header.name = value,
            Self::Rule => header.rule = value,
            Self::Priority => header.priority = value,
            Self::Description => header.description = value,
        }
    }
}

fn input(
    header: RwSignal<TemplateHeader>,
    messages: Messages,
    field: Field,
    label: &'static str,
) -> impl IntoView {
    let id = format!("template-{}", field.key());
    let limit = TemplateHeader::text_limit(field.key());
    view! {
        <label for=id.clone()>{label}</label>
        <input id=id value=header.with_untracked(|header| field.get(header)) maxlength=limit
            on:input=move |event| header.update(|header| field.set(header, event_target_value(&event)))/>
        <LimitHint limit/>
        {message(messages, move || field.key().to_owned())}
    }
}

#[component]
pub(super) fn HeaderFields(header: RwSignal<TemplateHeader>, messages: Messages) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="template-heading">
            <h2 id="template-heading">"Template"</h2>
            <div class="form">
                {input(header, messages, Field::Name, "Name")}
                {input(header, messages, Field::Rule, "Selection rule (empty: any configuration of the family)")}
                {input(header, messages, Field::Priority, "Priority (lower is tried first)")}
                {input(header, messages, Field::Description, "Description")}
                <label class="check">
                    <input type="checkbox" prop:checked=move || header.with(|header| header.active)
                        on:change=move |event| header.update(|header| header.active = event_target_checked(&event))/>
                    "Active"
                </label>
            </div>
        </section>
    }
}
