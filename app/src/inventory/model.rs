//! The part search's wire types, for the search page and the server alike.

use serde::{Deserialize, Serialize};
use torvan::{MakeOrBuy, StockStatus};
use uuid::Uuid;

/// What to look for in the parts catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartSearch {
    /// A part-number prefix (`710-`) or words (`drain valve`); empty for all.
    pub text: String,
    pub stock_status: Option<StockStatus>,
    pub category_id: Option<Uuid>,
    pub make_or_buy: Option<MakeOrBuy>,
    /// Zero-based.
    pub page: i64,
    pub page_size: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartHit {
    pub part_number: String,
    pub name: String,
    pub category: Option<String>,
    pub on_hand: i32,
    pub allocated: i32,
    pub available: i32,
    pub reorder_point: i32,
    pub stock_status: StockStatus,
    pub make_or_buy: MakeOrBuy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPage {
    pub hits: Vec<PartHit>,
    /// Matches over all pages.
    pub total: i64,
}
