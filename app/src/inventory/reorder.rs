//! The reorder report: active parts at or below their reorder point, with
//! the quantity to order, optionally for one vendor, and as CSV for buyers.

use rust_decimal::Decimal;
use sqlx::PgPool;
use torvan::reorder::ReorderParameters;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReorderLine {
    pub part_number: String,
    pub name: String,
    pub vendor_id: Option<Uuid>,
    pub vendor_part_number: Option<String>,
    pub available: i32,
    pub reorder_point: i32,
    pub suggested: i32,
    pub unit_cost: Option<Decimal>,
}

#[derive(sqlx::FromRow)]
struct Row {
    part_number: String,
    name: String,
    primary_vendor_id: Option<Uuid>,
    vendor_part_number: Option<String>,
    quantity_available: i32,
    reorder_point: i32,
    reorder_quantity: i32,
    minimum_order_quantity: i32,
    order_multiple: i32,
    unit_cost: Option<Decimal>,
}

pub async fn report(pool: &PgPool, vendor: Option<Uuid>) -> Result<Vec<ReorderLine>, sqlx::Error> {
    let rows = sqlx::query_as::<_, Row>(
        "SELECT part_number, name, primary_vendor_id, vendor_part_number, quantity_available,
                coalesce(reorder_point, 0) AS reorder_point,
                coalesce(reorder_quantity, 0) AS reorder_quantity,
                coalesce(minimum_order_quantity, 1) AS minimum_order_quantity,
                coalesce(order_multiple, 1) AS order_multiple,
                coalesce(last_cost, standard_cost) AS unit_cost
         FROM inventory.parts
         WHERE status = 'ACTIVE' AND quantity_available <= coalesce(reorder_point, 0)
           AND ($1::uuid IS NULL OR primary_vendor_id = $1)
         ORDER BY part_number",
    )
    .bind(vendor)
    .fetch_all(pool)
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
                vendor_id: row.primary_vendor_id,
                vendor_part_number: row.vendor_part_number,
                available: row.quantity_available,
                reorder_point: row.reorder_point,
                unit_cost: row.unit_cost,
            })
        })
        .collect())
}

/// The report as CSV (RFC 4180), one line per part, with a header.
pub fn to_csv(lines: &[ReorderLine]) -> String {
    let mut csv = String::from(
        "part_number,name,vendor_id,vendor_part_number,available,reorder_point,suggested_order,unit_cost\r\n",
    );
    for line in lines {
        let fields = [
            line.part_number.clone(),
            line.name.clone(),
            line.vendor_id.map(|id| id.to_string()).unwrap_or_default(),
            line.vendor_part_number.clone().unwrap_or_default(),
            line.available.to_string(),
            line.reorder_point.to_string(),
            line.suggested.to_string(),
            line.unit_cost
                .map(|cost| cost.to_string())
                .unwrap_or_default(),
        ];
        let escaped: Vec<_> = fields.iter().map(|field| csv_field(field)).collect();
        csv.push_str(&escaped.join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// Quotes a field when needed, and defuses text a spreadsheet would run as a
/// formula (a leading `=`, `+`, `-` or `@`) by prefixing an apostrophe.
fn csv_field(value: &str) -> String {
    let is_number = value.parse::<f64>().is_ok();
    let value = match value.chars().next() {
        Some('=' | '+' | '-' | '@') if !is_number => format!("'{value}"),
        _ => value.to_owned(),
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(csv_field("Basin 30 x 20, 316L"), "\"Basin 30 x 20, 316L\"");
        assert_eq!(csv_field("6\" drain"), "\"6\"\" drain\"");
        assert_eq!(csv_field("710-0001"), "710-0001");
    }

    #[test]
    fn formulas_are_defused_but_negative_numbers_kept() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-3"), "-3");
    }
}
