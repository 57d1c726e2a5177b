//! The part page's stock forms (goods received, a count's correction) and
//! the actions that reload the page after any change made from it.

use leptos::form::ActionForm;
use leptos::prelude::*;
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

/// Goods received, and corrections after a count.
#[component]
pub fn StockForms(part_number: String, actions: StockActions) -> impl IntoView {
    let receive_error = action_error(actions.receive);
    let adjust_error = action_error(actions.adjust);
    let receipt = Form::new("receive", "receipt", receive_error, Receipt::text_limit);
    let adjustment = Form::new("adjust", "adjustment", adjust_error, Adjustment::text_limit);
    let receive_number = part_number.clone();
    view! {
        <div class="part-grid">
            <section class="card" aria-labelledby="receive-heading">
                <h2 id="receive-heading">"Receive stock"</h2>
                <ActionForm action=actions.receive attr:class="form">
                    <FormError error=receive_error/>
                    <input type="hidden" name="part_number" value=receive_number/>
                    {receipt.input("quantity", "Quantity received", String::new(), Input::WHOLE.min("1").required())}
                    {receipt.text("note", "Delivery note or PO", String::new())}
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
                    <button type="submit" class="button">"Adjust"</button>
                </ActionForm>
            </section>
        </div>
    }
}
