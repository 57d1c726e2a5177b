use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use torvan::customer::{AddressType, CompanyDraft, CustomerType};
use torvan::{Action, DbEnum};

use super::api::{
    AddAddress, AddContact, AddressLine, ContactLine, CustomerDetail, SaveCustomer,
    SetCustomerActive, SetDefaultAddress, SetPrimaryContact, get_customer,
};
use crate::error::AppError;
use crate::shell::{
    Crumb, FieldMessage, FormError, Loaded, Permitted, Trail, action_error, successes,
};

/// `/customers/new`
#[component]
pub fn NewCustomerPage() -> impl IntoView {
    let save = ServerAction::<SaveCustomer>::new();
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(number)) = save.value().get() {
            navigate(&format!("/customers/{number}"), Default::default());
        }
    });
    view! {
        <Title text="New customer"/>
        <Trail trail=vec![Crumb::new("Customers", "/customers")] current="New customer"/>
        <h1>"New customer"</h1>
        <CompanyForm company=CompanyDraft::default() number=None save/>
    }
}

/// `/customers/:number`
#[component]
pub fn CustomerPage() -> impl IntoView {
    let params = use_params_map();
    let actions = CustomerActions {
        save: ServerAction::new(),
        active: ServerAction::new(),
        address: ServerAction::new(),
        contact: ServerAction::new(),
        default_address: ServerAction::new(),
        primary: ServerAction::new(),
    };
    let saved = actions.saves();
    let customer = Resource::new(
        move || (params.read().get("number").unwrap_or_default(), saved.get()),
        |(number, _)| get_customer(number),
    );
    view! {
        <Loaded resource=customer loading="Loading the customer…" render=move |customer| view! { <Customer customer actions/> }/>
    }
}

#[derive(Clone, Copy)]
struct CustomerActions {
    save: ServerAction<SaveCustomer>,
    active: ServerAction<SetCustomerActive>,
    address: ServerAction<AddAddress>,
    contact: ServerAction<AddContact>,
    default_address: ServerAction<SetDefaultAddress>,
    primary: ServerAction<SetPrimaryContact>,
}

impl CustomerActions {
    /// Successful changes so far; the page reloads after each.
    fn saves(&self) -> Signal<usize> {
        let counts = [
            successes(self.save),
            successes(self.active),
            successes(self.address),
            successes(self.contact),
            successes(self.default_address),
            successes(self.primary),
        ];
        Signal::derive(move || counts.iter().map(|count| count.get()).sum())
    }
}

#[component]
fn Customer(customer: CustomerDetail, actions: CustomerActions) -> impl IntoView {
    let number = customer.customer_number.clone();
    let title = format!("{} {}", number, customer.company.company_name);
    let status = if customer.active {
        "Active"
    } else {
        "Inactive"
    };
    let (toggle_to, toggle_label) = if customer.active {
        (false, "Deactivate customer")
    } else {
        (true, "Reactivate customer")
    };
    let company = customer.company.clone();
    view! {
        <Title text=title/>
        <Trail trail=vec![Crumb::new("Customers", "/customers")] current=number.clone()/>
        <h1>{number.clone()}<span class="subtitle">{customer.company.company_name.clone()}</span></h1>
        <p><span class="badge" data-testid="customer-status">{status}</span></p>
        <Addresses number=number.clone() lines=customer.addresses action=actions.default_address/>
        <Contacts number=number.clone() lines=customer.contacts action=actions.primary/>
        <Permitted on=torvan::Resource::Customers action=Action::Update clone:number clone:company>
            <div class="part-grid">
                <section class="card" aria-labelledby="company-heading">
                    <h2 id="company-heading">"Company"</h2>
                    <CompanyForm company=company.clone() number=Some(number.clone()) save=actions.save/>
                </section>
                <AddressForm number=number.clone() action=actions.address/>
                <ContactForm number=number.clone() action=actions.contact/>
            </div>
            <ActiveToggle number=number.clone() active=toggle_to label=toggle_label action=actions.active/>
        </Permitted>
    }
}

#[component]
fn ActiveToggle(
    number: String,
    active: bool,
    label: &'static str,
    action: ServerAction<SetCustomerActive>,
) -> impl IntoView {
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="customer_number" value=number/>
            <input type="hidden" name="active" value=active.to_string()/>
            <button type="submit" class="button subtle">{label}</button>
        </ActionForm>
    }
}

fn text_input(
    prefix: &'static str,
    field: &'static str,
    label: &'static str,
    value: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = format!("{prefix}-{field}");
    view! {
        <label for=id.clone()>{label}</label>
        <input id=id name=format!("{prefix}[{field}]") value=value/>
        <FieldMessage error field/>
    }
}

#[component]
fn CompanyForm(
    company: CompanyDraft,
    number: Option<String>,
    save: ServerAction<SaveCustomer>,
) -> impl IntoView {
    let error = action_error(save);
    let current = company.customer_type.clone();
    let types = CustomerType::ALL
        .iter()
        .map(|&kind| {
            let selected = kind.as_db_str() == current;
            view! { <option value=kind.as_db_str() selected=selected>{kind.label()}</option> }
        })
        .collect_view();
    let button = if number.is_some() {
        "Save company"
    } else {
        "Create customer"
    };
    view! {
        <ActionForm action=save attr:class="form">
            {number.map(|number| view! { <input type="hidden" name="customer_number" value=number/> })}
            {text_input("company", "company_name", "Company name", company.company_name, error)}
            <label for="company-customer_type">"Customer type"</label>
            <select id="company-customer_type" name="company[customer_type]">{types}</select>
            {text_input("company", "tax_id", "Tax ID", company.tax_id, error)}
            {text_input("company", "website", "Website", company.website, error)}
            {text_input("company", "payment_terms", "Payment terms (days)", company.payment_terms, error)}
            {text_input("company", "credit_limit", "Credit limit ($)", company.credit_limit, error)}
            <label for="company-notes">"Notes"</label>
            <textarea id="company-notes" name="company[notes]" rows="2">{company.notes}</textarea>
            <FormError error/>
            <button type="submit" class="button">{button}</button>
        </ActionForm>
    }
}

#[component]
fn Addresses(
    number: String,
    lines: Vec<AddressLine>,
    action: ServerAction<SetDefaultAddress>,
) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section aria-labelledby="addresses-heading">
            <h2 id="addresses-heading">"Addresses"</h2>
            {if lines.is_empty() { Some(view! { <p class="empty">"No addresses yet."</p> }) } else { None }}
            <ul class="plain-list">
                {lines.into_iter().map(|line| {
                    let defaults = [(line.default_billing, "default billing"), (line.default_shipping, "default shipping")]
                        .into_iter()
                        .filter_map(|(on, label)| on.then_some(label))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let choices = [
                        (line.bills && !line.default_billing, true),
                        (line.ships && !line.default_shipping, false),
                    ];
                    let number = number.clone();
                    view! {
                        <li data-address=line.id.to_string()>
                            <strong>{line.label.unwrap_or(line.kind)}</strong>" — "{line.lines}
                            {(!defaults.is_empty()).then(|| view! { <span class="badge">{defaults}</span> })}
                            <Permitted on=torvan::Resource::Customers action=Action::Update clone:number>
                                {choices.into_iter().filter(|(offered, _)| *offered).map(|(_, billing)| view! {
                                    <DefaultForm number=number.clone() id=line.id billing action/>
                                }).collect_view()}
                            </Permitted>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <FormError error/>
        </section>
    }
}

#[component]
fn Contacts(
    number: String,
    lines: Vec<ContactLine>,
    action: ServerAction<SetPrimaryContact>,
) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">"Contacts"</h2>
            {if lines.is_empty() { Some(view! { <p class="empty">"No contacts yet."</p> }) } else { None }}
            <ul class="plain-list">
                {lines.into_iter().map(|line| {
                    let reach = [line.email, line.phone].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                    view! {
                        <li data-contact=line.id.to_string()>
                            <strong>{line.name}</strong>
                            {line.title.map(|title| format!(", {title}"))}
                            {format!(" — {reach}")}
                            {line.primary.then(|| view! { <span class="badge">"Primary"</span> })}
                            {(!line.primary).then(|| {
                                let number = number.clone();
                                view! {
                                    <Permitted on=torvan::Resource::Customers action=Action::Update clone:number>
                                        <PrimaryForm number=number.clone() id=line.id action/>
                                    </Permitted>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <FormError error/>
        </section>
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

#[component]
fn AddressForm(number: String, action: ServerAction<AddAddress>) -> impl IntoView {
    let error = action_error(action);
    let kinds = AddressType::ALL
        .iter()
        .map(|&kind| view! { <option value=kind.as_db_str() selected=kind == AddressType::Both>{kind.label()}</option> })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="new-address-heading">
            <h2 id="new-address-heading">"Add an address"</h2>
            <ActionForm action attr:class="form">
                <input type="hidden" name="customer_number" value=number/>
                <label for="address-address_type">"Used for"</label>
                <select id="address-address_type" name="address[address_type]">{kinds}</select>
                {text_input("address", "label", "Label (e.g. Loading dock)", String::new(), error)}
                {text_input("address", "street_address_1", "Street", String::new(), error)}
                {text_input("address", "street_address_2", "Street, second line", String::new(), error)}
                {text_input("address", "city", "City", String::new(), error)}
                {text_input("address", "state_province", "State or province", String::new(), error)}
                {text_input("address", "postal_code", "Postal code", String::new(), error)}
                {text_input("address", "country", "Country", "United States".to_owned(), error)}
                <label class="check"><input type="checkbox" name="address[default_billing]" value="yes"/>"Default billing address"</label>
                <FieldMessage error field="default_billing"/>
                <label class="check"><input type="checkbox" name="address[default_shipping]" value="yes"/>"Default shipping address"</label>
                <FieldMessage error field="default_shipping"/>
                <FormError error/>
                <button type="submit" class="button">"Add address"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ContactForm(number: String, action: ServerAction<AddContact>) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section class="card" aria-labelledby="new-contact-heading">
            <h2 id="new-contact-heading">"Add a contact"</h2>
            <ActionForm action attr:class="form">
                <input type="hidden" name="customer_number" value=number/>
                {text_input("contact", "first_name", "First name", String::new(), error)}
                {text_input("contact", "last_name", "Last name", String::new(), error)}
                {text_input("contact", "title", "Job title", String::new(), error)}
                {text_input("contact", "email", "Email", String::new(), error)}
                {text_input("contact", "phone", "Phone", String::new(), error)}
                <label class="check"><input type="checkbox" name="contact[primary]" value="yes"/>"Primary contact"</label>
                <FormError error/>
                <button type="submit" class="button">"Add contact"</button>
            </ActionForm>
        </section>
    }
}
