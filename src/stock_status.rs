use crate::DbEnum;

crate::db_enum::db_enum! {
    /// How a part's available quantity compares with its reorder point, as
    /// classified by the `inventory.parts_availability` view.
    #[derive(PartialOrd, Ord)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum StockStatus: "stock status" {
        OutOfStock = "OUT_OF_STOCK" as "Out of stock",
        LowStock = "LOW_STOCK" as "Low stock",
        MediumStock = "MEDIUM_STOCK" as "Medium stock",
        InStock = "IN_STOCK" as "In stock",
    }
}

impl StockStatus {
    /// The classes of its badge: `badge stock-low_stock` and so on.
    pub fn css_class(self) -> String {
        format!("badge stock-{}", self.as_db_str().to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
