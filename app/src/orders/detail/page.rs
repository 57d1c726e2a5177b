//! `/orders/:number`: the order's facts, its status moves (those that release
//! product signed), the header form, its sinks or line items, the release
//! signatures and its status timeline.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use torvan::audit::AuditedTable;
use torvan::{DbEnum, OrderNumber};

use super::api::{ChangeOrderStatus, get_order};
use super::model::{BuildShortage, OfferedMove, OrderDetail, StatusChange};
use crate::audit::HistoryLink;
use crate::orders::header::{HeaderForm, SaveOrderHeader};
use crate::orders::lines::{AddLineItem, LineItems, RemoveLineItem};
use crate::orders::sinks::OrderSinks;
use crate::shell::{
    ConfirmSubmit, Crumb, FieldMessage, FormError, Loaded, Permitted, Trail, action_error,
    successes,
};
use crate::signatures::{SignSubmit, Signatures};

/// `/orders/:number`
#[component]
pub fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    let actions = OrderActions {
        change: ServerAction::new(),
        header: ServerAction::new(),
        add_line: ServerAction::new(),
        remove_line: ServerAction::new(),
    };
    let changes = [
        successes(actions.change),
        successes(actions.header),
        successes(actions.add_line),
        successes(actions.remove_line),
    ];
    let order = Resource::new(
        move || {
            let saved: usize = changes.iter().map(|count| count.get()).sum();
            (params.read().get("number").unwrap_or_default(), saved)
        },
        |(number, _)| get_order(number),
    );
    view! {
        <Loaded resource=order loading="Loading the order…" render=move |order| view! { <Order order actions/> }/>
    }
}

#[derive(Clone, Copy)]
struct OrderActions {
    change: ServerAction<ChangeOrderStatus>,
    header: ServerAction<SaveOrderHeader>,
    add_line: ServerAction<AddLineItem>,
    remove_line: ServerAction<RemoveLineItem>,
}

#[component]
fn Order(order: OrderDetail, actions: OrderActions) -> impl IntoView {
    let change = actions.change;
    let lines = order.lines.clone().map(|lines| {
        view! {
            <LineItems order_number=order.order_number.clone() lines add=actions.add_line remove=actions.remove_line/>
        }
    });
    let title = format!("Order {}", order.order_number);
    let or_dash = |value: Option<String>| value.unwrap_or_else(|| "—".to_owned());
    view! {
        <Title text=title.clone()/>
        <Trail trail=vec![Crumb::new("Orders", "/orders")] current=order.order_number.to_string()/>
        <h1>{title}<span class="subtitle">{order.customer.clone()}</span></h1>
        <p>
            <span class="badge" data-testid="order-status">{order.status.label()}</span>" "
            <span class="badge muted">{order.priority.label()}</span>
        </p>
        <HistoryLink table=AuditedTable::Orders record=order.order_number.to_string()/>
        {torvan::order_lifecycle::waiting_for(order.status).map(|next| view! {
            <p class="waiting" data-testid="waiting-for">{next}</p>
        })}
        <div class="part-grid">
            <section class="card" aria-labelledby="order-facts">
                <h2 id="order-facts">"Order"</h2>
                <dl class="properties">
                    <div><dt>"Type"</dt><dd>{order.order_type.label()}</dd></div>
                    <div><dt>"Customer PO"</dt><dd>{or_dash(order.customer_po_number.clone())}</dd></div>
                    <div><dt>"Ship to"</dt><dd data-testid="ship-to">{or_dash(order.ship_to.clone())}</dd></div>
                    <div><dt>"Contact"</dt><dd data-testid="contact">{or_dash(order.contact.clone())}</dd></div>
                    <div><dt>"Ordered"</dt><dd>{order.order_date.clone()}</dd></div>
                    <div><dt>"Requested ship"</dt><dd>{or_dash(order.requested_ship_date.clone())}</dd></div>
                    <div><dt>"Promised ship"</dt><dd>{or_dash(order.promised_ship_date.clone())}</dd></div>
                    <div><dt>"Total"</dt><dd>{or_dash(order.total.clone())}</dd></div>
                    <div><dt>"Instructions"</dt><dd>{or_dash(order.special_instructions.clone())}</dd></div>
                    <div><dt>"Serial numbers"</dt><dd data-testid="unit-serials">{order.unit_serials.label()}</dd></div>
                </dl>
            </section>
            <StatusMoves
                order_number=order.order_number.clone()
                version=order.version
                moves=order.moves.clone()
                shortages=order.shortages.clone()
                change
            />
        </div>
        {order.header.clone().map(|(header, choices)| {
            let order_number = order.order_number.clone();
            view! {
                <Permitted on=torvan::Resource::Orders action=torvan::Action::Update>
                    <HeaderForm
                        order_number=order_number.clone()
                        version=order.version
                        header=header.clone()
                        choices=choices.clone()
                        action=actions.header
                    />
                </Permitted>
            }
        })}
        {lines}
        {order.lines.is_none().then(|| view! {
            <OrderSinks order_number=order.order_number.clone() sinks=order.sinks families=order.sink_families/>
        })}
        {(!order.signatures.is_empty()).then(|| view! {
            <section aria-labelledby="order-signatures">
                <h2 id="order-signatures">"Signatures"</h2>
                <Signatures signatures=order.signatures.clone()/>
            </section>
        })}
        <crate::tasks::OrderProduction order_number=order.order_number.to_string()/>
        <crate::quality::OrderQc order_number=order.order_number.to_string()/>
        <crate::documents::DocumentsPanel attached=torvan::document::Attachment::Order to=order.order_number.to_string()/>
        <Timeline changes=order.timeline/>
    }
}

#[component]
fn StatusMoves(
    order_number: OrderNumber,
    version: i32,
    moves: Vec<OfferedMove>,
    shortages: Vec<BuildShortage>,
    change: ServerAction<ChangeOrderStatus>,
) -> impl IntoView {
    let error = action_error(change);
    let shortages: Vec<String> = shortages
        .into_iter()
        .map(|short| {
            format!(
                "{}: {} short by {}",
                short.build_number, short.part_number, short.short_by
            )
        })
        .collect();
    let body = if moves.is_empty() {
        view! { <p class="empty">"There is no status change you can make now."</p> }.into_any()
    } else {
        moves
            .into_iter()
            .map(|offered| {
                let warning = confirmation(offered, &shortages);
                view! { <MoveForm order_number=order_number.clone() version offered warning change/> }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="card" aria-labelledby="status-moves">
            <h2 id="status-moves">"Change status"</h2>
            {body}
            <FieldMessage error field="to"/>
            <FormError error/>
        </section>
    }
}

/// What a move asks the person to confirm, and the lines to read first:
/// leaving the shop, and starting production with parts still short.
fn confirmation(offered: OfferedMove, shortages: &[String]) -> Option<(String, Vec<String>)> {
    if let Some(consequence) = torvan::order_lifecycle::consequence(offered.to) {
        return Some((consequence.to_owned(), Vec::new()));
    }
    let starts_production = offered.to == torvan::OrderStatus::InProduction && !offered.back;
    (starts_production && !shortages.is_empty()).then(|| {
        (
            "Production starts with these parts short; their tasks wait until the stock is issued:"
                .to_owned(),
            shortages.to_vec(),
        )
    })
}

#[component]
fn MoveForm(
    order_number: OrderNumber,
    version: i32,
    offered: OfferedMove,
    warning: Option<(String, Vec<String>)>,
    change: ServerAction<ChangeOrderStatus>,
) -> impl IntoView {
    let error = action_error(change);
    let to = offered.to;
    let reason_id = format!("reason-{}", to.as_db_str().to_lowercase());
    let reason = offered.back.then(|| {
        view! {
            <label for=reason_id.clone()>{format!("Reason for sending back to {}", to.label())}</label>
            <input id=reason_id name="reason" required maxlength=torvan::order_lifecycle::REASON_LIMIT/>
            <FieldMessage error field="reason"/>
        }
    });
    let label = if offered.back {
        format!("Send back to {}", to.label())
    } else {
        format!("Move to {}", to.label())
    };
    let signed = torvan::signature::order_move_meaning(to).filter(|_| !offered.back);
    view! {
        <ActionForm action=change attr:class="form move-form">
            <input type="hidden" name="order_number" value=order_number.to_string()/>
            <input type="hidden" name="to" value=to.as_db_str()/>
            <input type="hidden" name="version" value=version/>
            {reason}
            {(!offered.back).then(|| view! { <input type="hidden" name="reason" value=""/> })}
            {match (signed, warning) {
                (Some(meaning), warning) => {
                    let consequence = warning.map(|(consequence, _)| format!(" {consequence}")).unwrap_or_default();
                    let statement = format!("{}{consequence}", release_statement(to));
                    view! {
                        <SignSubmit label meaning statement error id=format!("move-{}", to.as_db_str().to_lowercase())/>
                    }.into_any()
                }
                (None, Some((consequence, details))) => view! { <ConfirmSubmit label consequence details/> }.into_any(),
                (None, None) => view! {
                    <button type="submit" class=if offered.back { "button subtle" } else { "button" }>{label}</button>
                }.into_any(),
            }}
        </ActionForm>
    }
}

/// What the mover attests by signing a move that releases product.
fn release_statement(to: torvan::OrderStatus) -> &'static str {
    match to {
        torvan::OrderStatus::Shipped => {
            "You approve the release of this order: every build as built to its approved BOM."
        }
        _ => "You verify that final inspection is complete and every build of this order passed.",
    }
}

#[component]
fn Timeline(changes: Vec<StatusChange>) -> impl IntoView {
    view! {
        <section aria-labelledby="timeline">
            <h2 id="timeline">"Status timeline"</h2>
            <ol class="timeline" data-testid="timeline">
                {changes.into_iter().map(|change| {
                    let step = match change.from {
                        Some(from) => format!("{} → {}", from.label(), change.to.label()),
                        None => change.to.label().to_owned(),
                    };
                    view! {
                        <li>
                            <strong>{step}</strong>
                            <span class="muted">{format!(" · {} · {}", change.at, change.by)}</span>
                            {change.reason.map(|reason| view! { <p class="reason">{reason}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
