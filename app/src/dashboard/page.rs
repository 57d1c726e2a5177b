//! The dashboard page: orders by status, each a link to the order list
//! filtered by it, the orders ready for QC, and the stock alerts.

use leptos::prelude::*;
use leptos_meta::Title;

use super::api::load_dashboard;
use super::model::{DashboardSummary, FirstPassYield, ReadyForQc, StatusCount, StockAlert};
use crate::shell::Loaded;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let summary = Resource::new(|| (), |_| load_dashboard());

    view! {
        <Title text="Dashboard"/>
        <h1>"Dashboard"</h1>
        <Loaded resource=summary loading="Loading figures…" render=|summary| view! { <SummaryView summary/> }/>
    }
}

#[component]
fn SummaryView(summary: DashboardSummary) -> impl IntoView {
    view! {
        <div class="dashboard-grid">
            <OrdersByStatus counts=summary.orders_by_status/>
            <ReadyForQcList orders=summary.ready_for_qc/>
            <FirstPassYields yields=summary.first_pass_yield/>
            <StockAlerts alerts=summary.stock_alerts total=summary.stock_alert_total/>
        </div>
    }
}

#[component]
fn OrdersByStatus(counts: Vec<StatusCount>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="orders-by-status">
            <h2 id="orders-by-status">"Orders by status"</h2>
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Stage"</th>
                        <th scope="col" class="num">"Orders"</th>
                    </tr>
                </thead>
                <tbody>
                    {counts
                        .into_iter()
                        .map(|count| {
                            let status = torvan::DbEnum::as_db_str(count.status);
                            let href = crate::routes::with_query("/orders", &[("status", status.to_owned())]);
                            view! {
                                <tr data-status=status>
                                    <th scope="row"><a href=href.clone()>{count.status.label()}</a></th>
                                    <td>{count.status.stage()}</td>
                                    <td class="num"><a href=href aria-label=format!("{} orders {}", count.orders, count.status.label())>{count.orders}</a></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn StockAlerts(alerts: Vec<StockAlert>, total: i64) -> impl IntoView {
    let summary = match total {
        1 => "1 part at or below its reorder point".to_owned(),
        n => format!("{n} parts at or below their reorder point"),
    };
    view! {
        <section class="card" aria-labelledby="stock-alerts">
            <h2 id="stock-alerts">"Stock alerts"</h2>
            <p data-testid="stock-alert-count">{summary}</p>
            <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Part number"</th>
                        <th scope="col">"Name"</th>
                        <th scope="col" class="num">"Available"</th>
                        <th scope="col" class="num">"Reorder point"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    {alerts
                        .into_iter()
                        .map(|alert| {
                            let status = torvan::DbEnum::as_db_str(alert.status);
                            let row_key = alert.part_number.clone();
                            let href = crate::routes::part(&alert.part_number);
                            view! {
                                <tr data-part-number=row_key>
                                    <td class="mono"><a href=href>{alert.part_number}</a></td>
                                    <td>{alert.name}</td>
                                    <td class="num">{alert.available}</td>
                                    <td class="num">{alert.reorder_point}</td>
                                    <td>
                                        <span class=format!("badge stock-{}", status.to_lowercase())>
                                            {alert.status.label()}
                                        </span>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            </div>
        </section>
    }
}

/// QC's first-pass yield per family and month.
#[component]
fn FirstPassYields(yields: Vec<FirstPassYield>) -> impl IntoView {
    let body = if yields.is_empty() {
        view! { <p data-testid="first-pass-yield-none">"No inspection has been signed yet."</p> }
            .into_any()
    } else {
        let rows = yields
            .into_iter()
            .map(|row| {
                let percent = format!("{} %", row.percent());
                let (family, month) = (row.family.clone(), row.month.clone());
                view! {
                    <tr data-family=family data-month=month>
                        <td>{row.month}</td>
                        <td>{row.family}</td>
                        <td class="num">{row.inspected}</td>
                        <td class="num">{row.first_pass}</td>
                        <td class="num" data-testid="yield">{percent}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>();
        view! {
            <div class="table-scroll">
                <table class="data-table" data-testid="first-pass-yield">
                    <thead>
                        <tr>
                            <th scope="col">"Month"</th>
                            <th scope="col">"Family"</th>
                            <th scope="col" class="num">"Inspected"</th>
                            <th scope="col" class="num">"First pass"</th>
                            <th scope="col" class="num">"Yield"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="first-pass-yield-heading">
            <h2 id="first-pass-yield-heading">"QC first-pass yield"</h2>
            <p class="muted">"Inspections signed passed at the first attempt, with no defect."</p>
            {body}
        </section>
    }
}

/// The orders whose units have all finished production, each a link to
/// its page, where the move to pre-QC is offered.
#[component]
fn ReadyForQcList(orders: Vec<ReadyForQc>) -> impl IntoView {
    let rows = orders
        .into_iter()
        .map(|order| {
            let href = crate::routes::order(&order.order_number);
            let finished = order
                .finished_at
                .map(torvan::text::minute_utc)
                .unwrap_or_default();
            let key = order.order_number.clone();
            view! {
                <tr data-order=key>
                    <td class="mono"><a href=href>{order.order_number}</a></td>
                    <td>{order.customer_name}</td>
                    <td class="num">{order.units}</td>
                    <td>{finished}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let body = if rows.is_empty() {
        view! { <p data-testid="ready-for-qc-none">"No order has finished production yet."</p> }
            .into_any()
    } else {
        view! {
            <div class="table-scroll">
                <table class="data-table" data-testid="ready-for-qc">
                    <thead>
                        <tr>
                            <th scope="col">"Order"</th>
                            <th scope="col">"Customer"</th>
                            <th scope="col" class="num">"Units"</th>
                            <th scope="col">"Production finished"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="ready-for-qc">
            <h2 id="ready-for-qc">"Ready for QC"</h2>
            {body}
        </section>
    }
}
