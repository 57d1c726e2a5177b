//! The price beside the wizard: the quote for the choices as they stand.

use leptos::prelude::*;
use torvan::plural::count;
use torvan::sink::quote;

use super::draft::Draft;
use crate::money::money;

/// The price as the choices stand, recomputed on every change.
#[component]
pub fn PricePanel() -> impl IntoView {
    let draft = expect_context::<Draft>();
    let breakdown = Memo::new(move |_| {
        draft
            .family
            .get()
            .map(|family| draft.choices.with(|choices| quote(choices, &family)))
    });
    view! {
        <aside class="card price-panel" aria-labelledby="price-title">
            <h2 id="price-title">"Price"</h2>
            {move || breakdown.get().map(|breakdown| view! {
                <table class="data-table" data-testid="price-breakdown">
                    <tbody>
                        {breakdown.lines.into_iter().map(|line| view! {
                            <tr><td>{line.label}</td><td class="num">{money(line.amount)}</td></tr>
                        }).collect_view()}
                    </tbody>
                    <tfoot>
                        <tr><th scope="row">"Per sink"</th><td class="num" data-testid="unit-price">{money(breakdown.unit_price)}</td></tr>
                        {breakdown.total.map(|(sinks, total)| view! {
                            <tr><th scope="row">{format!("Total for {}", count(sinks, "sink", "sinks"))}</th>
                                <td class="num" data-testid="total-price">{money(total)}</td></tr>
                        })}
                    </tfoot>
                </table>
            })}
        </aside>
    }
}
