//! `/builds/:build/label`: the finished unit's label, sized for 4 × 2 in
//! label stock when printed (`@page print-label`): the product, the serial
//! number the order calls for, the build and order numbers, the customer,
//! the month it was made and a QR code that opens the unit's record. A unit whose serial plate is not recorded
//! has no label yet: the page says where to record it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::get_unit_label;
use super::model::UnitLabel;
use crate::shell::{Loaded, PrintButton};

#[component]
pub fn UnitLabelPage() -> impl IntoView {
    let params = use_params_map();
    let label = Resource::new(
        move || params.read().get("build").unwrap_or_default(),
        get_unit_label,
    );
    view! {
        <Loaded resource=label loading="Loading the label…" render=|label| view! { <Label label/> }/>
    }
}

#[component]
fn Label(label: UnitLabel) -> impl IntoView {
    let record = crate::routes::build_record(&label.build_number);
    let back = view! { <p class="no-print"><a href=record>"Back to the production record"</a></p> };
    let Some(serial) = label.serial_number else {
        return view! {
            <Title text=format!("Label {}", label.build_number)/>
            <h1>"Unit label"<span class="subtitle">{label.build_number}</span></h1>
            <p class="field-error" role="alert" data-testid="label-missing-serial">
                "This unit's serial plate is not recorded yet, so it has no label: record the plate on its production record first."
            </p>
            {back}
        }
        .into_any();
    };
    view! {
        <Title text=format!("Label {serial}")/>
        <h1 class="no-print">"Unit label"<span class="subtitle">{label.build_number.clone()}</span></h1>
        <PrintButton/>
        <div class="print-label" data-testid="unit-label">
            <p class="print-label-title">{label.product}</p>
            <p class="print-label-number">"SN " <strong data-testid="label-serial">{serial}</strong></p>
            <div class="print-label-qr" role="img" aria-label="QR code: opens this unit's production record"
                data-testid="label-qr" inner_html=label.qr_svg></div>
            <dl class="print-label-facts">
                <div><dt>"Build"</dt><dd>{label.build_number}</dd></div>
                <div><dt>"Order"</dt><dd>{label.order_number}</dd></div>
                <div><dt>"For"</dt><dd>{label.customer}</dd></div>
                <div><dt>"Made"</dt><dd>{label.made_on.unwrap_or_else(|| "—".into())}</dd></div>
            </dl>
        </div>
        {back}
    }
    .into_any()
}
