//! Configuration writes, each in one transaction with its audit rows and the
//! order's new totals. The order row is locked first, so two people working
//! on one order take turns and build numbers never collide.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::order_draft::OrderType;
use torvan::sink::{ConfigurationStatus, FamilyOptions, SinkChoices, check, draft_check, quote};
use uuid::Uuid;

use super::api::Saved;
use super::columns::{to_choices, to_columns};
use super::queries::{ConfigRow, Target, config, family};
use crate::auth::guard::SessionUser;
use crate::error::AppError;
use crate::orders::totals;

fn open_for_sinks(order_status: &str, order_type: &str) -> Result<(), AppError> {
    if !OrderType::parse(order_type)?.builds_sinks() {
        return Err(AppError::invalid(
            "family",
            "Service and warranty orders have line items, not sinks.",
        ));
    }
    if order_status != "PENDING" {
        return Err(AppError::invalid(
            "status",
            "Sinks can change only while the order is pending.",
        ));
    }
    Ok(())
}

async fn insert(
    conn: &mut PgConnection,
    session: &SessionUser,
    order: (Uuid, &str),
    family: &FamilyOptions,
    choices: &SinkChoices,
) -> Result<String, AppError> {
    let (order_id, order_number) = order;
    let columns = to_columns(choices);
    let prefix = order_number.strip_prefix("ORD-").unwrap_or(order_number);
    let insert = sqlx::query_scalar(
        "INSERT INTO orders.order_sink_configurations
             (order_id, build_number, sink_family_id, quantity, body_material, body_finish,
              body_dimensions, mounting_type, basin_configuration, pegboard_config, leg_config,
              additional_components, configuration_price, configuration_status, created_by)
         SELECT $1, 'TB-' || $2 || '-' || lpad((coalesce(max(
                    substring(c.build_number from '-(\\d+)$')::int), 0) + 1)::text, 2, '0'),
                f.id, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'DRAFT', $14
         FROM products.sink_families f
         LEFT JOIN orders.order_sink_configurations c ON c.order_id = $1
         WHERE f.code = $3
         GROUP BY f.id
         RETURNING build_number",
    )
    .bind(order_id)
    .bind(prefix)
    .bind(&family.code);
    let build_number = columns
        .bind(insert)
        .bind(quote(choices, family).unit_price)
        .bind(session.user.id)
        .fetch_one(&mut *conn)
        .await?;
    totals::refresh(conn, order_id).await?;
    Ok(build_number)
}

pub async fn add(
    pool: &sqlx::PgPool,
    session: &SessionUser,
    order_number: &str,
    family_code: &str,
) -> Result<String, AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let (order_id, status, order_type): (Uuid, String, String) = sqlx::query_as(
        "SELECT id, status::text, coalesce(order_type, 'PRODUCTION')::text
         FROM orders.orders WHERE order_number = $1 FOR UPDATE",
    )
    .bind(order_number)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    open_for_sinks(&status, &order_type)?;
    let family = family(&mut tx, family_code).await?;
    let choices = SinkChoices::defaults_for(&family);
    let build = insert(
        &mut tx,
        session,
        (order_id, order_number),
        &family,
        &choices,
    )
    .await?;
    tx.commit().await?;
    Ok(build)
}

async fn editable(conn: &mut PgConnection, target: &Target<'_>) -> Result<ConfigRow, AppError> {
    let row = config(conn, target, true).await?;
    open_for_sinks(&row.order_status, &row.order_type)?;
    Ok(row)
}

/// Saves `choices` as a draft, or as validated when `validate` and every
/// rule holds. Unreadable numbers are refused even for a draft.
pub async fn save(
    pool: &sqlx::PgPool,
    session: &SessionUser,
    (target, version): (Target<'_>, i64),
    choices: &SinkChoices,
    validate: bool,
) -> Result<Saved, AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let row = editable(&mut tx, &target).await?;
    if row.version != version {
        return Err(AppError::Conflict);
    }
    let status = ConfigurationStatus::parse(&row.status)?;
    if !status.editable() {
        return Err(AppError::invalid(
            "status",
            "An approved configuration cannot change: duplicate it to make a variant.",
        ));
    }
    let family = family(&mut tx, &choices.family).await?;
    let problems = draft_check(choices, &family);
    if !problems.is_empty() {
        return Err(problems.into());
    }
    if validate {
        let problems = check(choices, &family);
        if !problems.is_empty() {
            return Err(problems.into());
        }
    }
    let unchanged = status == ConfigurationStatus::Draft
        && row.family == choices.family
        && to_choices(row.family.clone(), &row.columns) == *choices;
    if unchanged && !validate {
        return Ok(Saved {
            status,
            version: row.version,
        });
    }
    let to = if validate {
        ConfigurationStatus::Validated
    } else {
        ConfigurationStatus::Draft
    };
    let columns = to_columns(choices);
    let update = sqlx::query_scalar(
        "UPDATE orders.order_sink_configurations SET
             sink_family_id = (SELECT id FROM products.sink_families WHERE code = $2),
             quantity = $3, body_material = $4, body_finish = $5, body_dimensions = $6,
             mounting_type = $7, basin_configuration = $8, pegboard_config = $9, leg_config = $10,
             additional_components = $11, configuration_price = $12, configuration_status = $13,
             validated_at = CASE WHEN $14 THEN now() END,
             validated_by = CASE WHEN $14 THEN $15::uuid END,
             validation_notes = CASE WHEN $14 THEN 'Every configuration rule holds.' END
         WHERE id = $1
         RETURNING (extract(epoch FROM updated_at) * 1000000)::bigint",
    )
    .bind(row.id)
    .bind(&family.code);
    let version = columns
        .bind(update)
        .bind(quote(choices, &family).unit_price)
        .bind(to.as_db_str())
        .bind(validate)
        .bind(session.user.id)
        .fetch_one(&mut *tx)
        .await?;
    totals::refresh(&mut tx, row.order_id).await?;
    tx.commit().await?;
    Ok(Saved {
        status: to,
        version,
    })
}

/// Approves a validated configuration after checking it against today's
/// catalogue, and numbers each of its sinks.
pub async fn approve(
    pool: &sqlx::PgPool,
    session: &SessionUser,
    target: Target<'_>,
) -> Result<(), AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let row = editable(&mut tx, &target).await?;
    if ConfigurationStatus::parse(&row.status)? != ConfigurationStatus::Validated {
        return Err(AppError::invalid(
            "status",
            "Only a validated configuration can be approved: validate it first.",
        ));
    }
    let family = family(&mut tx, &row.family).await?;
    let choices = to_choices(row.family.clone(), &row.columns);
    let problems = check(&choices, &family);
    if !problems.is_empty() {
        return Err(problems.into());
    }
    sqlx::query(
        "UPDATE orders.order_sink_configurations
         SET configuration_status = 'APPROVED', approved_at = now(), approved_by = $2
         WHERE id = $1",
    )
    .bind(row.id)
    .bind(session.user.id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO orders.sink_builds (configuration_id, unit_number, build_number)
         SELECT $1, unit, $2 || '-' || unit FROM generate_series(1, $3) AS unit",
    )
    .bind(row.id)
    .bind(target.build_number)
    .bind(row.columns.quantity)
    .execute(&mut *tx)
    .await?;
    // Approval and its first BOM stand or fall together: a configuration no
    // template can build is not approved.
    let request = crate::boms::generate::Request {
        order_id: row.order_id,
        configuration_id: row.id,
        family: &family,
        choices: &choices,
        reason: "Configuration approved",
    };
    crate::boms::generate::generate(&mut tx, session.user.id, request).await?;
    tx.commit().await?;
    Ok(())
}

/// Copies a configuration, approved or not, into a new draft on its order.
pub async fn duplicate(
    pool: &sqlx::PgPool,
    session: &SessionUser,
    target: Target<'_>,
) -> Result<String, AppError> {
    let mut tx = crate::db::begin_as(pool, session).await?;
    let row = editable(&mut tx, &target).await?;
    let family = family(&mut tx, &row.family).await?;
    let choices = to_choices(row.family.clone(), &row.columns);
    let build = insert(
        &mut tx,
        session,
        (row.order_id, target.order_number),
        &family,
        &choices,
    )
    .await?;
    tx.commit().await?;
    Ok(build)
}
