//! `/orders/new`: the form that opens an order for a customer.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;
use torvan::order_draft::{INSTRUCTIONS_LIMIT, OrderType, PO_LIMIT};
use torvan::{Action, DbEnum, OrderPriority};

use super::api::{CreateOrder, customer_choices};
use crate::limit_hint::LimitHint;
use crate::orders::header::picked_customer_ship_to;
use crate::shell::{Crumb, FieldMessage, FormError, Loaded, PermittedPage, Trail, action_error};

/// `/orders/new`
#[component]
pub fn NewOrderPage() -> impl IntoView {
    let customers = Resource::new(|| (), |_| customer_choices());
    view! {
        <PermittedPage on=torvan::Resource::Orders action=Action::Create>
            <Title text="New order"/>
            <Trail trail=vec![Crumb::new("Orders", "/orders")] current="New order"/>
            <h1>"New order"</h1>
            <Loaded resource=customers loading="Loading customers…" render=|customers| view! { <OrderForm customers/> }/>
        </PermittedPage>
    }
}

#[component]
fn OrderForm(customers: Vec<(String, String)>) -> impl IntoView {
    let action = ServerAction::<CreateOrder>::new();
    let error = action_error(action);
    let (customer_changed, ship_to) = picked_customer_ship_to("order[header]", error);
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(number)) = action.value().get() {
            navigate(&crate::routes::order(&number), Default::default());
        }
    });
    let customer_options = customers
        .into_iter()
        .map(|(number, name)| view! { <option value=number.clone()>{format!("{name} ({number})")}</option> })
        .collect_view();
    let types = OrderType::ALL
        .iter()
        .map(|&kind| view! { <option value=kind.as_db_str()>{kind.label()}</option> })
        .collect_view();
    let priorities = OrderPriority::ALL
        .iter()
        .map(|&priority| view! { <option value=priority.as_db_str()>{priority.label()}</option> })
        .collect_view();
    view! {
        <ActionForm action attr:class="form narrow">
            <FormError error/>
            <label for="order-customer">"Customer"</label>
            <select id="order-customer" name="order[customer_number]" required
                on:change=move |event| customer_changed.run(event_target_value(&event))>
                <option value="">"— choose —"</option>
                {customer_options}
            </select>
            <FieldMessage error field="customer_number"/>
            <label for="order-po">"Customer PO number"</label>
            <input id="order-po" name="order[header][customer_po_number]" maxlength=PO_LIMIT/>
            <LimitHint limit=Some(PO_LIMIT)/>
            <FieldMessage error field="customer_po_number"/>
            <label for="order-type">"Order type"</label>
            <select id="order-type" name="order[order_type]">{types}</select>
            <label for="order-priority">"Priority"</label>
            <select id="order-priority" name="order[header][priority]">{priorities}</select>
            <label for="order-requested">"Requested ship date"</label>
            <input id="order-requested" name="order[header][requested_ship_date]" type="date"/>
            <FieldMessage error field="requested_ship_date"/>
            <label for="order-promised">"Promised ship date"</label>
            <input id="order-promised" name="order[header][promised_ship_date]" type="date"/>
            <FieldMessage error field="promised_ship_date"/>
            {ship_to}
            <label for="order-instructions">"Special instructions"</label>
            <textarea id="order-instructions" name="order[header][special_instructions]" rows="3" maxlength=INSTRUCTIONS_LIMIT></textarea>
            <LimitHint limit=Some(INSTRUCTIONS_LIMIT)/>
            <FieldMessage error field="special_instructions"/>
            <button type="submit" class="button">"Create order"</button>
        </ActionForm>
    }
}
