//! The header's form: on the order page, folded under "Edit order details"
//! for roles that may change orders, until the order ships; and the ship-to
//! and contact choices the new-order form shares with it.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::order_draft::HeaderDraft;
use torvan::unit_serial::SerialScheme;
use torvan::{OrderNumber, OrderPriority};

use super::api::{SaveOrderHeader, ship_choices};
use super::model::ShipToChoices;
use crate::error::AppError;
use crate::shell::form::{self, Form, Input};
use crate::shell::{FieldMessage, FormError, action_error};

/// Ship-to address and contact selects from `choices`, fields of `form`
/// (`ship_to_address_id`, `contact_id`); an empty choice means the
/// customer's default.
pub fn ship_to_fields(
    form: &Form,
    choices: ShipToChoices,
    address: String,
    contact: String,
) -> impl IntoView + use<> {
    let addresses = form::after_blank("The customer's default shipping address", choices.addresses);
    let contacts = form::after_blank("The customer's primary contact", choices.contacts);
    view! {
        {form.select("ship_to_address_id", "Ship to", addresses, address)}
        {form.select("contact_id", "Contact", contacts, contact)}
    }
}

/// The ship-to fields of a form whose customer is picked on it: the
/// customer's choices are fetched when one is picked (`customer_changed`),
/// nothing shows before.
pub fn picked_customer_ship_to(form: Form) -> (Callback<String>, impl IntoView) {
    let load = Action::new(|customer: &String| ship_choices(customer.clone()));
    let changed = Callback::new(move |customer: String| {
        if !customer.is_empty() {
            load.dispatch(customer);
        }
    });
    let fields = move || {
        load.value()
            .get()
            .and_then(Result::ok)
            .map(|choices| ship_to_fields(&form, choices, String::new(), String::new()))
    };
    (changed, fields)
}

/// The header's fields, named `{name}[field]` with ids `{id}-{field}`.
pub fn header_form(id: &str, name: &'static str, error: Signal<Option<AppError>>) -> Form {
    Form::new(id, name, error, HeaderDraft::text_limit)
}

/// The header as it can still change, with the version the page showed.
#[component]
pub fn HeaderForm(
    order_number: OrderNumber,
    version: i32,
    header: HeaderDraft,
    choices: ShipToChoices,
    action: ServerAction<SaveOrderHeader>,
) -> impl IntoView {
    let error = action_error(action);
    let form = header_form("header", "header", error);
    let priorities = form::choices(OrderPriority::label);
    view! {
        <details class="edit" open=move || error.get().is_some()>
            <summary>"Edit order details"</summary>
            <ActionForm action attr:class="form">
                <FormError error/>
                <input type="hidden" name="order_number" value=order_number.to_string()/>
                <input type="hidden" name="version" value=version/>
                {form.text("customer_po_number", "Customer PO number", header.customer_po_number)}
                {form.select("priority", "Priority", priorities, header.priority)}
                {form.input("requested_ship_date", "Requested ship date", header.requested_ship_date, Input::DATE)}
                {form.input("promised_ship_date", "Promised ship date", header.promised_ship_date, Input::DATE)}
                {ship_to_fields(&form, choices, header.ship_to_address_id, header.contact_id)}
                {form.select("unit_serials", "Serial numbers", form::choices(SerialScheme::label), header.unit_serials)}
                {form.input("special_instructions", "Special instructions", header.special_instructions, Input::area(3))}
                <FieldMessage error field="order"/>
                <button type="submit" class="button">"Save order details"</button>
            </ActionForm>
        </details>
    }
}
