//! The customer pages: a new customer's company form, and one customer
//! with its addresses, contacts, company form and active flag. Every
//! change reloads the customer, so the page shows what was saved.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use torvan::Action;
use torvan::audit::AuditedTable;
use torvan::customer::{CompanyDraft, CustomerType};

mod addresses;
mod contacts;

use addresses::{AddressForm, Addresses};
use contacts::{ContactForm, Contacts};

use super::api::{
    AddAddress, AddContact, SaveCustomer, SetCustomerActive, SetDefaultAddress, SetPrimaryContact,
    get_customer,
};
use super::model::CustomerDetail;
use crate::audit::HistoryLink;
use crate::shell::form::{Form, choices};
use crate::shell::{
    ConfirmSubmit, Crumb, FormError, Loaded, Permitted, PermittedPage, Trail, action_error,
    successes,
};

/// `/customers/new`
#[component]
pub fn NewCustomerPage() -> impl IntoView {
    let save = ServerAction::<SaveCustomer>::new();
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(number)) = save.value().get() {
            navigate(&crate::routes::customer(&number), Default::default());
        }
    });
    view! {
        <PermittedPage on=torvan::Resource::Customers action=Action::Create>
            <Title text="New customer"/>
            <Trail trail=vec![Crumb::new("Customers", "/customers")] current="New customer"/>
            <h1>"New customer"</h1>
            <CompanyForm company=CompanyDraft::default() number=None save/>
        </PermittedPage>
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
        edits: RwSignal::new(0),
    };
    let saved = actions.saves();
    let customer = Resource::new(
        move || (params.read().get("number").unwrap_or_default(), saved.get()),
        |(number, _)| get_customer(number),
    );
    view! {
        <PermittedPage on=torvan::Resource::Customers action=Action::Read>
            <Loaded resource=customer loading="Loading the customer…" render=move |customer| view! { <Customer customer actions/> }/>
        </PermittedPage>
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
    /// Saves from the per-line edit forms, each with its own action.
    edits: RwSignal<usize>,
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
        let edits = self.edits;
        Signal::derive(move || counts.iter().map(|count| count.get()).sum::<usize>() + edits.get())
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
        <HistoryLink table=AuditedTable::Customers record=number.clone()/>
        <Addresses number=number.clone() lines=customer.addresses action=actions.default_address edits=actions.edits/>
        <Contacts number=number.clone() lines=customer.contacts action=actions.primary edits=actions.edits/>
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
    // Deactivating hides the customer from new orders; reactivating only
    // undoes that, so it needs no second step.
    let button = if active {
        view! { <button type="submit" class="button subtle">{label}</button> }.into_any()
    } else {
        view! {
            <ConfirmSubmit
                label=label.to_owned()
                consequence="The customer can no longer be chosen for new orders; existing orders and their history stay as they are.".to_owned()
                class="button subtle"
            />
        }
        .into_any()
    };
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="customer_number" value=number/>
            <input type="hidden" name="active" value=active.to_string()/>
            {button}
        </ActionForm>
    }
}

#[component]
fn CompanyForm(
    company: CompanyDraft,
    number: Option<String>,
    save: ServerAction<SaveCustomer>,
) -> impl IntoView {
    let form = Form::new(
        "company",
        "company",
        action_error(save),
        CompanyDraft::text_limit,
    );
    let button = if number.is_some() {
        "Save company"
    } else {
        "Create customer"
    };
    view! {
        <ActionForm action=save attr:class="form">
            <FormError error=form.error/>
            {number.map(|number| view! { <input type="hidden" name="customer_number" value=number/> })}
            {form.text("company_name", "Company name", company.company_name)}
            {form.select("customer_type", "Customer type", choices(CustomerType::label), company.customer_type)}
            {form.text("tax_id", "Tax ID", company.tax_id)}
            {form.text("website", "Website", company.website)}
            {form.text("payment_terms", "Payment terms (days)", company.payment_terms)}
            {form.text("credit_limit", "Credit limit ($)", company.credit_limit)}
            {form.text_area("notes", "Notes", company.notes)}
            <button type="submit" class="button">{button}</button>
        </ActionForm>
    }
}
