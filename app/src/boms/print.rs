//! `/orders/:number/sinks/:build/bom/print?version=…`: every line of a
//! version at once, indented by level, for paper or a PDF.

use leptos::prelude::*;
use leptos_meta::Title;

use super::address::addressed;
use super::api::get_bom;
use super::model::{BomDetail, BomPageData};
use super::tree::depth_class;
use crate::money::money;
use crate::shell::{Loaded, PrintButton};

#[component]
pub fn BomPrintPage() -> impl IntoView {
    let address = addressed();
    let page = Resource::new(address, |asked| {
        get_bom(asked.order_number, asked.build_number, asked.version, None)
    });
    view! {
        <Loaded resource=page loading="Loading the BOM…" render=move |page| view! { <Printed page/> }/>
    }
}

#[component]
fn Printed(page: BomPageData) -> impl IntoView {
    let title = format!("BOM {} · {}", page.build_number, page.family);
    let Some(bom) = page.shown else {
        return view! { <p class="empty">"No BOM yet."</p> }.into_any();
    };
    view! {
        <Title text=title.clone()/>
        <div class="print-sheet">
            <h1>{title}</h1>
            <p>{format!(
                "Order {} · version {} · {} · {} parts · {} · {} lb · generated from {}",
                page.order_number, bom.version, bom.status.label(), bom.parts_count,
                money(bom.total_cost), bom.total_weight.normalize(), bom.generated_by
            )}</p>
            <PrintButton/>
            <Lines bom/>
        </div>
    }
    .into_any()
}

#[component]
fn Lines(bom: BomDetail) -> impl IntoView {
    view! {
        <table class="data-table bom-tree" aria-label="BOM lines">
            <thead>
                <tr>
                    <th scope="col">"Line"</th>
                    <th scope="col">"Item"</th>
                    <th scope="col">"Part"</th>
                    <th scope="col" class="num">"Total qty"</th>
                    <th scope="col" class="num">"Unit cost"</th>
                    <th scope="col" class="num">"Extended"</th>
                </tr>
            </thead>
            <tbody>
                {bom.rows.into_iter().map(|row| view! {
                    <tr data-line=row.line_number class=depth_class(row.depth)>
                        <td class="mono">{row.line_number}</td>
                        <td class="item">{row.name}<span class="explain">{row.explanation}</span></td>
                        <td class="mono">{row.part_number}</td>
                        <td class="num">{row.total_quantity.to_string()}</td>
                        <td class="num">{(!row.phantom).then(|| money(row.unit_cost))}</td>
                        <td class="num">{money(row.cost)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
