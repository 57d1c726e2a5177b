//! The order page's sinks section: each configuration opening its wizard
//! and its BOM, and the form that starts another while the order is pending.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use torvan::sink::WizardStep;
use torvan::{Action, OrderNumber};

use super::api::AddSink;
use super::wizard::step_href;
use crate::orders::detail::SinkLine;
use crate::shell::{FieldMessage, FormError, Permitted, action_error};

/// The order's sink configurations, each opening its wizard, and a form to
/// start another while the order is pending.
#[component]
pub fn OrderSinks(
    order_number: OrderNumber,
    sinks: Vec<SinkLine>,
    /// The families a new sink can start from; none once the order is past
    /// pending.
    families: Vec<(String, String)>,
) -> impl IntoView {
    let body = if sinks.is_empty() {
        view! { <p class="empty">"No sinks configured yet."</p> }.into_any()
    } else {
        let rows = sinks
            .into_iter()
            .map(|sink| {
                let href = step_href(&order_number, &sink.build_number, WizardStep::Review);
                let bom = crate::routes::bom(&order_number, &sink.build_number);
                let bom_label = format!("Bill of materials of {}", sink.build_number);
                view! {
                    <tr>
                        <td class="mono"><a href=href>{sink.build_number.to_string()}</a></td><td>{sink.family}</td>
                        <td class="num">{sink.quantity}</td><td>{sink.status.label()}</td>
                        <td class="num">{sink.price.unwrap_or_default()}</td>
                        <td><a href=bom aria-label=bom_label>"BOM"</a></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="data-table" data-testid="order-sinks">
                    <thead><tr>
                        <th scope="col">"Build number"</th><th scope="col">"Family"</th>
                        <th scope="col" class="num">"Quantity"</th><th scope="col">"Configuration"</th>
                        <th scope="col" class="num">"Price per sink"</th>
                        <th scope="col">"Bill of materials"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="sinks">
            <h2 id="sinks">"Sinks"</h2>
            {body}
            {(!families.is_empty()).then(|| view! {
                <Permitted on=torvan::Resource::Configurations action=Action::Create clone:order_number clone:families>
                    <NewSinkForm order_number=order_number.clone() families=families.clone()/>
                </Permitted>
            })}
        </section>
    }
}

#[component]
fn NewSinkForm(order_number: OrderNumber, families: Vec<(String, String)>) -> impl IntoView {
    let action = ServerAction::<AddSink>::new();
    let error = action_error(action);
    let navigate = use_navigate();
    let order = order_number.clone();
    Effect::new(move || {
        if let Some(Ok(build)) = action.value().get() {
            navigate(
                &step_href(&order, &build, WizardStep::Family),
                Default::default(),
            );
        }
    });
    let options = families
        .into_iter()
        .map(|(code, name)| view! { <option value=code>{name}</option> })
        .collect_view();
    view! {
        <ActionForm action attr:class="form inline">
            <input type="hidden" name="order_number" value=order_number.to_string()/>
            <label for="new-sink-family">"Sink family"</label>
            <select id="new-sink-family" name="family" required>{options}</select>
            <button type="submit" class="button">"Add sink"</button>
            <FieldMessage error field="family"/>
            <FormError error/>
        </ActionForm>
    }
}
