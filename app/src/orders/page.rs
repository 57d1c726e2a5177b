use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{OrderRow, list_recent_orders};
use crate::shell::{Loaded, Permitted};

#[component]
pub fn OrdersPage() -> impl IntoView {
    let orders = Resource::new(|| (), |_| list_recent_orders());

    view! {
        <Title text="Orders"/>
        <h1>"Orders"</h1>
        <Permitted on=torvan::Resource::Orders action=torvan::Action::Create>
            <p><a class="button" href="/orders/new">"New order"</a></p>
        </Permitted>
        <Loaded resource=orders loading="Loading orders…" render=|orders| view! { <OrderTable orders/> }/>
    }
}

#[component]
fn OrderTable(orders: Vec<OrderRow>) -> impl IntoView {
    view! {
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
                <tbody>
                    {orders
                        .into_iter()
                        .map(|order| {
                            view! {
                                <tr>
                                    <td class="mono">
                                        <a href=format!("/orders/{}", order.order_number)>{order.order_number.clone()}</a>
                                    </td>
                                    <td>{order.customer_name}</td>
                                    <td>{order.status.label()}</td>
                                    <td>{order.status.stage()}</td>
                                    <td>{order.priority.label()}</td>
                                    <td>{order.order_date.format("%Y-%m-%d").to_string()}</td>
                                    <td class="num">{order.total_sinks}</td>
                                    <td class="num">
                                        {order.total_amount.map(|amount| format!("${amount:.2}"))}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
