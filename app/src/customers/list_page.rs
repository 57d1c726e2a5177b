//! The customer list: searched by name or number, a page at a time.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use torvan::Action;
use torvan::paging::Page;

use super::api::list_customers;
use super::model::{CustomerList, PAGE_SIZE};
use crate::shell::{Loaded, Pager, Permitted, PermittedPage};

/// `/customers?q=…&inactive=1&page=2`
#[component]
pub fn CustomersPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let query = query.read();
        (
            query.get("q").unwrap_or_default(),
            query.get("inactive").is_some_and(|value| value == "1"),
            Page::from_address(query.get("page").as_deref()).index(),
        )
    });
    let customers = Resource::new(
        move || filter.get(),
        |(search, inactive, page)| list_customers(search, inactive, page),
    );
    let (search, inactive, _) = filter.get_untracked();
    view! {
        <PermittedPage on=torvan::Resource::Customers action=Action::Read clone:search>
            <Title text="Customers"/>
            <h1>"Customers"</h1>
            <Permitted on=torvan::Resource::Customers action=Action::Create>
                <p><a class="button" href="/customers/new">"New customer"</a></p>
            </Permitted>
            <form method="get" action="/customers" class="search-form" role="search">
                <div class="field">
                    <label for="customer-search">"Search customers"</label>
                    <input id="customer-search" type="search" name="q" value=search.clone() placeholder="Name or number"/>
                </div>
                <label class="check"><input type="checkbox" name="inactive" value="1" checked=inactive/>"Include inactive"</label>
                <button type="submit" class="button">"Search"</button>
            </form>
            <Loaded resource=customers loading="Loading customers…" render=move |list| {
                let (search, inactive, page) = filter.get_untracked();
                view! { <CustomerTable list search inactive page/> }
            }/>
        </PermittedPage>
    }
}

#[component]
fn CustomerTable(list: CustomerList, search: String, inactive: bool, page: i64) -> impl IntoView {
    let shown = torvan::plural::count(list.total, "customer", "customers");
    let href = move |page: i64| {
        let mut query = vec![("q", search.clone())];
        if inactive {
            query.push(("inactive", "1".to_owned()));
        }
        query.push(("page", (page + 1).to_string()));
        crate::routes::with_query("/customers", &query)
    };
    let total = list.total;
    view! {
        <p data-testid="customer-count">{shown}</p>
        <div class="table-scroll">
            <table class="data-table">
                <thead><tr>
                    <th scope="col">"Number"</th><th scope="col">"Company"</th><th scope="col">"Type"</th>
                    <th scope="col">"City"</th><th scope="col">"Primary contact"</th>
                    <th scope="col" class="num">"Open orders"</th><th scope="col">"Status"</th>
                </tr></thead>
                <tbody>
                    {list.rows.into_iter().map(|row| {
                        let href = crate::routes::customer(&row.customer_number);
                        let key = row.customer_number.clone();
                        view! {
                            <tr data-customer=key>
                                <td class="mono"><a href=href>{row.customer_number}</a></td>
                                <td>{row.company_name}</td>
                                <td>{row.customer_type.label()}</td>
                                <td>{row.city.unwrap_or_default()}</td>
                                <td>{row.primary_contact.unwrap_or_default()}</td>
                                <td class="num">{row.open_orders}</td>
                                <td>{if row.active { "Active" } else { "Inactive" }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pager page page_size=PAGE_SIZE total href/>
    }
}
