//! The part page: identification, stock figures, substitutes, where the
//! part is used and its latest stock movements.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use torvan::audit::AuditedTable;
use torvan::lots::Tracking;
use torvan::part_spec::part_type_label;
use torvan::{Action, StockStatus};

use super::api::get_part;
use super::model::{MovementLine, PartDetail, Usage};
use super::stock_forms::{StockActions, StockForms};
use super::substitutes::{ShortageOffer, Substitutes};
use crate::audit::HistoryLink;
use crate::inventory::catalogue::Breadcrumbs;
use crate::inventory::lots::PartLots;
use crate::shell::{Loaded, Permitted};

/// `/inventory/parts/:number`: everything about one part, and its stock
/// and substitute changes for those who may make them.
#[component]
pub fn PartPage() -> impl IntoView {
    let params = use_params_map();
    let actions = StockActions::new();
    let saved = actions.saves();
    let part = Resource::new(
        move || (params.read().get("number").unwrap_or_default(), saved.get()),
        |(number, _)| get_part(number),
    );
    view! {
        <Loaded resource=part loading="Loading the part…" render=move |part| view! { <Part part actions/> }/>
    }
}

#[component]
fn Part(part: PartDetail, actions: StockActions) -> impl IntoView {
    let number = part.draft.part_number.clone();
    let title = format!("{} {}", number, part.draft.name);
    let edit_href = crate::routes::edit_part(&number);
    let short = matches!(
        part.stock_status,
        Some(StockStatus::OutOfStock | StockStatus::LowStock)
    );
    let has_lots = !part.lots.lots.is_empty();
    view! {
        <Title text=title/>
        <Breadcrumbs trail=part.trail.clone() current=number.clone()/>
        <h1>{number.clone()}<span class="subtitle">{part.draft.name.clone()}</span></h1>
        <HistoryLink table=AuditedTable::Parts record=number.clone()/>
        <p><a class="button subtle" href=crate::routes::part_label(&number)>"Print bin label"</a></p>
        <Permitted on=torvan::Resource::Inventory action=Action::Update>
            <p><a class="button subtle" href=edit_href.clone()>"Edit part"</a></p>
        </Permitted>
        <div class="part-grid">
            <StockFigures part=part.clone()/>
            <Identification part=part.clone()/>
        </div>
        {short.then(|| view! { <ShortageOffer substitutes=part.substitutes.clone()/> })}
        <Permitted on=torvan::Resource::Inventory action=Action::Update clone:number>
            <StockForms part_number=number.clone() tracking=part.tracking has_lots actions/>
        </Permitted>
        <Substitutes part_number=number.clone() lines=part.substitutes.clone() for_others=part.substitute_for.clone() actions/>
        <Lots lots=part.lots.clone() tracking=part.tracking/>
        <crate::documents::DocumentsPanel attached=torvan::document::Attachment::Part to=number.clone()/>
        <WhereUsed usages=part.where_used.clone()/>
        <Movements lines=part.movements.clone()/>
    }
}

#[component]
fn StockFigures(part: PartDetail) -> impl IntoView {
    let status = part.stock_status.map_or_else(
        || view! { <span class="badge muted" data-testid="stock-status">"Not stocked"</span> }.into_any(),
        |status| view! { <span class=status.css_class() data-testid="stock-status">{status.label()}</span> }.into_any(),
    );
    view! {
        <section class="card" aria-labelledby="stock-heading">
            <h2 id="stock-heading">"Stock"</h2>
            <p>{status}</p>
            <dl class="figures">
                <div><dt>"On hand"</dt><dd data-testid="on-hand">{part.on_hand}</dd></div>
                <div><dt>"Allocated"</dt><dd data-testid="allocated">{part.allocated}</dd></div>
                <div><dt>"Available"</dt><dd data-testid="available">{part.available}</dd></div>
                <div><dt>"Reorder point"</dt><dd>{part.draft.reorder_point.clone()}</dd></div>
                <div><dt>"Reorder quantity"</dt><dd>{part.draft.reorder_quantity.clone()}</dd></div>
                <div><dt>"Safety stock"</dt><dd>{part.draft.safety_stock.clone()}</dd></div>
                <div><dt>"Minimum order"</dt><dd>{part.draft.minimum_order_quantity.clone()}</dd></div>
                <div><dt>"Order multiple"</dt><dd>{part.draft.order_multiple.clone()}</dd></div>
            </dl>
        </section>
    }
}

#[component]
fn Identification(part: PartDetail) -> impl IntoView {
    let draft = part.draft;
    let or_dash = |text: String| {
        if text.is_empty() {
            "—".to_owned()
        } else {
            text
        }
    };
    let vendor = part.vendor_name.map_or_else(
        || "—".to_owned(),
        |name| format!("{name} ({})", draft.vendor_code),
    );
    let replacement = (!draft.replacement_part_number.is_empty()).then(|| {
        let href = crate::routes::part(&draft.replacement_part_number);
        view! { <div><dt>"Replaced by"</dt><dd><a href=href>{draft.replacement_part_number.clone()}</a></dd></div> }
    });
    let custom = part
        .is_custom_part
        .then(|| view! { <span class="badge">"700-series custom part"</span> });
    view! {
        <section class="card" aria-labelledby="identification-heading">
            <h2 id="identification-heading">"Identification"</h2>
            <p>{custom}</p>
            <dl class="properties">
                <div><dt>"Status"</dt><dd data-testid="part-status">{part.status.label()}</dd></div>
                {replacement}
                <div><dt>"Description"</dt><dd>{or_dash(draft.description)}</dd></div>
                <div><dt>"Type"</dt><dd>{or_dash(part_type_label(&draft.part_type))}</dd></div>
                <div><dt>"Unit"</dt><dd>{part.unit.label()}</dd></div>
                <div><dt>"Make or buy"</dt><dd>{part.make_or_buy.label()}</dd></div>
                <div><dt>"Material"</dt><dd>{or_dash(draft.material)}</dd></div>
                <div><dt>"Finish"</dt><dd>{or_dash(draft.finish)}</dd></div>
                <div><dt>"Weight"</dt><dd>{part.weight.unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>"Standard cost"</dt><dd>{part.standard_cost.unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>"Average cost"</dt><dd>{part.average_cost.unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>"Last cost"</dt><dd>{part.last_cost.unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>"Vendor"</dt><dd>{vendor}</dd></div>
                <div><dt>"Vendor part number"</dt><dd>{or_dash(draft.vendor_part_number)}</dd></div>
                <div><dt>"Lead time (days)"</dt><dd>{draft.lead_time_days}</dd></div>
                <div><dt>"Lot controlled"</dt><dd>{yes_no(&draft.lot_control)}</dd></div>
                <div><dt>"Serial controlled"</dt><dd>{yes_no(&draft.serial_control)}</dd></div>
            </dl>
        </section>
    }
}

/// The part's lots with stock and its serial numbers on the shelf; shown
/// for tracked parts and for any part that has lots.
#[component]
fn Lots(lots: PartLots, tracking: Tracking) -> impl IntoView {
    let shown = tracking.lot || tracking.serial || !lots.lots.is_empty();
    let outside = (lots.outside_lots > 0 && !lots.lots.is_empty()).then(|| {
        view! { <p class="hint" data-testid="outside-lots">{lots.outside_lots} " on hand outside any lot (received before lots were recorded)."</p> }
    });
    let table = if lots.lots.is_empty() {
        view! { <p class="empty">"No lot of this part is in stock."</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll">
                <table class="data-table" data-testid="part-lots">
                    <thead><tr>
                        <th scope="col">"Lot"</th><th scope="col">"Expires"</th>
                        <th scope="col" class="num">"On hand"</th><th scope="col">"First received"</th>
                    </tr></thead>
                    <tbody>
                        {lots.lots.into_iter().map(|lot| view! {
                            <tr>
                                <td><a href=crate::routes::lot(lot.id)>{lot.lot_number}</a></td>
                                <td>{lot.expires_on.unwrap_or_else(|| "—".into())}</td>
                                <td class="num">{lot.on_hand}</td>
                                <td class="nowrap">{lot.received}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let serials = tracking.serial.then(|| {
        let listed = lots.serials.len();
        view! {
            <h3>"Serial numbers on the shelf (" {lots.serials_on_shelf} ")"</h3>
            {(listed == 0).then(|| view! { <p class="empty">"None on the shelf."</p> })}
            <ul class="inline-list" data-testid="part-serials">
                {lots.serials.into_iter().map(|serial| view! { <li>{serial.serial_number}</li> }).collect_view()}
            </ul>
        }
    });
    shown.then(|| {
        view! {
            <section aria-labelledby="lots-heading">
                <h2 id="lots-heading">"Lots in stock"</h2>
                {outside}
                {table}
                {serials}
            </section>
        }
    })
}

#[component]
fn WhereUsed(usages: Vec<Usage>) -> impl IntoView {
    let body = if usages.is_empty() {
        view! { <p class="empty">"No BOM template or order BOM uses this part."</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll">
                <table class="data-table">
                    <thead><tr><th scope="col">"Used in"</th><th scope="col">"Reference"</th><th scope="col">"Quantity"</th></tr></thead>
                    <tbody>
                        {usages.into_iter().map(|usage| view! {
                            <tr>
                                <td>{usage.kind}</td>
                                <td>{match usage.href {
                                    Some(href) => view! { <a href=href>{usage.reference}</a> }.into_any(),
                                    None => usage.reference.into_any(),
                                }}</td>
                                <td>{usage.quantity}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! { <section aria-labelledby="where-used"><h2 id="where-used">"Where used"</h2>{body}</section> }
}

#[component]
fn Movements(lines: Vec<MovementLine>) -> impl IntoView {
    let body = if lines.is_empty() {
        view! { <p class="empty">"No stock movements yet."</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll">
                <table class="data-table">
                    <thead><tr>
                        <th scope="col">"When"</th><th scope="col">"Movement"</th>
                        <th scope="col" class="num">"On hand ±"</th><th scope="col" class="num">"Allocated ±"</th>
                        <th scope="col" class="num">"On hand after"</th><th scope="col">"Note"</th><th scope="col">"By"</th>
                    </tr></thead>
                    <tbody>
                        {lines.into_iter().map(|line| view! {
                            <tr>
                                <td class="nowrap">{line.at}</td><td>{line.kind.label()}</td>
                                <td class="num">{torvan::number::signed(line.on_hand_change)}</td>
                                <td class="num">{torvan::number::signed(line.allocated_change)}</td>
                                <td class="num">{line.on_hand_after}</td>
                                <td>{line.note.unwrap_or_default()}</td>
                                <td>{line.by.unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! { <section aria-labelledby="movements"><h2 id="movements">"Recent stock movements"</h2>{body}</section> }
}

fn yes_no(flag: &str) -> &'static str {
    if flag == "yes" { "Yes" } else { "No" }
}
