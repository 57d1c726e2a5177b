//! Configuration writes, each in the caller's transaction with its audit rows
//! and the order's new totals. The order row is locked first
//! (`lock_open_order`), so two people working on one order take turns,
//! build numbers never collide, and sinks change only on a pending
//! production or sample order.

use sqlx::PgConnection;
use torvan::order_lifecycle::Work;
use torvan::sink::{ConfigurationStatus, FamilyOptions, SinkChoices, check, draft_check, quote};
use torvan::{BuildNumber, DbEnum, OrderNumber};
use uuid::Uuid;

use super::columns::{to_choices, to_columns};
use super::model::Saved;
use super::queries::{ConfigRow, Target, config, family};
use crate::auth::guard::SessionUser;
use crate::error::AppError;
use crate::orders::lock::lock_open_order;
use crate::orders::totals;

/// A new draft configuration of `family` on the order, numbered after the
/// order's highest build: `TB-<order's stem>-NN`.
async fn insert(
    conn: &mut PgConnection,
    session: &SessionUser,
    (order_id, order_number): (Uuid, &OrderNumber),
    family: &FamilyOptions,
    choices: &SinkChoices,
) -> Result<BuildNumber, AppError> {
    let columns = to_columns(choices);
    let build_number = sqlx::query_scalar!(
        r#"INSERT INTO orders.order_sink_configurations
               (order_id, build_number, sink_family_id, quantity, body_material, body_finish,
                body_dimensions, mounting_type, basin_configuration, pegboard_config, leg_config,
                additional_components, configuration_price, configuration_status, created_by)
           SELECT $1, 'TB-' || $2::text || '-' || lpad((coalesce(max(
                      substring(c.build_number from '-(\d+)$')::int), 0) + 1)::text, 2, '0'),
                  f.id, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'DRAFT', $14
           FROM products.sink_families f
           LEFT JOIN orders.order_sink_configurations c ON c.order_id = $1
           WHERE f.code = $3
           GROUP BY f.id
           RETURNING build_number"#,
        order_id,
        order_number.build_stem(),
        family.code,
        columns.quantity,
        columns.body_material,
        columns.body_finish,
        columns.body_dimensions,
        columns.mounting_type,
        columns.basin_configuration,
        columns.pegboard_config,
        columns.leg_config,
        columns.additional_components,
        quote(choices, family).unit_price,
        session.user.id,
    )
    .fetch_one(&mut *conn)
    .await?;
    totals::refresh(conn, order_id).await?;
    Ok(BuildNumber::parse(&build_number)?)
}

pub async fn add(
    conn: &mut PgConnection,
    session: &SessionUser,
    order_number: &OrderNumber,
    family_code: &str,
) -> Result<BuildNumber, AppError> {
    let order = lock_open_order(conn, order_number, Work::Sinks).await?;
    let family = family(conn, family_code).await?;
    let choices = SinkChoices::defaults_for(&family);
    insert(conn, session, (order.id, order_number), &family, &choices).await
}

/// The configuration, its order locked and open for sinks.
async fn editable(conn: &mut PgConnection, target: &Target) -> Result<ConfigRow, AppError> {
    lock_open_order(conn, &target.order_number, Work::Sinks).await?;
    config(conn, target, false).await
}

/// Saves `choices` as a draft, or as validated when `validate` and every
/// rule holds; `version` is what the page showed. Unreadable numbers are
/// refused even for a draft.
pub async fn save(
    conn: &mut PgConnection,
    session: &SessionUser,
    (target, version): (&Target, i32),
    choices: &SinkChoices,
    validate: bool,
) -> Result<Saved, AppError> {
    let row = editable(conn, target).await?;
    if row.version != version {
        return Err(AppError::Conflict);
    }
    if !row.status.editable() {
        return Err(AppError::invalid(
            "status",
            "An approved configuration cannot change: duplicate it to make a variant.",
        ));
    }
    let family = family(conn, &choices.family).await?;
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
    let unchanged = row.status == ConfigurationStatus::Draft
        && row.family == choices.family
        && to_choices(row.family.clone(), &row.columns) == *choices;
    if unchanged && !validate {
        return Ok(Saved {
            status: row.status,
            version: row.version,
        });
    }
    let to = if validate {
        ConfigurationStatus::Validated
    } else {
        ConfigurationStatus::Draft
    };
    let columns = to_columns(choices);
    let version = sqlx::query_scalar!(
        "UPDATE orders.order_sink_configurations SET
             sink_family_id = (SELECT id FROM products.sink_families WHERE code = $3),
             quantity = $4, body_material = $5, body_finish = $6, body_dimensions = $7,
             mounting_type = $8, basin_configuration = $9, pegboard_config = $10, leg_config = $11,
             additional_components = $12, configuration_price = $13, configuration_status = $14,
             validated_at = CASE WHEN $15 THEN now() END,
             validated_by = CASE WHEN $15 THEN $16::uuid END,
             validation_notes = CASE WHEN $15 THEN 'Every configuration rule holds.' END,
             version = version + 1
         WHERE id = $1 AND version = $2
         RETURNING version",
        row.id,
        version,
        family.code,
        columns.quantity,
        columns.body_material,
        columns.body_finish,
        columns.body_dimensions,
        columns.mounting_type,
        columns.basin_configuration,
        columns.pegboard_config,
        columns.leg_config,
        columns.additional_components,
        quote(choices, &family).unit_price,
        to.as_db_str(),
        validate,
        session.user.id,
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::Conflict)?;
    totals::refresh(conn, row.order_id).await?;
    Ok(Saved {
        status: to,
        version,
    })
}

/// Approves a validated configuration under `session`'s signature, after
/// checking it against today's catalogue and separation of duties; numbers
/// each of its sinks and generates its first BOM.
pub async fn approve(
    conn: &mut PgConnection,
    session: &SessionUser,
    target: &Target,
) -> Result<(), AppError> {
    let row = editable(conn, target).await?;
    if row.status != ConfigurationStatus::Validated {
        return Err(AppError::invalid(
            "status",
            "Only a validated configuration can be approved: validate it first.",
        ));
    }
    let family = family(conn, &row.family).await?;
    let choices = to_choices(row.family.clone(), &row.columns);
    let problems = check(&choices, &family);
    if !problems.is_empty() {
        return Err(problems.into());
    }
    let duties = super::signed::duties(conn, &row, session.user.id).await?;
    let version = sqlx::query_scalar!(
        "UPDATE orders.order_sink_configurations
         SET configuration_status = 'APPROVED', approved_at = now(), approved_by = $2,
             version = version + 1
         WHERE id = $1
         RETURNING version",
        row.id,
        session.user.id,
    )
    .fetch_one(&mut *conn)
    .await?;
    super::signed::sign_approval(conn, session.user.id, (target, &row, version), duties).await?;
    sqlx::query!(
        "INSERT INTO orders.sink_builds (configuration_id, unit_number, build_number)
         SELECT $1, unit, $2::text || '-' || unit FROM generate_series(1, $3) AS unit",
        row.id,
        target.build_number.as_str(),
        row.columns.quantity,
    )
    .execute(&mut *conn)
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
    crate::boms::generate::generate(conn, session.user.id, request).await?;
    Ok(())
}

/// Copies a configuration, approved or not, into a new draft on its order.
pub async fn duplicate(
    conn: &mut PgConnection,
    session: &SessionUser,
    target: &Target,
) -> Result<BuildNumber, AppError> {
    let row = editable(conn, target).await?;
    let family = family(conn, &row.family).await?;
    let choices = to_choices(row.family.clone(), &row.columns);
    insert(
        conn,
        session,
        (row.order_id, &target.order_number),
        &family,
        &choices,
    )
    .await
}
