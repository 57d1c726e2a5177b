//! The reorder report: active parts at or below their reorder point, with
//! the quantity to order, optionally for one vendor, and as CSV for buyers.

use rust_decimal::Decimal;
use sqlx::PgConnection;
use torvan::reorder::ReorderParameters;

use super::model::{ReorderRow, ReorderView};
use crate::error::AppError;
use crate::inventory::vendors;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReorderLine {
    pub part_number: String,
    pub name: String,
    pub vendor_code: Option<String>,
    pub vendor_name: Option<String>,
    pub vendor_part_number: Option<String>,
    pub available: i32,
    pub reorder_point: i32,
    pub suggested: i32,
    pub unit_cost: Option<Decimal>,
}

struct Row {
    part_number: String,
    name: String,
    vendor_code: Option<String>,
    vendor_name: Option<String>,
    vendor_part_number: Option<String>,
    quantity_available: i32,
    reorder_point: i32,
    reorder_quantity: i32,
    minimum_order_quantity: i32,
    order_multiple: i32,
    unit_cost: Option<Decimal>,
}

/// The report, for every vendor or for the vendor with code `vendor`.
pub async fn report(
    conn: &mut PgConnection,
    vendor: Option<&str>,
) -> Result<Vec<ReorderLine>, sqlx::Error> {
    let rows = sqlx::query_as!(
        Row,
        r#"SELECT p.part_number, p.name, v.code AS "vendor_code?", v.name AS "vendor_name?",
                  p.vendor_part_number, p.quantity_available AS "quantity_available!",
                  coalesce(reorder_point, 0) AS "reorder_point!",
                  coalesce(reorder_quantity, 0) AS "reorder_quantity!",
                  coalesce(minimum_order_quantity, 1) AS "minimum_order_quantity!",
                  coalesce(order_multiple, 1) AS "order_multiple!",
                  coalesce(last_cost, standard_cost) AS unit_cost
           FROM inventory.parts p
           LEFT JOIN inventory.vendors v ON v.id = p.primary_vendor_id
           WHERE p.status = 'ACTIVE' AND p.quantity_available <= coalesce(p.reorder_point, 0)
             AND ($1::text IS NULL OR v.code = $1)
           ORDER BY p.part_number"#,
        vendor,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let parameters = ReorderParameters {
                available: row.quantity_available,
                reorder_point: row.reorder_point,
                reorder_quantity: row.reorder_quantity,
                minimum_order_quantity: row.minimum_order_quantity,
                order_multiple: row.order_multiple,
            };
            Some(ReorderLine {
                suggested: parameters.suggested_order()?,
                part_number: row.part_number,
                name: row.name,
                vendor_code: row.vendor_code,
                vendor_name: row.vendor_name,
                vendor_part_number: row.vendor_part_number,
                available: row.quantity_available,
                reorder_point: row.reorder_point,
                unit_cost: row.unit_cost,
            })
        })
        .collect())
}

/// The report as the page shows it, with every vendor for its filter.
pub async fn view(conn: &mut PgConnection, vendor: Option<&str>) -> Result<ReorderView, AppError> {
    let lines = report(conn, vendor)
        .await?
        .into_iter()
        .map(|line| ReorderRow {
            vendor: line.vendor_name.unwrap_or_default(),
            part_number: line.part_number,
            name: line.name,
            vendor_part_number: line.vendor_part_number.unwrap_or_default(),
            available: line.available,
            reorder_point: line.reorder_point,
            suggested: line.suggested,
            unit_cost: line.unit_cost.map(crate::money::money).unwrap_or_default(),
        })
        .collect();
    let vendors = vendors::all(conn)
        .await?
        .into_iter()
        .map(|vendor| (vendor.code, vendor.name))
        .collect();
    Ok(ReorderView { lines, vendors })
}

/// The report as CSV (RFC 4180), one line per part, with a header.
pub fn to_csv(lines: &[ReorderLine]) -> String {
    let mut csv = torvan::csv::write_row(&[
        "part_number",
        "name",
        "vendor_code",
        "vendor_name",
        "vendor_part_number",
        "available",
        "reorder_point",
        "suggested_order",
        "unit_cost",
    ]);
    for line in lines {
        csv.push_str(&torvan::csv::write_row(&[
            line.part_number.clone(),
            line.name.clone(),
            line.vendor_code.clone().unwrap_or_default(),
            line.vendor_name.clone().unwrap_or_default(),
            line.vendor_part_number.clone().unwrap_or_default(),
            line.available.to_string(),
            line.reorder_point.to_string(),
            line.suggested.to_string(),
            line.unit_cost
                .map(|cost| cost.to_string())
                .unwrap_or_default(),
        ]));
    }
    csv
}
