//! A customer's contacts: each with its primary mark and inline edit
//! form, and the form that adds one.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::Action;
use torvan::customer::ContactDraft;

use crate::customers::api::{AddContact, SetPrimaryContact, UpdateContact};
use crate::customers::model::ContactLine;
use crate::shell::form::{Form, reload_after};
use crate::shell::{FormError, Permitted, action_error};

#[component]
pub(super) fn Contacts(
    number: String,
    lines: Vec<ContactLine>,
    action: ServerAction<SetPrimaryContact>,
    edits: RwSignal<usize>,
) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">"Contacts"</h2>
            {lines.is_empty().then(|| view! { <p class="empty">"No contacts yet."</p> })}
            <ul class="plain-list">
                {lines.into_iter().map(|line| {
                    let number = number.clone();
                    view! { <Contact number line action edits/> }
                }).collect_view()}
            </ul>
            <FormError error/>
        </section>
    }
}

#[component]
fn Contact(
    number: String,
    line: ContactLine,
    action: ServerAction<SetPrimaryContact>,
    edits: RwSignal<usize>,
) -> impl IntoView {
    let reach = [line.email, line.phone]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let id = line.id;
    let name = line.name;
    let draft = line.draft;
    let primary = line.primary;
    view! {
        <li data-contact=id.to_string()>
            <strong>{name.clone()}</strong>
            {line.title.map(|title| format!(", {title}"))}
            {format!(" — {reach}")}
            {primary.then(|| view! { <span class="badge">"Primary"</span> })}
            <Permitted on=torvan::Resource::Customers action=Action::Update clone:number clone:name clone:draft>
                {(!primary).then(|| view! { <PrimaryForm number=number.clone() id action/> })}
                <EditContact number=number.clone() id name=name.clone() draft=draft.clone() edits/>
            </Permitted>
        </li>
    }
}

#[component]
fn PrimaryForm(
    number: String,
    id: uuid::Uuid,
    action: ServerAction<SetPrimaryContact>,
) -> impl IntoView {
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="customer_number" value=number/>
            <input type="hidden" name="contact_id" value=id.to_string()/>
            <button type="submit" class="button subtle">"Make primary"</button>
        </ActionForm>
    }
}

/// The contact fields, empty for a new contact or as saved for an edit.
fn contact_fields(form: &Form, draft: ContactDraft) -> impl IntoView + use<> {
    view! {
        {form.text("first_name", "First name", draft.first_name)}
        {form.text("last_name", "Last name", draft.last_name)}
        {form.text("title", "Job title", draft.title)}
        {form.text("email", "Email", draft.email)}
        {form.text("phone", "Phone", draft.phone)}
        {form.check("primary", "Primary contact", &draft.primary)}
    }
}

#[component]
fn EditContact(
    number: String,
    id: uuid::Uuid,
    name: String,
    draft: ContactDraft,
    edits: RwSignal<usize>,
) -> impl IntoView {
    let action = ServerAction::<UpdateContact>::new();
    reload_after(action, edits);
    let error = action_error(action);
    let form = Form::new(
        format!("contact-{id}"),
        "contact",
        error,
        ContactDraft::text_limit,
    );
    view! {
        <details class="edit">
            <summary aria-label=format!("Edit contact {name}")>"Edit"</summary>
            <ActionForm action attr:class="form">
                <FormError error/>
                <input type="hidden" name="customer_number" value=number/>
                <input type="hidden" name="contact_id" value=id.to_string()/>
                {contact_fields(&form, draft)}
                <button type="submit" class="button">"Save contact"</button>
            </ActionForm>
        </details>
    }
}

#[component]
pub(super) fn ContactForm(number: String, action: ServerAction<AddContact>) -> impl IntoView {
    let form = Form::new(
        "contact",
        "contact",
        action_error(action),
        ContactDraft::text_limit,
    );
    view! {
        <section class="card" aria-labelledby="new-contact-heading">
            <h2 id="new-contact-heading">"Add a contact"</h2>
            <ActionForm action attr:class="form">
                <FormError error=form.error/>
                <input type="hidden" name="customer_number" value=number/>
                {contact_fields(&form, ContactDraft::default())}
                <button type="submit" class="button">"Add contact"</button>
            </ActionForm>
        </section>
    }
}
