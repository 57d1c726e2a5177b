use serde::{Deserialize, Serialize};

use crate::DbEnum;

/// How a part's available quantity compares with its reorder point, as
/// classified by the `inventory.parts_availability` view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum StockStatus {
    OutOfStock,
    LowStock,
    MediumStock,
    InStock,
}

impl DbEnum for StockStatus {
    const KIND: &'static str = "stock status";
    const ALL: &'static [Self] = &[
        Self::OutOfStock,
        Self::LowStock,
        Self::MediumStock,
        Self::InStock,
    ];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::OutOfStock => "OUT_OF_STOCK",
            Self::LowStock => "LOW_STOCK",
            Self::MediumStock => "MEDIUM_STOCK",
            Self::InStock => "IN_STOCK",
        }
    }
}

impl StockStatus {
    /// The classes of its badge: `badge stock-low_stock` and so on.
    pub fn css_class(self) -> String {
        format!("badge stock-{}", self.as_db_str().to_lowercase())
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::OutOfStock => "Out of stock",
            Self::LowStock => "Low stock",
            Self::MediumStock => "Medium stock",
            Self::InStock => "In stock",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;

    #[test]
    fn database_values_round_trip() {
        for &status in StockStatus::ALL {
            assert_eq!(StockStatus::parse(status.as_db_str()), Ok(status));
        }
    }

    #[test]
    fn unknown_value_is_an_error() {
        assert!(StockStatus::parse("PLENTY").is_err());
    }

    #[test]
    fn most_urgent_sorts_first() {
        let mut statuses = [
            StockStatus::InStock,
            StockStatus::LowStock,
            StockStatus::OutOfStock,
        ];
        statuses.sort();
        assert_eq!(statuses[0], StockStatus::OutOfStock);
    }
}
