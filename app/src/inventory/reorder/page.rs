//! The reorder page: the report for every vendor or one, and its CSV.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::reorder_report;
use super::model::{ReorderRow, ReorderView};
use crate::shell::form::{self, Select};
use crate::shell::{Crumb, Loaded, Trail};

/// `/inventory/reorder?vendor=CODE`
#[component]
pub fn ReorderPage() -> impl IntoView {
    let query = use_query_map();
    let vendor = Memo::new(move |_| query.read().get("vendor").filter(|code| !code.is_empty()));
    let report = Resource::new(move || vendor.get(), reorder_report);
    view! {
        <Title text="Reorder report"/>
        <Trail trail=vec![Crumb::new("Inventory", "/inventory")] current="Reorder report"/>
        <h1>"Reorder report"</h1>
        <p class="hint">"Active parts at or below their reorder point, with the quantity to order after minimum order and order multiple."</p>
        <Loaded resource=report loading="Loading the report…" render=move |view| {
            view! { <Report view vendor=vendor.get_untracked()/> }
        }/>
    }
}

#[component]
fn Report(view: ReorderView, vendor: Option<String>) -> impl IntoView {
    let current = vendor.clone().unwrap_or_default();
    let options = form::after_blank("All vendors", view.vendors);
    let vendor_pair: Vec<_> = vendor.iter().map(|code| ("vendor", code.clone())).collect();
    let csv_href = crate::routes::with_query("/inventory/reorder.csv", &vendor_pair);
    let count = view.lines.len();
    view! {
        <form method="get" action="/inventory/reorder" class="filters">
            // A filter has no saving to refuse: its select never shows a message.
            <Select id="reorder-vendor" name="vendor" label="Vendor" field="vendor"
                error=Signal::stored(None) options selected=current/>
            <button type="submit" class="button subtle">"Show"</button>
            <a class="button" href=csv_href download>"Download CSV"</a>
        </form>
        <p data-testid="reorder-count">{format!("{} to reorder", torvan::plural::count(count, "part", "parts"))}</p>
        <div class="table-scroll">
            <table class="data-table">
                <thead><tr>
                    <th scope="col">"Part"</th><th scope="col">"Name"</th><th scope="col">"Vendor"</th>
                    <th scope="col">"Vendor part"</th><th scope="col" class="num">"Available"</th>
                    <th scope="col" class="num">"Reorder point"</th><th scope="col" class="num">"Order"</th>
                    <th scope="col" class="num">"Unit cost"</th>
                </tr></thead>
                <tbody>{view.lines.into_iter().map(|line| view! { <Line line/> }).collect_view()}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Line(line: ReorderRow) -> impl IntoView {
    let href = crate::routes::part(&line.part_number);
    let key = line.part_number.clone();
    view! {
        <tr data-part-number=key>
            <th scope="row"><a href=href>{line.part_number}</a></th>
            <td>{line.name}</td>
            <td>{line.vendor}</td>
            <td>{line.vendor_part_number}</td>
            <td class="num">{line.available}</td>
            <td class="num">{line.reorder_point}</td>
            <td class="num">{line.suggested}</td>
            <td class="num">{line.unit_cost}</td>
        </tr>
    }
}
