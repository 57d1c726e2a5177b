//! The order page's line items section: the table and, while the order is
//! pending, the forms that add and remove lines.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::{Action, OrderNumber, PartNumber};

use super::api::{AddLineItem, RemoveLineItem};
use super::model::{LineItemRow, OrderLines};
use crate::limit_hint::LimitHint;
use crate::shell::{FieldMessage, FormError, Permitted, action_error};

/// The order page's line items: parts, quantities, prices, discounts and
/// the amounts the database computed, with forms while the order is pending.
#[component]
pub fn LineItems(
    order_number: OrderNumber,
    lines: OrderLines,
    add: ServerAction<AddLineItem>,
    remove: ServerAction<RemoveLineItem>,
) -> impl IntoView {
    let open = !lines.parts.is_empty();
    let body = if lines.lines.is_empty() {
        view! { <p class="empty">"No line items yet."</p> }.into_any()
    } else {
        let rows = lines
            .lines
            .into_iter()
            .map(|line| view! { <LineRow line order_number=order_number.clone() open remove/> })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="data-table" data-testid="line-items">
                    <thead><tr>
                        <th scope="col" class="num">"Line"</th><th scope="col">"Part"</th><th scope="col">"Description"</th>
                        <th scope="col" class="num">"Quantity"</th><th scope="col" class="num">"Unit price"</th>
                        <th scope="col" class="num">"Discount"</th><th scope="col" class="num">"Net"</th>
                        {open.then(|| view! { <th scope="col">"Remove"</th> })}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="6">"Line items total"</th>
                        <td class="num" data-testid="line-items-total">{lines.total}</td>
                    </tr></tfoot>
                </table>
            </div>
        }
        .into_any()
    };
    let parts = lines.parts;
    view! {
        <section aria-labelledby="line-items">
            <h2 id="line-items">"Line items"</h2>
            {body}
            {open.then(|| view! {
                <Permitted on=torvan::Resource::Orders action=Action::Update clone:order_number clone:parts>
                    <NewLineForm order_number=order_number.clone() parts=parts.clone() add/>
                </Permitted>
            })}
        </section>
    }
}

#[component]
fn LineRow(
    line: LineItemRow,
    order_number: OrderNumber,
    open: bool,
    remove: ServerAction<RemoveLineItem>,
) -> impl IntoView {
    let number = line.line_number;
    view! {
        <tr>
            <td class="num">{number}</td><td class="mono">{line.part_number}</td><td>{line.description}</td>
            <td class="num">{line.quantity}</td><td class="num">{line.unit_price}</td>
            <td class="num">{line.discount_percent}</td><td class="num">{line.net_amount}</td>
            {open.then(|| view! {
                <td>
                    <ActionForm action=remove>
                        <input type="hidden" name="order_number" value=order_number.to_string()/>
                        <input type="hidden" name="line_number" value=number/>
                        <button type="submit" class="button subtle">{format!("Remove line {number}")}</button>
                    </ActionForm>
                </td>
            })}
        </tr>
    }
}

#[component]
fn NewLineForm(
    order_number: OrderNumber,
    parts: Vec<(String, String)>,
    add: ServerAction<AddLineItem>,
) -> impl IntoView {
    let error = action_error(add);
    let options = parts
        .into_iter()
        .map(|(number, name)| view! { <option value=number>{name}</option> })
        .collect_view();
    view! {
        <ActionForm action=add attr:class="form inline line-form">
            <input type="hidden" name="order_number" value=order_number.to_string()/>
            <div class="field">
                <label for="line-part">"Part number"</label>
                <input id="line-part" name="line[part_number]" list="service-parts" autocomplete="off" required
                    maxlength=PartNumber::MAX_LEN/>
                <datalist id="service-parts">{options}</datalist>
                <LimitHint limit=Some(PartNumber::MAX_LEN)/>
                <FieldMessage error field="part_number"/>
            </div>
            <div class="field">
                <label for="line-quantity">"Quantity"</label>
                <input id="line-quantity" name="line[quantity]" inputmode="numeric" value="1" required/>
                <FieldMessage error field="quantity"/>
            </div>
            <div class="field">
                <label for="line-price">"Unit price"</label>
                <input id="line-price" name="line[unit_price]" inputmode="decimal" required/>
                <FieldMessage error field="unit_price"/>
            </div>
            <div class="field">
                <label for="line-discount">"Discount %"</label>
                <input id="line-discount" name="line[discount_percent]" inputmode="decimal" value="0"/>
                <FieldMessage error field="discount_percent"/>
            </div>
            <button type="submit" class="button">"Add line"</button>
            <FormError error/>
        </ActionForm>
    }
}
