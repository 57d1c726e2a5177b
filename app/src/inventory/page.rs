use leptos::prelude::*;
use leptos_meta::Title;
use torvan::DbEnum;

use super::api::{PartStock, list_part_stock};
use crate::shell::Loaded;

#[component]
pub fn InventoryPage() -> impl IntoView {
    let parts = Resource::new(|| (), |_| list_part_stock());

    view! {
        <Title text="Inventory"/>
        <h1>"Inventory"</h1>
        <Loaded resource=parts loading="Loading parts…" render=|parts| view! { <PartTable parts/> }/>
    }
}

#[component]
fn PartTable(parts: Vec<PartStock>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Part number"</th>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Category"</th>
                        <th scope="col" class="num">"On hand"</th>
                        <th scope="col" class="num">"Allocated"</th>
                        <th scope="col" class="num">"Available"</th>
                        <th scope="col" class="num">"Reorder point"</th>
                        <th scope="col">"Stock"</th>
                    </tr>
                </thead>
                <tbody>
                    {parts
                        .into_iter()
                        .map(|part| {
                            let badge = format!("badge stock-{}", part.status.as_db_str().to_lowercase());
                            view! {
                                <tr>
                                    <td class="mono">{part.part_number}</td>
                                    <td>{part.name}</td>
                                    <td>{part.category}</td>
                                    <td class="num">{part.on_hand}</td>
                                    <td class="num">{part.allocated}</td>
                                    <td class="num">{part.available}</td>
                                    <td class="num">{part.reorder_point}</td>
                                    <td><span class=badge>{part.status.label()}</span></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
