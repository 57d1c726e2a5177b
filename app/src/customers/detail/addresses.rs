//! A customer's addresses: each with its defaults and inline edit form,
//! and the form that adds one.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::customer::{AddressDraft, AddressType};
use torvan::{Action, DbEnum};

use crate::customers::api::{AddAddress, SetDefaultAddress, UpdateAddress};
use crate::customers::model::AddressLine;
use crate::shell::form::{Form, choices, reload_after};
use crate::shell::{FormError, Permitted, action_error};

#[component]
pub(super) fn Addresses(
    number: String,
    lines: Vec<AddressLine>,
    action: ServerAction<SetDefaultAddress>,
    edits: RwSignal<usize>,
) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section aria-labelledby="addresses-heading">
            <h2 id="addresses-heading">"Addresses"</h2>
            {lines.is_empty().then(|| view! { <p class="empty">"No addresses yet."</p> })}
            <ul class="plain-list">
                {lines.into_iter().map(|line| {
                    let number = number.clone();
                    view! { <Address number line action edits/> }
                }).collect_view()}
            </ul>
            <FormError error/>
        </section>
    }
}

#[component]
fn Address(
    number: String,
    line: AddressLine,
    action: ServerAction<SetDefaultAddress>,
    edits: RwSignal<usize>,
) -> impl IntoView {
    let defaults = [
        (line.default_billing, "default billing"),
        (line.default_shipping, "default shipping"),
    ]
    .into_iter()
    .filter_map(|(on, label)| on.then_some(label))
    .collect::<Vec<_>>()
    .join(", ");
    let choices = [
        (line.bills && !line.default_billing, true),
        (line.ships && !line.default_shipping, false),
    ];
    let name = line.label.clone().unwrap_or(line.kind.clone());
    let id = line.id;
    let draft = line.draft;
    view! {
        <li data-address=id.to_string()>
            <strong>{name.clone()}</strong>" — "{line.lines}
            {(!defaults.is_empty()).then(|| view! { <span class="badge">{defaults}</span> })}
            <Permitted on=torvan::Resource::Customers action=Action::Update clone:number clone:name clone:draft>
                {choices.into_iter().filter(|(offered, _)| *offered).map(|(_, billing)| view! {
                    <DefaultForm number=number.clone() id billing action/>
                }).collect_view()}
                <EditAddress number=number.clone() id name=name.clone() draft=draft.clone() edits/>
            </Permitted>
        </li>
    }
}

#[component]
fn DefaultForm(
    number: String,
    id: uuid::Uuid,
    billing: bool,
    action: ServerAction<SetDefaultAddress>,
) -> impl IntoView {
    let label = if billing {
        "Make default billing"
    } else {
        "Make default shipping"
    };
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="customer_number" value=number/>
            <input type="hidden" name="address_id" value=id.to_string()/>
            <input type="hidden" name="billing" value=billing.to_string()/>
            <button type="submit" class="button subtle">{label}</button>
        </ActionForm>
    }
}

/// The address fields, empty for a new address or as saved for an edit.
fn address_fields(form: &Form, draft: AddressDraft) -> impl IntoView + use<> {
    let kind = AddressType::parse(&draft.address_type).unwrap_or(AddressType::Both);
    view! {
        {form.select("address_type", "Used for", choices(AddressType::label), kind.as_db_str().to_owned())}
        {form.text("label", "Label (e.g. Loading dock)", draft.label)}
        {form.text("street_address_1", "Street", draft.street_address_1)}
        {form.text("street_address_2", "Street, second line", draft.street_address_2)}
        {form.text("city", "City", draft.city)}
        {form.text("state_province", "State or province", draft.state_province)}
        {form.text("postal_code", "Postal code", draft.postal_code)}
        {form.text("country", "Country", draft.country)}
        {form.check("default_billing", "Default billing address", &draft.default_billing)}
        {form.check("default_shipping", "Default shipping address", &draft.default_shipping)}
    }
}

#[component]
fn EditAddress(
    number: String,
    id: uuid::Uuid,
    name: String,
    draft: AddressDraft,
    edits: RwSignal<usize>,
) -> impl IntoView {
    let action = ServerAction::<UpdateAddress>::new();
    reload_after(action, edits);
    let error = action_error(action);
    let form = Form::new(
        format!("address-{id}"),
        "address",
        error,
        AddressDraft::text_limit,
    );
    view! {
        <details class="edit">
            <summary aria-label=format!("Edit address {name}")>"Edit"</summary>
            <ActionForm action attr:class="form">
                <FormError error/>
                <input type="hidden" name="customer_number" value=number/>
                <input type="hidden" name="address_id" value=id.to_string()/>
                {address_fields(&form, draft)}
                <button type="submit" class="button">"Save address"</button>
            </ActionForm>
        </details>
    }
}

#[component]
pub(super) fn AddressForm(number: String, action: ServerAction<AddAddress>) -> impl IntoView {
    let form = Form::new(
        "address",
        "address",
        action_error(action),
        AddressDraft::text_limit,
    );
    let draft = AddressDraft {
        address_type: AddressType::Both.as_db_str().to_owned(),
        country: "United States".to_owned(),
        ..AddressDraft::default()
    };
    view! {
        <section class="card" aria-labelledby="new-address-heading">
            <h2 id="new-address-heading">"Add an address"</h2>
            <ActionForm action attr:class="form">
                <FormError error=form.error/>
                <input type="hidden" name="customer_number" value=number/>
                {address_fields(&form, draft)}
                <button type="submit" class="button">"Add address"</button>
            </ActionForm>
        </section>
    }
}
