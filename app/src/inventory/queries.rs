use sqlx::PgPool;
use torvan::{DbEnum, StockStatus};

use super::api::PartStock;
use crate::error::AppError;

/// How many parts the list shows at once.
const PART_PAGE_SIZE: i64 = 50;

#[derive(sqlx::FromRow)]
struct AvailabilityRow {
    part_number: String,
    name: String,
    category_name: Option<String>,
    quantity_on_hand: i32,
    quantity_allocated: i32,
    quantity_available: i32,
    reorder_point: i32,
    stock_status: String,
}

pub async fn stock(pool: &PgPool) -> Result<Vec<PartStock>, AppError> {
    let rows = sqlx::query_as::<_, AvailabilityRow>(
        "SELECT part_number, name, category_name, quantity_on_hand, quantity_allocated,
                quantity_available, reorder_point, stock_status
         FROM inventory.parts_availability
         ORDER BY part_number
         LIMIT $1",
    )
    .bind(PART_PAGE_SIZE)
    .fetch_all(pool)
    .await?;

    rows.into_iter()
        .map(|row| {
            Ok(PartStock {
                status: StockStatus::parse(&row.stock_status)?,
                part_number: row.part_number,
                name: row.name,
                category: row.category_name,
                on_hand: row.quantity_on_hand,
                allocated: row.quantity_allocated,
                available: row.quantity_available,
                reorder_point: row.reorder_point,
            })
        })
        .collect()
}
