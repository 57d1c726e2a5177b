//! Reading one order for its page: the header, its sinks or line items,
//! the status timeline, and what the caller may do next. Each status and
//! type is parsed here, so the page compares enums.

use chrono::NaiveDate;
use sqlx::PgConnection;
use torvan::order_draft::{HeaderDraft, OrderType};
use torvan::order_lifecycle::{Direction, build_records_frozen, moves_for};
use torvan::sink::ConfigurationStatus;
use torvan::unit_serial::SerialScheme;
use torvan::{BuildNumber, DbEnum, OrderNumber, OrderPriority, OrderStatus, Role};

use super::model::{OfferedMove, OrderDetail, SinkLine, StatusChange};
use crate::error::AppError;
use crate::money::money;
use crate::orders::build_state::BuildState;

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub async fn detail(
    conn: &mut PgConnection,
    order_number: &OrderNumber,
    role: Role,
) -> Result<OrderDetail, AppError> {
    let header = sqlx::query!(
        r#"SELECT o.id, o.order_number,
                  c.company_name || ' (' || c.customer_number || ')' AS "customer!",
                  c.customer_number, o.ship_to_address_id,
                  concat_ws(', ', nullif(a.label, ''), a.street_address_1, nullif(a.street_address_2, ''),
                            a.city, a.state_province, a.postal_code, a.country) AS ship_to,
                  o.contact_id,
                  concat_ws(' · ', p.first_name || ' ' || p.last_name, nullif(p.email, ''),
                            nullif(p.phone, '')) AS contact,
                  o.customer_po_number,
                  coalesce(o.order_type, 'PRODUCTION')::text AS "order_type!",
                  o.status::text AS "status!", o.priority::text AS "priority!", o.order_date,
                  o.requested_ship_date, o.promised_ship_date, o.special_instructions,
                  o.total_amount, o.version, o.unit_serials
           FROM orders.orders o JOIN public.customers c ON c.id = o.customer_id
           LEFT JOIN public.customer_addresses a ON a.id = o.ship_to_address_id
           LEFT JOIN public.customer_contacts p ON p.id = o.contact_id
           WHERE o.order_number = $1"#,
        order_number.as_str(),
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;

    let sinks = sqlx::query!(
        r#"SELECT c.build_number, f.name AS family, c.quantity,
                  coalesce(c.configuration_status, 'DRAFT') AS "status!", c.configuration_price
           FROM orders.order_sink_configurations c
           JOIN products.sink_families f ON f.id = c.sink_family_id
           WHERE c.order_id = $1 ORDER BY c.build_number"#,
        header.id,
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|sink| {
        Ok(SinkLine {
            build_number: BuildNumber::parse(&sink.build_number)?,
            family: sink.family,
            quantity: sink.quantity,
            status: ConfigurationStatus::parse(&sink.status)?,
            price: sink.configuration_price.map(money),
        })
    })
    .collect::<Result<_, AppError>>()?;

    let timeline = sqlx::query!(
        r#"SELECT coalesce(h.changed_at, now()) AS "at!", h.from_status::text AS from_status,
                  h.to_status::text AS "to_status!",
                  u.first_name || ' ' || u.last_name AS "by!", h.change_reason
           FROM orders.order_status_history h JOIN auth.users u ON u.id = h.changed_by
           WHERE h.order_id = $1 ORDER BY h.changed_at, h.id"#,
        header.id,
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|change| {
        Ok(StatusChange {
            at: torvan::text::minute_utc(change.at),
            from: change
                .from_status
                .as_deref()
                .map(OrderStatus::parse)
                .transpose()?,
            to: OrderStatus::parse(&change.to_status)?,
            by: change.by,
            reason: change.change_reason,
        })
    })
    .collect::<Result<_, AppError>>()?;

    let status = OrderStatus::parse(&header.status)?;
    let order_type = OrderType::parse(&header.order_type)?;
    let priority = OrderPriority::parse(&header.priority)?;
    let builds_sinks = order_type.builds_sinks();
    let pending = status == OrderStatus::Pending;
    // Only the move into production lists them, so other pages skip the read.
    let shortages = if builds_sinks && pending {
        BuildState::read(conn, header.id).await?.shortages()
    } else {
        Vec::new()
    };
    let sink_families = if builds_sinks && pending {
        crate::orders::sinks::queries::family_names(conn).await?
    } else {
        Vec::new()
    };
    let lines = if builds_sinks {
        None
    } else {
        Some(crate::orders::lines::queries::lines(conn, header.id, pending).await?)
    };
    let editable = if build_records_frozen(status) {
        None
    } else {
        let draft = HeaderDraft {
            customer_po_number: header.customer_po_number.clone().unwrap_or_default(),
            priority: priority.as_db_str().to_owned(),
            requested_ship_date: header.requested_ship_date.map(day).unwrap_or_default(),
            promised_ship_date: header.promised_ship_date.map(day).unwrap_or_default(),
            special_instructions: header.special_instructions.clone().unwrap_or_default(),
            ship_to_address_id: header
                .ship_to_address_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            contact_id: header
                .contact_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            unit_serials: header.unit_serials.clone(),
        };
        let choices =
            crate::orders::header::queries::choices_of(conn, &header.customer_number).await?;
        Some((draft, choices))
    };
    let order_number = OrderNumber::parse(&header.order_number)?;
    let signatures = super::signed::shown(conn, header.id, &order_number).await?;
    Ok(OrderDetail {
        order_number,
        customer: header.customer,
        ship_to: header.ship_to.filter(|line| !line.is_empty()),
        contact: header.contact.filter(|line| !line.is_empty()),
        header: editable,
        customer_po_number: header.customer_po_number,
        order_type,
        status,
        priority,
        order_date: day(header.order_date),
        requested_ship_date: header.requested_ship_date.map(day),
        promised_ship_date: header.promised_ship_date.map(day),
        special_instructions: header.special_instructions,
        unit_serials: SerialScheme::parse(&header.unit_serials)?,
        total: header.total_amount.map(money),
        version: header.version,
        sinks,
        sink_families,
        lines,
        timeline,
        moves: moves_for(role, status)
            .map(|offered| OfferedMove {
                to: offered.to,
                back: offered.direction == Direction::Back,
            })
            .collect(),
        shortages,
        signatures,
    })
}
