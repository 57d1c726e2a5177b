//! The part page's stock forms (goods received, a count's correction) and
//! the actions that reload the page after any change made from it.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::stock::{REASON_LIMIT, RECEIPT_NOTE_LIMIT};

use super::api::{AddSubstitute, AdjustStock, ReceiveStock, RemoveSubstitute};
use crate::limit_hint::LimitHint;
use crate::shell::{FieldMessage, FormError, action_error, successes};

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

/// Goods received, and corrections after a count.
#[component]
pub fn StockForms(part_number: String, actions: StockActions) -> impl IntoView {
    let receive_error = action_error(actions.receive);
    let adjust_error = action_error(actions.adjust);
    let receive_number = part_number.clone();
    view! {
        <div class="part-grid">
            <section class="card" aria-labelledby="receive-heading">
                <h2 id="receive-heading">"Receive stock"</h2>
                <ActionForm action=actions.receive attr:class="form">
                    <FormError error=receive_error/>
                    <input type="hidden" name="part_number" value=receive_number/>
                    <label for="receive-quantity">"Quantity received"</label>
                    <input id="receive-quantity" name="quantity" type="number" min="1" step="1" required inputmode="numeric"/>
                    <FieldMessage error=receive_error field="quantity"/>
                    <label for="receive-note">"Delivery note or PO"</label>
                    <input id="receive-note" name="note" maxlength=RECEIPT_NOTE_LIMIT/>
                    <LimitHint limit=Some(RECEIPT_NOTE_LIMIT)/>
                    <FieldMessage error=receive_error field="note"/>
                    <button type="submit" class="button">"Receive"</button>
                </ActionForm>
            </section>
            <section class="card" aria-labelledby="adjust-heading">
                <h2 id="adjust-heading">"Adjust after a count"</h2>
                <ActionForm action=actions.adjust attr:class="form">
                    <FormError error=adjust_error/>
                    <input type="hidden" name="part_number" value=part_number/>
                    <label for="adjust-change">"Change (+ found, − missing)"</label>
                    <input id="adjust-change" name="change" type="number" step="1" required inputmode="numeric"/>
                    <FieldMessage error=adjust_error field="change"/>
                    <label for="adjust-reason">"Reason"</label>
                    <input id="adjust-reason" name="reason" required maxlength=REASON_LIMIT/>
                    <LimitHint limit=Some(REASON_LIMIT)/>
                    <FieldMessage error=adjust_error field="reason"/>
                    <button type="submit" class="button">"Adjust"</button>
                </ActionForm>
            </section>
        </div>
    }
}
