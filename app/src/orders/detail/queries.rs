use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;
use torvan::order_draft::{HeaderDraft, OrderType};
use torvan::order_lifecycle::{Direction, moves_for};
use torvan::sink::ConfigurationStatus;
use torvan::{DbEnum, OrderPriority, OrderStatus, Role};

use super::api::{OfferedMove, OrderDetail, SinkLine, StatusChange};
use crate::error::AppError;
use crate::money::money;

#[derive(sqlx::FromRow)]
struct HeaderRow {
    id: uuid::Uuid,
    order_number: String,
    customer: String,
    customer_number: String,
    ship_to_address_id: Option<uuid::Uuid>,
    ship_to: Option<String>,
    contact_id: Option<uuid::Uuid>,
    contact: Option<String>,
    customer_po_number: Option<String>,
    order_type: String,
    status: String,
    priority: String,
    order_date: NaiveDate,
    requested_ship_date: Option<NaiveDate>,
    promised_ship_date: Option<NaiveDate>,
    special_instructions: Option<String>,
    total_amount: Option<Decimal>,
    version: i32,
}

/// When, from, to, by whom, why.
type HistoryRow = (
    DateTime<Utc>,
    Option<String>,
    String,
    String,
    Option<String>,
);

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub async fn detail(
    pool: &PgPool,
    order_number: &str,
    role: Role,
) -> Result<OrderDetail, AppError> {
    let header: HeaderRow = sqlx::query_as(
        "SELECT o.id, o.order_number, c.company_name || ' (' || c.customer_number || ')' AS customer,
                c.customer_number, o.ship_to_address_id,
                concat_ws(', ', nullif(a.label, ''), a.street_address_1, nullif(a.street_address_2, ''),
                          a.city, a.state_province, a.postal_code, a.country) AS ship_to,
                o.contact_id,
                concat_ws(' · ', p.first_name || ' ' || p.last_name, nullif(p.email, ''),
                          nullif(p.phone, '')) AS contact,
                o.customer_po_number, coalesce(o.order_type, 'PRODUCTION')::text AS order_type,
                o.status::text AS status, o.priority::text AS priority, o.order_date,
                o.requested_ship_date, o.promised_ship_date, o.special_instructions,
                o.total_amount, o.version
         FROM orders.orders o JOIN public.customers c ON c.id = o.customer_id
         LEFT JOIN public.customer_addresses a ON a.id = o.ship_to_address_id
         LEFT JOIN public.customer_contacts p ON p.id = o.contact_id
         WHERE o.order_number = $1",
    )
    .bind(order_number)
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;

    let sinks: Vec<(String, String, i32, String, Option<Decimal>)> = sqlx::query_as(
        "SELECT c.build_number, f.name, c.quantity, coalesce(c.configuration_status, 'DRAFT'),
                c.configuration_price
         FROM orders.order_sink_configurations c
         JOIN products.sink_families f ON f.id = c.sink_family_id
         WHERE c.order_id = $1 ORDER BY c.build_number",
    )
    .bind(header.id)
    .fetch_all(pool)
    .await?;

    let history: Vec<HistoryRow> = sqlx::query_as(
        "SELECT coalesce(h.changed_at, now()), h.from_status::text, h.to_status::text,
                u.first_name || ' ' || u.last_name, h.change_reason
         FROM orders.order_status_history h JOIN auth.users u ON u.id = h.changed_by
         WHERE h.order_id = $1 ORDER BY h.changed_at, h.id",
    )
    .bind(header.id)
    .fetch_all(pool)
    .await?;

    let status = OrderStatus::parse(&header.status)?;
    let timeline = history
        .into_iter()
        .map(|(at, from, to, by, reason)| {
            Ok(StatusChange {
                at: at.format("%Y-%m-%d %H:%M UTC").to_string(),
                from: from.as_deref().map(OrderStatus::parse).transpose()?,
                to: OrderStatus::parse(&to)?,
                by,
                reason,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let order_type = OrderType::parse(&header.order_type)?;
    let builds_sinks = order_type.builds_sinks();
    let sinks_open = status == OrderStatus::Pending && builds_sinks;
    let mut conn = pool.acquire().await?;
    // Only the move into production lists them, so other pages skip the read.
    let shortages = if builds_sinks && status == OrderStatus::Pending {
        crate::orders::build_state::BuildState::read(&mut conn, header.id)
            .await?
            .shortages()
    } else {
        Vec::new()
    };
    let sink_families = if sinks_open {
        crate::orders::sinks::queries::family_names(&mut conn).await?
    } else {
        Vec::new()
    };
    let lines = if builds_sinks {
        None
    } else {
        let open = status == OrderStatus::Pending;
        Some(crate::orders::lines::queries::lines(&mut conn, header.id, open).await?)
    };
    let priority = OrderPriority::parse(&header.priority)?;
    let editable = (!torvan::order_lifecycle::build_records_frozen(status)).then(|| HeaderDraft {
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
    });
    let editable = match editable {
        Some(draft) => {
            let choices =
                crate::orders::header::save::choices_of(&mut conn, &header.customer_number).await?;
            Some((draft, choices))
        }
        None => None,
    };
    Ok(OrderDetail {
        order_number: header.order_number,
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
        total: header.total_amount.map(money),
        version: header.version,
        sink_families,
        lines,
        sinks: sinks
            .into_iter()
            .map(|(build_number, family, quantity, status, price)| {
                Ok(SinkLine {
                    build_number,
                    family,
                    quantity,
                    status: ConfigurationStatus::parse(&status)?.label().to_owned(),
                    price: price.map(money),
                })
            })
            .collect::<Result<_, AppError>>()?,
        timeline,
        moves: moves_for(role, status)
            .map(|offered| OfferedMove {
                to: offered.to,
                back: offered.direction == Direction::Back,
            })
            .collect(),
        shortages,
    })
}
