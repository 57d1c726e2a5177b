//! The part page's stock forms (goods received, a count's correction) and
//! the actions that reload the page after any change made from it.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::lots::{LOT_NUMBER_LIMIT, Tracking};
use torvan::stock_entry::{Adjustment, Receipt};

use super::api::{AddSubstitute, AdjustStock, ReceiveStock, RemoveSubstitute};
use crate::shell::form::{Form, Input};
use crate::shell::{FormError, action_error, successes};

/// The changes the part page makes; the page reloads after any of them.
#[derive(Clone, Copy)]
pub struct StockActions {
    pub receive: ServerAction<ReceiveStock>,
    pub adjust: ServerAction<AdjustStock>,
    pub add_substitute: ServerAction<AddSubstitute>,
    pub remove_substitute: ServerAction<RemoveSubstitute>,
}

impl StockActions {
    pub fn new() -> Self {
        Self {
            receive: ServerAction::new(),
            adjust: ServerAction::new(),
            add_substitute: ServerAction::new(),
            remove_substitute: ServerAction::new(),
        }
    }

    /// Successful changes so far; the page reloads after each.
    pub fn saves(&self) -> Signal<usize> {
        let counts = [
            successes(self.receive),
            successes(self.adjust),
            successes(self.add_substitute),
            successes(self.remove_substitute),
        ];
        Signal::derive(move || counts.iter().map(|count| count.get()).sum())
    }
}

/// The most characters a field of the receive form holds.
fn receipt_limit(field: &str) -> Option<usize> {
    match field {
        "lot" => Some(LOT_NUMBER_LIMIT),
        _ => Receipt::text_limit(field),
    }
}

/// The most characters a field of the count's form holds.
fn adjustment_limit(field: &str) -> Option<usize> {
    match field {
        "lot" => Some(LOT_NUMBER_LIMIT),
        _ => Adjustment::text_limit(field),
    }
}

/// Goods received (with the lot and serial numbers the part's tracking
/// asks for), and corrections after a count (of a lot, when the part has
/// lots).
#[component]
pub fn StockForms(
    part_number: String,
    tracking: Tracking,
    has_lots: bool,
    actions: StockActions,
) -> impl IntoView {
    let receive_error = action_error(actions.receive);
    let adjust_error = action_error(actions.adjust);
    let receipt = Form::new("receive", "receipt", receive_error, receipt_limit);
    let adjustment = Form::new("adjust", "adjustment", adjust_error, adjustment_limit);
    let receive_number = part_number.clone();
    let lot_label = if tracking.lot {
        "Supplier's lot number"
    } else {
        "Supplier's lot number (optional)"
    };
    let lot = if tracking.lot {
        Input::LINE.required()
    } else {
        Input::LINE
    };
    let serials = tracking.serial.then(|| {
        receipt.input(
            "serials",
            "Serial numbers (one per unit, one per line)",
            String::new(),
            Input::area(3).required(),
        )
    });
    let counted_lot = (tracking.lot || has_lots).then(|| {
        adjustment.text(
            "lot",
            "Lot counted (empty: stock outside the lots)",
            String::new(),
        )
    });
    view! {
        <div class="part-grid">
            <section class="card" aria-labelledby="receive-heading">
                <h2 id="receive-heading">"Receive stock"</h2>
                <ActionForm action=actions.receive attr:class="form">
                    <FormError error=receive_error/>
                    <input type="hidden" name="part_number" value=receive_number/>
                    {receipt.input("quantity", "Quantity received", String::new(), Input::WHOLE.min("1").required())}
                    {receipt.text("note", "Delivery note or PO", String::new())}
                    {receipt.input("lot", lot_label, String::new(), lot)}
                    {receipt.input("expires_on", "Lot expires (optional)", String::new(), Input::DATE)}
                    {serials}
                    <button type="submit" class="button">"Receive"</button>
                </ActionForm>
            </section>
            <section class="card" aria-labelledby="adjust-heading">
                <h2 id="adjust-heading">"Adjust after a count"</h2>
                <ActionForm action=actions.adjust attr:class="form">
                    <FormError error=adjust_error/>
                    <input type="hidden" name="part_number" value=part_number/>
                    {adjustment.input("change", "Change (+ found, − missing)", String::new(), Input::WHOLE.required())}
                    {adjustment.input("reason", "Reason", String::new(), Input::LINE.required())}
                    {counted_lot}
                    <button type="submit" class="button">"Adjust"</button>
                </ActionForm>
            </section>
        </div>
    }
}
