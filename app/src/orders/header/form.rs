//! The header's form: on the order page, folded under "Edit order details"
//! for roles that may change orders, until the order ships; and the ship-to
//! and contact choices the new-order form shares with it.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::order_draft::{HeaderDraft, INSTRUCTIONS_LIMIT, PO_LIMIT};
use torvan::{DbEnum, OrderNumber, OrderPriority};

use super::api::{SaveOrderHeader, ship_choices};
use super::model::ShipToChoices;
use crate::error::AppError;
use crate::limit_hint::LimitHint;
use crate::shell::{FieldMessage, FormError, action_error};

/// Ship-to address and contact selects from `choices`, named
/// `{prefix}[ship_to_address_id]` and `{prefix}[contact_id]`; an empty
/// choice means the customer's default.
#[component]
pub fn ShipToFields(
    choices: ShipToChoices,
    prefix: &'static str,
    #[prop(optional)] address: String,
    #[prop(optional)] contact: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let select = move |id: &'static str,
                       field: &'static str,
                       label: &'static str,
                       default: &'static str,
                       options: Vec<(String, String)>,
                       chosen: String| {
        let options = options
            .into_iter()
            .map(|(value, text)| {
                let selected = value == chosen;
                view! { <option value=value selected=selected>{text}</option> }
            })
            .collect_view();
        view! {
            <label for=id>{label}</label>
            <select id=id name=format!("{prefix}[{field}]")>
                <option value="">{default}</option>
                {options}
            </select>
            <FieldMessage error field/>
        }
    };
    view! {
        {select("ship-to", "ship_to_address_id", "Ship to", "The customer's default shipping address", choices.addresses, address)}
        {select("contact", "contact_id", "Contact", "The customer's primary contact", choices.contacts, contact)}
    }
}

/// The ship-to fields of a form whose customer is picked on it: the
/// customer's choices are fetched when one is picked (`customer_changed`),
/// nothing shows before.
pub fn picked_customer_ship_to(
    prefix: &'static str,
    error: Signal<Option<AppError>>,
) -> (Callback<String>, impl IntoView) {
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
            .map(|choices| view! { <ShipToFields choices prefix error/> })
    };
    (changed, fields)
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
    let priorities = OrderPriority::ALL
        .iter()
        .map(|&priority| {
            let selected = priority.as_db_str() == header.priority;
            view! { <option value=priority.as_db_str() selected=selected>{priority.label()}</option> }
        })
        .collect_view();
    view! {
        <details class="edit" open=move || error.get().is_some()>
            <summary>"Edit order details"</summary>
            <ActionForm action attr:class="form">
                <FormError error/>
                <input type="hidden" name="order_number" value=order_number.to_string()/>
                <input type="hidden" name="version" value=version/>
                <label for="header-po">"Customer PO number"</label>
                <input id="header-po" name="header[customer_po_number]" value=header.customer_po_number maxlength=PO_LIMIT/>
                <LimitHint limit=Some(PO_LIMIT)/>
                <FieldMessage error field="customer_po_number"/>
                <label for="header-priority">"Priority"</label>
                <select id="header-priority" name="header[priority]">{priorities}</select>
                <FieldMessage error field="priority"/>
                <label for="header-requested">"Requested ship date"</label>
                <input id="header-requested" type="date" name="header[requested_ship_date]" value=header.requested_ship_date/>
                <FieldMessage error field="requested_ship_date"/>
                <label for="header-promised">"Promised ship date"</label>
                <input id="header-promised" type="date" name="header[promised_ship_date]" value=header.promised_ship_date/>
                <FieldMessage error field="promised_ship_date"/>
                <ShipToFields choices prefix="header" address=header.ship_to_address_id contact=header.contact_id error/>
                <label for="header-instructions">"Special instructions"</label>
                <textarea id="header-instructions" name="header[special_instructions]" rows="3" maxlength=INSTRUCTIONS_LIMIT>{header.special_instructions}</textarea>
                <LimitHint limit=Some(INSTRUCTIONS_LIMIT)/>
                <FieldMessage error field="special_instructions"/>
                <FieldMessage error field="order"/>
                <button type="submit" class="button">"Save order details"</button>
            </ActionForm>
        </details>
    }
}
