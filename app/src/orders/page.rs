//! The order list page: the filter form, whose values live in the address
//! bar, one page of orders and the pager.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use torvan::date_range::check_range;
use torvan::paging::Page;
use torvan::{DbEnum, OrderPriority, OrderStatus};

use super::api::list_orders;
use super::model::{OrderFilter, OrderList, OrderRow, OrderSort, PAGE_SIZE};
use crate::money::money;
use crate::shell::{Loaded, Pager, Permitted};

/// The filter as the address bar holds it: `?status=PENDING&priority=RUSH&customer=lake&from=2026-01-01&to=…&sort=urgent&page=2`.
/// Values that name nothing known are ignored.
fn from_query(query: &ParamsMap) -> OrderFilter {
    let value = |key| query.get(key).filter(|value: &String| !value.is_empty());
    let date = |key| value(key).and_then(|day| NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok());
    OrderFilter {
        status: value("status").and_then(|status| OrderStatus::parse(&status).ok()),
        priority: value("priority").and_then(|priority| OrderPriority::parse(&priority).ok()),
        customer: value("customer").unwrap_or_default(),
        number: value("number").unwrap_or_default(),
        from: date("from"),
        to: date("to"),
        sort: value("sort")
            .and_then(|key| OrderSort::from_key(&key))
            .unwrap_or_default(),
        page: Page::from_address(value("page").as_deref()).index(),
    }
}

fn to_query(filter: &OrderFilter, page: i64) -> String {
    let mut pairs = vec![
        ("page", (page + 1).to_string()),
        ("sort", filter.sort.key().to_owned()),
    ];
    if let Some(status) = filter.status {
        pairs.push(("status", status.as_db_str().to_owned()));
    }
    if let Some(priority) = filter.priority {
        pairs.push(("priority", priority.as_db_str().to_owned()));
    }
    if !filter.customer.is_empty() {
        pairs.push(("customer", filter.customer.clone()));
    }
    if !filter.number.is_empty() {
        pairs.push(("number", filter.number.clone()));
    }
    if let Some(from) = filter.from {
        pairs.push(("from", from.to_string()));
    }
    if let Some(to) = filter.to {
        pairs.push(("to", to.to_string()));
    }
    crate::routes::with_query("/orders", &pairs)
}

#[component]
pub fn OrdersPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| from_query(&query.read()));
    let orders = Resource::new(move || filter.get(), list_orders);

    view! {
        <Title text="Orders"/>
        <h1>"Orders"</h1>
        <Permitted on=torvan::Resource::Orders action=torvan::Action::Create>
            <p><a class="button" href="/orders/new">"New order"</a></p>
        </Permitted>
        <FilterForm filter=filter.get_untracked()/>
        {move || filter.with(|shown| check_range(shown.from, shown.to, "to").is_ok()).then(|| view! {
            <Loaded resource=orders loading="Loading orders…" render=move |list| {
                view! { <OrderTable list filter=filter.get_untracked()/> }
            }/>
        })}
    }
}

#[component]
fn FilterForm(filter: OrderFilter) -> impl IntoView {
    let statuses = OrderStatus::ALL
        .iter()
        .map(|&status| view! { <option value=status.as_db_str() selected=filter.status == Some(status)>{status.label()}</option> })
        .collect_view();
    let priorities = OrderPriority::ALL
        .iter()
        .map(|&priority| {
            view! { <option value=priority.as_db_str() selected=filter.priority == Some(priority)>{priority.label()}</option> }
        })
        .collect_view();
    let sorts = OrderSort::ALL
        .into_iter()
        .map(|sort| view! { <option value=sort.key() selected=filter.sort == sort>{sort.label()}</option> })
        .collect_view();
    let day = |date: Option<NaiveDate>| date.map(|date| date.to_string()).unwrap_or_default();
    let reversed = check_range(filter.from, filter.to, "to").err().map(|error| {
        view! { <p class="field-error" id="order-to-error" role="alert" data-field="to">{error.message}</p> }
    });
    view! {
        <form method="get" action="/orders" class="search-form" role="search">
            <div class="field">
                <label for="order-number-filter">"Order, PO or build number"</label>
                <input id="order-number-filter" name="number" type="search" value=filter.number.clone()
                    placeholder="ORD-2026-0106, a PO, TB-…"/>
            </div>
            <div class="field">
                <label for="order-status">"Status"</label>
                <select id="order-status" name="status"><option value="">"Any"</option>{statuses}</select>
            </div>
            <div class="field">
                <label for="order-priority-filter">"Priority"</label>
                <select id="order-priority-filter" name="priority"><option value="">"Any"</option>{priorities}</select>
            </div>
            <div class="field">
                <label for="order-customer-filter">"Customer"</label>
                <input id="order-customer-filter" name="customer" type="search" value=filter.customer.clone()
                    placeholder="Name or number"/>
            </div>
            <div class="field">
                <label for="order-from">"Ordered from"</label>
                <input id="order-from" name="from" type="date" value=day(filter.from)/>
            </div>
            <div class="field">
                <label for="order-to">"Ordered to"</label>
                <input id="order-to" name="to" type="date" value=day(filter.to) min=filter.from.map(|from| from.to_string())
                    aria-invalid=reversed.is_some().then_some("true")
                    aria-describedby=reversed.is_some().then_some("order-to-error")/>
                {reversed}
            </div>
            <div class="field">
                <label for="order-sort">"Sort"</label>
                <select id="order-sort" name="sort">{sorts}</select>
            </div>
            <button type="submit" class="button">"Filter"</button>
        </form>
    }
}

#[component]
fn OrderTable(list: OrderList, filter: OrderFilter) -> impl IntoView {
    let first = filter.page * PAGE_SIZE;
    let shown = match list.total {
        0 => "No orders match.".to_owned(),
        total => format!(
            "Orders {}–{} of {total}",
            first + 1,
            first + list.rows.len() as i64
        ),
    };
    let page = filter.page;
    let href = move |page| to_query(&filter, page);
    view! {
        <p class="result-count" data-testid="order-count" data-total=list.total>{shown}</p>
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Order"</th>
                        <th scope="col">"Customer"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Stage"</th>
                        <th scope="col">"Priority"</th>
                        <th scope="col">"Ordered"</th>
                        <th scope="col" class="num">"Sinks"</th>
                        <th scope="col" class="num">"Total"</th>
                    </tr>
                </thead>
                <tbody>{list.rows.into_iter().map(|order| view! { <OrderLine order/> }).collect_view()}</tbody>
            </table>
        </div>
        <Pager page page_size=PAGE_SIZE total=list.total href/>
    }
}

#[component]
fn OrderLine(order: OrderRow) -> impl IntoView {
    let href = crate::routes::order(&order.order_number);
    let number = order.order_number.to_string();
    let key = number.clone();
    view! {
        <tr data-order=key>
            <td class="mono"><a href=href>{number}</a></td>
            <td>{order.customer_name}</td>
            <td>{order.status.label()}</td>
            <td>{order.status.stage()}</td>
            <td>{order.priority.label()}</td>
            <td>{order.order_date.format("%Y-%m-%d").to_string()}</td>
            <td class="num">{order.total_sinks}</td>
            <td class="num">{order.total_amount.map(money)}</td>
        </tr>
    }
}
