//! A customer's ship-to choices: the addresses goods can go to and the
//! active contacts, defaults first, for the new-order form and the header's.

use sqlx::PgConnection;

use super::model::ShipToChoices;
use crate::error::AppError;

pub async fn choices_of(
    conn: &mut PgConnection,
    customer_number: &str,
) -> Result<ShipToChoices, AppError> {
    let addresses = sqlx::query!(
        r#"SELECT a.id, concat_ws(', ', nullif(a.label, ''), a.street_address_1, a.city,
                                  a.state_province, a.postal_code) AS "label!"
           FROM public.customer_addresses a JOIN public.customers c ON c.id = a.customer_id
           WHERE c.customer_number = $1 AND a.address_type IN ('SHIPPING', 'BOTH')
           ORDER BY coalesce(a.is_default_shipping, false) DESC, a.created_at, a.id"#,
        customer_number,
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| (row.id.to_string(), row.label))
    .collect();
    let contacts = sqlx::query!(
        r#"SELECT p.id, concat_ws(', ', p.first_name || ' ' || p.last_name, nullif(p.title, '')) AS "label!"
           FROM public.customer_contacts p JOIN public.customers c ON c.id = p.customer_id
           WHERE c.customer_number = $1 AND coalesce(p.is_active, true)
           ORDER BY coalesce(p.is_primary, false) DESC, p.created_at, p.id"#,
        customer_number,
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| (row.id.to_string(), row.label))
    .collect();
    Ok(ShipToChoices {
        addresses,
        contacts,
    })
}
