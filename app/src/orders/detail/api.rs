use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use torvan::{OrderPriority, OrderStatus};

use crate::error::AppError;

/// The order page's data; dates and money arrive formatted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetail {
    pub order_number: String,
    pub customer: String,
    /// The ship-to address and contact, as one line each.
    pub ship_to: Option<String>,
    pub contact: Option<String>,
    /// The header as its form edits it, with the customer's addresses and
    /// contacts to pick from, until the order ships.
    pub header: Option<(
        torvan::order_draft::HeaderDraft,
        crate::orders::header::ShipToChoices,
    )>,
    pub customer_po_number: Option<String>,
    pub order_type: torvan::order_draft::OrderType,
    pub status: OrderStatus,
    pub priority: OrderPriority,
    pub order_date: String,
    pub requested_ship_date: Option<String>,
    pub promised_ship_date: Option<String>,
    pub special_instructions: Option<String>,
    pub total: Option<String>,
    /// What the page showed; a change names it so a stale page is refused.
    pub version: i32,
    pub sinks: Vec<SinkLine>,
    /// The families a new sink can start from, while sinks can be added (a
    /// pending production or sample order); empty otherwise.
    pub sink_families: Vec<(String, String)>,
    /// Service and warranty orders' line items; production orders have none.
    pub lines: Option<crate::orders::lines::OrderLines>,
    pub timeline: Vec<StatusChange>,
    /// The moves the caller may make now.
    pub moves: Vec<OfferedMove>,
    /// What approved BOMs need that is neither held nor issued, for the
    /// move into production to list; empty once the order is past pending.
    pub shortages: Vec<BuildShortage>,
}

/// A part an approved BOM needs that is neither held for it nor issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildShortage {
    pub build_number: String,
    pub part_number: String,
    pub short_by: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SinkLine {
    pub build_number: String,
    pub family: String,
    pub quantity: i32,
    pub status: String,
    pub price: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub at: String,
    pub from: Option<OrderStatus>,
    pub to: OrderStatus,
    pub by: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferedMove {
    pub to: OrderStatus,
    pub back: bool,
}

#[server(prefix = "/api", endpoint = "orders/order")]
pub async fn get_order(order_number: String) -> Result<OrderDetail, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Read)?;
    super::queries::detail(&crate::state::pool()?, &order_number, session.user.role).await
}

/// Moves the order to `to`. Who may make which move, and which moves need a
/// reason, is the lifecycle's rule (`torvan::order_lifecycle`), checked here.
#[server(prefix = "/api", endpoint = "orders/status")]
pub async fn change_order_status(
    order_number: String,
    to: String,
    reason: String,
    version: i32,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Orders, torvan::Action::Read)?;
    use torvan::DbEnum;
    let to = OrderStatus::parse(&to).map_err(|_| AppError::invalid("to", "Choose a status."))?;
    if reason.chars().count() > 255 {
        return Err(AppError::invalid(
            "reason",
            "A reason has at most 255 characters.",
        ));
    }
    let request = crate::state::RequestInfo::current();
    let change = super::lifecycle::Change {
        order_number: &order_number,
        to,
        reason: Some(reason.trim()).filter(|reason| !reason.is_empty()),
        version,
    };
    super::lifecycle::change_status(&crate::state::pool()?, &session, change, request.client())
        .await
}
