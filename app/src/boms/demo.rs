//! BOMs for the demo data, brought to where their orders stand: the seed's
//! approved configurations get the version their approval would have
//! generated; an order in production has it approved with what the shelf
//! could allocate; an order past production has it approved and issued in
//! full, what it consumed received for it first, so the shelf's demo figures
//! stay as the seed sets them and every demo order can move on.

use sqlx::{Postgres, Transaction};
use torvan::stock::{Movement, Quantity};
use torvan::{DbEnum, OrderStatus};
use uuid::Uuid;

use super::approve::allocate;
use super::generate::for_configuration;
use super::stock::{REFERENCE_KIND, settle, stock_error};
use crate::error::AppError;
use crate::inventory::stock::{AllocationMode, Reference, apply};
use crate::orders::sinks::queries::{Target, config};

/// Generates a first version for every approved configuration that has
/// none, and settles it as its order's status says; returns how many it
/// wrote.
pub async fn generate_missing(
    tx: &mut Transaction<'_, Postgres>,
    user_id: Uuid,
) -> Result<usize, AppError> {
    let missing: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT o.order_number, c.build_number, o.status::text FROM orders.order_sink_configurations c
         JOIN orders.orders o ON o.id = c.order_id
         WHERE c.configuration_status IN ('APPROVED', 'IN_PRODUCTION')
           AND NOT EXISTS (SELECT 1 FROM orders.boms b WHERE b.configuration_id = c.id)
         ORDER BY o.order_number, c.build_number",
    )
    .fetch_all(&mut **tx)
    .await?;
    for (order_number, build_number, status) in &missing {
        let target = Target::parse(order_number, build_number)?;
        let row = config(tx, &target, false).await?;
        for_configuration(tx, user_id, &row, "Configuration approved").await?;
        let bom_id: Uuid = sqlx::query_scalar(
            "SELECT id FROM orders.boms WHERE configuration_id = $1 ORDER BY version DESC LIMIT 1",
        )
        .bind(row.id)
        .fetch_one(&mut **tx)
        .await?;
        settle_as(tx, user_id, bom_id, OrderStatus::parse(status)?).await?;
    }
    Ok(missing.len())
}

async fn settle_as(
    tx: &mut Transaction<'_, Postgres>,
    user_id: Uuid,
    bom_id: Uuid,
    order: OrderStatus,
) -> Result<(), AppError> {
    if order == OrderStatus::Pending {
        return Ok(());
    }
    sqlx::query(
        "UPDATE orders.boms SET status = 'APPROVED', is_active = TRUE, approved_at = now(),
                approved_by = $2
         WHERE id = $1",
    )
    .bind(bom_id)
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    if order == OrderStatus::InProduction {
        allocate(tx, user_id, bom_id, AllocationMode::WhatIsAvailable).await?;
        return Ok(());
    }
    let needs: Vec<(Uuid, i32)> =
        sqlx::query_as("SELECT part_id, needed FROM orders.bom_part_standing WHERE bom_id = $1")
            .bind(bom_id)
            .fetch_all(&mut **tx)
            .await?;
    let id = bom_id.to_string();
    let reference = Reference {
        kind: REFERENCE_KIND,
        id: &id,
    };
    for (part, needed) in needs {
        let Ok(units) = Quantity::new(needed) else {
            continue;
        };
        let reason = Some("Demo data: received for this build");
        apply(
            tx,
            part,
            Movement::Receive(units),
            Some(reference),
            reason,
            Some(user_id),
        )
        .await
        .map_err(stock_error)?;
    }
    allocate(tx, user_id, bom_id, AllocationMode::AllOrNothing).await?;
    settle(tx, user_id, bom_id, Movement::Issue).await?;
    Ok(())
}
