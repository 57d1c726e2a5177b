//! A BOM version as CSV for spreadsheets and purchasing: every line in tree
//! order with its level, quantities, costs, weight and explanation.

use sqlx::PgConnection;
use torvan::csv::write_row;
use torvan::{BuildNumber, OrderNumber};

use super::queries::{Shown, page};
use crate::error::AppError;

const COLUMNS: [&str; 11] = [
    "line",
    "level",
    "part_number",
    "item",
    "quantity_per_assembly",
    "total_quantity",
    "unit_cost",
    "extended_cost",
    "weight_lb",
    "short_by",
    "explanation",
];

/// The file's name and contents; the newest version when none is named.
pub async fn bom_csv(
    conn: &mut PgConnection,
    order_number: &OrderNumber,
    build_number: &BuildNumber,
    version: Option<i32>,
) -> Result<(String, String), AppError> {
    let asked = Shown {
        version,
        compare_with: None,
        viewer: None,
    };
    let data = page(conn, order_number, build_number, asked).await?;
    let bom = data.shown.ok_or(AppError::NotFound)?;
    let mut csv = write_row(&COLUMNS);
    for row in &bom.rows {
        csv.push_str(&write_row(&[
            row.line_number.to_string(),
            (u32::from(row.depth) + 1).to_string(),
            row.part_number.clone().unwrap_or_default(),
            row.name.clone(),
            row.quantity_per_assembly.to_string(),
            row.total_quantity.to_string(),
            row.unit_cost.to_string(),
            row.cost.to_string(),
            row.weight.normalize().to_string(),
            row.stock
                .as_ref()
                .map(|stock| stock.short_by().to_string())
                .unwrap_or_default(),
            row.explanation.clone(),
        ]));
    }
    Ok((format!("bom-{build_number}-v{}", bom.version), csv))
}
