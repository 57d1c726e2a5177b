//! The order page's wire types: the order with its sinks or line items, its
//! status timeline and the moves the caller may make.

use serde::{Deserialize, Serialize};
use torvan::order_draft::{HeaderDraft, OrderType};
use torvan::sink::ConfigurationStatus;
use torvan::{BuildNumber, OrderNumber, OrderPriority, OrderStatus};

use crate::orders::header::ShipToChoices;
use crate::orders::lines::OrderLines;
use crate::signatures::ShownSignature;

/// The order page's data; dates and money arrive formatted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetail {
    pub order_number: OrderNumber,
    pub customer: String,
    /// The ship-to address and contact, as one line each.
    pub ship_to: Option<String>,
    pub contact: Option<String>,
    /// The header as its form edits it, with the customer's addresses and
    /// contacts to pick from, until the order ships.
    pub header: Option<(HeaderDraft, ShipToChoices)>,
    pub customer_po_number: Option<String>,
    pub order_type: OrderType,
    pub status: OrderStatus,
    pub priority: OrderPriority,
    pub order_date: String,
    pub requested_ship_date: Option<String>,
    pub promised_ship_date: Option<String>,
    pub special_instructions: Option<String>,
    /// How the order's units are numbered.
    pub unit_serials: torvan::unit_serial::SerialScheme,
    pub total: Option<String>,
    /// What the page showed; a change names it so a stale page is refused.
    pub version: i32,
    pub sinks: Vec<SinkLine>,
    /// The families a new sink can start from, while sinks can be added (a
    /// pending production or sample order); empty otherwise.
    pub sink_families: Vec<(String, String)>,
    /// Service and warranty orders' line items; production orders have none.
    pub lines: Option<OrderLines>,
    pub timeline: Vec<StatusChange>,
    /// The moves the caller may make now.
    pub moves: Vec<OfferedMove>,
    /// What approved BOMs need that is neither held nor issued, for the
    /// move into production to list; empty once the order is past pending.
    pub shortages: Vec<BuildShortage>,
    /// The signatures of the moves that released product, each against what
    /// the order releases now.
    pub signatures: Vec<ShownSignature>,
}

/// A part an approved BOM needs that is neither held for it nor issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildShortage {
    pub build_number: BuildNumber,
    pub part_number: String,
    pub short_by: i32,
}

/// One sink configuration of the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SinkLine {
    pub build_number: BuildNumber,
    pub family: String,
    pub quantity: i32,
    pub status: ConfigurationStatus,
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
