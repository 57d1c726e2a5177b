//! What a part's bin label and a lot's label show: the part's name, the
//! number the label is read by, a few facts for the person at the shelf,
//! and the QR code that opens the part or the lot.

use sqlx::PgConnection;
use torvan::label_code::LabelCode;
use torvan::part_number::PartNumber;
use uuid::Uuid;

use super::model::{LabelFact, StockLabel};
use super::qr;
use crate::error::AppError;

fn fact(name: &str, value: impl Into<String>) -> LabelFact {
    LabelFact {
        name: name.to_owned(),
        value: value.into(),
    }
}

pub async fn part_label(
    conn: &mut PgConnection,
    number: &PartNumber,
) -> Result<StockLabel, AppError> {
    let part = sqlx::query!(
        r#"SELECT p.name, coalesce(p.unit_of_measure, 'EACH')::text AS "unit!",
                  p.vendor_part_number
           FROM inventory.parts p WHERE p.part_number = $1"#,
        number.as_str(),
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let unit = <torvan::UnitOfMeasure as torvan::DbEnum>::parse(&part.unit)?;
    let mut facts = vec![fact("Unit", unit.label())];
    facts.extend(
        part.vendor_part_number
            .filter(|number| !number.trim().is_empty())
            .map(|number| fact("Vendor no.", number)),
    );
    let code = LabelCode::Part(number.clone());
    Ok(StockLabel {
        title: part.name,
        number: number.to_string(),
        facts,
        qr_svg: qr::svg(&code)?,
        code: code.to_string(),
    })
}

pub async fn lot_label(conn: &mut PgConnection, id: Uuid) -> Result<StockLabel, AppError> {
    let lot = sqlx::query!(
        r#"SELECT p.part_number, p.name, l.lot_number, l.expires_on,
                  l.received_at::date AS "received!"
           FROM inventory.stock_lots l JOIN inventory.parts p ON p.id = l.part_id
           WHERE l.id = $1"#,
        id,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let mut facts = vec![
        fact("Part", lot.part_number),
        fact("Received", lot.received.to_string()),
    ];
    facts.extend(lot.expires_on.map(|day| fact("Expires", day.to_string())));
    let code = LabelCode::Lot(id);
    Ok(StockLabel {
        title: lot.name,
        number: format!("Lot {}", lot.lot_number),
        facts,
        qr_svg: qr::svg(&code)?,
        code: code.to_string(),
    })
}
