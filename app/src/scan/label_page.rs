//! `/inventory/parts/:number/label` and `/inventory/lots/:id/label`: a
//! part's bin label and a lot's label, 4 × 2 in like a unit's (`@page
//! print-label`), each with the QR code that opens its page when scanned.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::api::{get_lot_label, get_part_label};
use super::model::StockLabel;
use crate::error::AppError;
use crate::shell::{Loaded, PrintButton};

#[component]
pub fn PartLabelPage() -> impl IntoView {
    let params = use_params_map();
    let label = Resource::new(
        move || params.read().get("number").unwrap_or_default(),
        get_part_label,
    );
    view! {
        <Loaded resource=label loading="Loading the label…" render=move |label| {
            let back = crate::routes::part(&label.number);
            view! { <Label label back back_to="Back to the part"/> }
        }/>
    }
}

#[component]
pub fn LotLabelPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let label = Resource::new(id, |id| async move {
        let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
        get_lot_label(id).await
    });
    view! {
        <Loaded resource=label loading="Loading the label…" render=move |label| {
            let back = format!("/inventory/lots/{}", id());
            view! { <Label label back back_to="Back to the lot"/> }
        }/>
    }
}

#[component]
fn Label(label: StockLabel, back: String, back_to: &'static str) -> impl IntoView {
    view! {
        <Title text=format!("Label {}", label.number)/>
        <h1 class="no-print">"Label"<span class="subtitle">{label.number.clone()}</span></h1>
        <PrintButton/>
        <div class="print-label" data-testid="stock-label">
            <p class="print-label-title">{label.title}</p>
            <p class="print-label-number"><strong data-testid="label-number">{label.number}</strong></p>
            <div class="print-label-qr" role="img" aria-label="QR code: opens this page's record"
                data-testid="label-qr" inner_html=label.qr_svg></div>
            <dl class="print-label-facts">
                {label.facts.into_iter().map(|fact| view! {
                    <div><dt>{fact.name}</dt><dd>{fact.value}</dd></div>
                }).collect_view()}
            </dl>
            <p class="print-label-code">{label.code}</p>
        </div>
        <p class="no-print"><a href=back>{back_to}</a></p>
    }
}
