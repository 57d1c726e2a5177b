//! `/inventory/lots/:id`: one lot of a part: its expiry and stock, every
//! build it went into (with the customer, order and ship date a recall
//! needs), its serial numbers and its ledger rows.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::api::get_lot;
use super::model::{LotDetail, LotMovement, LotUse, SerialLine};
use crate::shell::Loaded;

#[component]
pub fn LotPage() -> impl IntoView {
    let params = use_params_map();
    let lot = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        |id| async move {
            let id = Uuid::parse_str(&id).map_err(|_| crate::error::AppError::NotFound)?;
            get_lot(id).await
        },
    );
    view! {
        <Loaded resource=lot loading="Loading the lot…" render=move |lot| view! { <Lot lot/> }/>
    }
}

#[component]
fn Lot(lot: LotDetail) -> impl IntoView {
    let title = format!("Lot {} of {}", lot.lot_number, lot.part_number);
    let part_href = crate::routes::part(&lot.part_number);
    view! {
        <Title text=title/>
        <h1>"Lot " {lot.lot_number.clone()}<span class="subtitle">{lot.part_name.clone()}</span></h1>
        <p><a class="button subtle" href=crate::routes::lot_label(lot.id)>"Print lot label"</a></p>
        <section class="card" aria-labelledby="lot-heading">
            <h2 id="lot-heading">"The lot"</h2>
            <dl class="properties">
                <div><dt>"Part"</dt><dd><a href=part_href>{lot.part_number.clone()}</a>" " {lot.part_name.clone()}</dd></div>
                <div><dt>"Expires"</dt><dd>{lot.expires_on.clone().unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>"First received"</dt><dd>{lot.received.clone()}</dd></div>
                <div><dt>"On hand"</dt><dd data-testid="lot-on-hand">{lot.on_hand}</dd></div>
            </dl>
        </section>
        <Uses uses=lot.uses/>
        <Serials serials=lot.serials/>
        <Movements lines=lot.movements/>
    }
}

#[component]
fn Uses(uses: Vec<LotUse>) -> impl IntoView {
    let body = if uses.is_empty() {
        view! { <p class="empty">"No build has used this lot."</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll">
                <table class="data-table" data-testid="lot-uses">
                    <thead><tr>
                        <th scope="col">"Build"</th><th scope="col">"Order"</th><th scope="col">"Customer"</th>
                        <th scope="col" class="num">"Quantity"</th><th scope="col">"Issued"</th><th scope="col">"Shipped"</th>
                    </tr></thead>
                    <tbody>
                        {uses.into_iter().map(|used| view! {
                            <tr>
                                <td><a href=crate::routes::build_record(&used.build_number)>{used.build_number.clone()}</a></td>
                                <td><a href=crate::routes::order(&used.order_number)>{used.order_number.clone()}</a></td>
                                <td>{used.customer}</td>
                                <td class="num">{used.quantity}</td>
                                <td class="nowrap">{used.issued}</td>
                                <td>{used.shipped_on.unwrap_or_else(|| "Not shipped".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! { <section aria-labelledby="uses-heading"><h2 id="uses-heading">"Builds that used this lot"</h2>{body}</section> }
}

#[component]
fn Serials(serials: Vec<SerialLine>) -> impl IntoView {
    (!serials.is_empty()).then(|| {
        view! {
            <section aria-labelledby="lot-serials-heading">
                <h2 id="lot-serials-heading">"Serial numbers in this lot"</h2>
                <ul class="inline-list">
                    {serials.into_iter().map(|serial| view! { <li>{serial.serial_number}</li> }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn Movements(lines: Vec<LotMovement>) -> impl IntoView {
    view! {
        <section aria-labelledby="lot-movements-heading">
            <h2 id="lot-movements-heading">"Movements of this lot"</h2>
            <div class="table-scroll">
                <table class="data-table">
                    <thead><tr>
                        <th scope="col">"When"</th><th scope="col">"Movement"</th><th scope="col" class="num">"Change"</th>
                        <th scope="col">"Build"</th><th scope="col">"Note"</th><th scope="col">"By"</th>
                    </tr></thead>
                    <tbody>
                        {lines.into_iter().map(|line| view! {
                            <tr>
                                <td class="nowrap">{line.at}</td><td>{line.kind.label()}</td>
                                <td class="num">{torvan::number::signed(line.change)}</td>
                                <td>{line.build_number.map(|build| view! { <a href=crate::routes::build_record(&build)>{build.clone()}</a> })}</td>
                                <td>{line.note.unwrap_or_default()}</td>
                                <td>{line.by.unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
