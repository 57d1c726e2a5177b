//! A finished sink's serial number (`torvan::unit_serial`): recording the
//! number of a unit's serial plate, and the unit's label with its QR code.
//!
//! A plate is recorded on the order's lock, so it cannot race the move
//! that ships the order (which requires every plate): once the order has
//! shipped, its units' numbers are part of the frozen record and no longer
//! change. One plate names one unit: the unique index refuses a second,
//! and the message names the unit that holds it.

use sqlx::PgConnection;
use torvan::label_code::LabelCode;
use torvan::unit_serial::{PlateNumber, SerialScheme};
use torvan::{BuildNumber, OrderNumber};

use super::model::UnitLabel;
use super::queries;
use crate::error::AppError;
use crate::orders::lock::lock_order;

pub async fn record_plate(
    conn: &mut PgConnection,
    build: &BuildNumber,
    plate: &PlateNumber,
) -> Result<(), AppError> {
    let head = queries::head(conn, build).await?;
    let order_number = OrderNumber::parse(&head.order_number).map_err(|_| AppError::Internal)?;
    let order = lock_order(conn, &order_number).await?;
    if head.unit_serials != SerialScheme::SerialPlate {
        return Err(AppError::invalid(
            "serial_plate",
            "This order numbers its units by their build numbers: there is no plate to record.",
        ));
    }
    if torvan::order_lifecycle::build_records_frozen(order.status) {
        return Err(AppError::invalid(
            "serial_plate",
            "The order has shipped: its units' serial numbers can no longer change.",
        ));
    }
    let taken = |holder: String| {
        AppError::invalid(
            "serial_plate",
            format!(
                "Plate {} is already recorded on unit {holder}.",
                plate.as_str()
            ),
        )
    };
    let holder = sqlx::query_scalar!(
        "SELECT build_number FROM orders.sink_builds WHERE serial_plate = $1 AND id <> $2",
        plate.as_str(),
        head.id,
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(holder) = holder {
        return Err(taken(holder));
    }
    sqlx::query!(
        "UPDATE orders.sink_builds
         SET serial_plate = $2, serial_plate_recorded_at = now(),
             serial_plate_recorded_by = NULLIF(current_setting('app.current_user_id', true), '')::uuid
         WHERE id = $1",
        head.id,
        plate.as_str(),
    )
    .execute(&mut *conn)
    .await
    .map_err(|error| {
        AppError::from_constraint(error, |constraint| {
            // Another unit took the plate meanwhile.
            (constraint == "sink_build_serial_plate_once").then(|| taken("another unit".into()))
        })
    })?;
    Ok(())
}

/// What the unit's label shows.
pub async fn label(conn: &mut PgConnection, build: &BuildNumber) -> Result<UnitLabel, AppError> {
    let head = queries::head(conn, build).await?;
    let row = sqlx::query!(
        r#"SELECT f.name AS product, cu.company_name AS customer,
                  (SELECT max(t.completed_at) FROM workflow.tasks t WHERE t.build_id = $2) AS made
           FROM orders.order_sink_configurations c
           JOIN products.sink_families f ON f.id = c.sink_family_id
           JOIN orders.orders o ON o.id = c.order_id
           JOIN public.customers cu ON cu.id = o.customer_id
           WHERE c.id = $1"#,
        head.configuration_id,
        head.id,
    )
    .fetch_one(&mut *conn)
    .await?;
    let code = LabelCode::Build(build.clone());
    Ok(UnitLabel {
        qr_svg: crate::scan::qr::svg(&code)?,
        serial_number: head.serial_number(),
        build_number: head.build_number,
        product: row.product,
        order_number: head.order_number,
        customer: row.customer,
        made_on: row.made.map(|at| at.format("%Y-%m").to_string()),
    })
}
