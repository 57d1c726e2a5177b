//! `/orders/new`: the form that opens an order for a customer.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;
use torvan::order_draft::OrderType;
use torvan::unit_serial::SerialScheme;
use torvan::{Action, OrderPriority};

use super::api::{CreateOrder, customer_choices};
use crate::orders::header::{header_form, picked_customer_ship_to};
use crate::shell::form::{self, Form, Input, Select};
use crate::shell::{Crumb, FormError, Loaded, PermittedPage, Trail, action_error};

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
    let order = Form::new("order", "order", error, |_: &str| None);
    let header = header_form("order", "order[header]", error);
    let (customer_changed, ship_to) = picked_customer_ship_to(header.clone());
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(number)) = action.value().get() {
            navigate(&crate::routes::order(&number), Default::default());
        }
    });
    let customers = customers
        .into_iter()
        .map(|(number, name)| (number.clone(), format!("{name} ({number})")))
        .collect();
    let customers = form::after_blank("— choose —", customers);
    view! {
        <ActionForm action attr:class="form narrow">
            <FormError error/>
            <Select id=order.id_of("customer_number") name=order.name_of("customer_number")
                label="Customer" field="customer_number" error options=customers required=true
                on_change=customer_changed/>
            {header.text("customer_po_number", "Customer PO number", String::new())}
            {order.select("order_type", "Order type", form::choices(OrderType::label), String::new())}
            {header.select("priority", "Priority", form::choices(OrderPriority::label), String::new())}
            {header.input("requested_ship_date", "Requested ship date", String::new(), Input::DATE)}
            {header.input("promised_ship_date", "Promised ship date", String::new(), Input::DATE)}
            {ship_to}
            {header.select("unit_serials", "Serial numbers", form::choices(SerialScheme::label), String::new())}
            {header.input("special_instructions", "Special instructions", String::new(), Input::area(3))}
            <button type="submit" class="button">"Create order"</button>
        </ActionForm>
    }
}
