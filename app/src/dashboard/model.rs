//! The dashboard's wire types.

use serde::{Deserialize, Serialize};
use torvan::{OrderStatus, StockStatus};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: OrderStatus,
    pub orders: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockAlert {
    pub part_number: String,
    pub name: String,
    pub available: i32,
    pub reorder_point: i32,
    pub status: StockStatus,
}

/// An order in production whose every unit has finished its production
/// tasks: the coordinator moves it to pre-QC from its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadyForQc {
    pub order_number: String,
    pub customer_name: String,
    pub units: i64,
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// QC's first-pass yield of a family in a month: of the inspections
/// signed that month (pre-QC and final QC, one per sink unit each), how many
/// passed at the first attempt with no defect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstPassYield {
    pub family: String,
    /// `2026-11`
    pub month: String,
    pub inspected: i64,
    pub first_pass: i64,
}

impl FirstPassYield {
    /// The share in whole percent, rounded down.
    pub fn percent(&self) -> i64 {
        if self.inspected == 0 {
            0
        } else {
            self.first_pass * 100 / self.inspected
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardSummary {
    /// One entry per status, in lifecycle order, zero where no order is.
    pub orders_by_status: Vec<StatusCount>,
    /// The most urgent parts first, the first few only.
    pub stock_alerts: Vec<StockAlert>,
    /// How many parts are at or below their reorder point in all.
    pub stock_alert_total: i64,
    /// Longest waiting first.
    pub ready_for_qc: Vec<ReadyForQc>,
    /// Latest month first, then by family.
    pub first_pass_yield: Vec<FirstPassYield>,
}
