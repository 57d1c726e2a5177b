//! BOMs for the demo data, brought to where their orders stand: the seed's
//! approved configurations get the version their approval would have
//! generated; an order in production has it approved with what the shelf
//! could allocate; an order past production has it approved and issued in
//! full, what it consumed received for it first, so the shelf's demo figures
//! stay as the seed sets them and every demo order can move on. Approvals
//! are signed by another person than the generator, as separation of duties
//! asks. All of it is written in the seed's own transaction.

use sqlx::PgConnection;
use torvan::stock::{Movement, Quantity};
use torvan::{DbEnum, OrderStatus};
use uuid::Uuid;

use super::approve::{allocate, mark_approved};
use super::generate::for_configuration;
use super::signed::sign_approval;
use super::stock::{REFERENCE_KIND, Settlement, settle, stock_error};
use crate::error::AppError;
use crate::inventory::stock::{AllocationMode, Reference, Trace, apply};
use crate::orders::sinks::queries::{Target, config};
use crate::orders::sinks::signed as sinks_signed;

/// Who signs what in the demo, two people (separation of duties): the
/// seed's configurations were validated by the coordinator and approved by
/// `configuration_approver`, whose approval generates each first BOM;
/// `bom_approver` approves those BOMs the orders' statuses need approved.
#[derive(Clone, Copy)]
pub struct DemoPeople {
    pub configuration_approver: Uuid,
    pub bom_approver: Uuid,
}

/// Signs the approval of every approved configuration that has no BOM yet,
/// generates its first version, and settles it as its order's status says;
/// returns how many it wrote.
pub async fn generate_missing(
    conn: &mut PgConnection,
    people: DemoPeople,
) -> Result<usize, AppError> {
    let missing = sqlx::query!(
        r#"SELECT o.order_number, c.build_number, o.status::text AS "status!"
           FROM orders.order_sink_configurations c
           JOIN orders.orders o ON o.id = c.order_id
           WHERE c.configuration_status IN ('APPROVED', 'IN_PRODUCTION')
             AND NOT EXISTS (SELECT 1 FROM orders.boms b WHERE b.configuration_id = c.id)
           ORDER BY o.order_number, c.build_number"#
    )
    .fetch_all(&mut *conn)
    .await?;
    for build in &missing {
        let target = Target::parse(&build.order_number, &build.build_number)?;
        let row = config(conn, &target, false).await?;
        let signer = people.configuration_approver;
        let duties = sinks_signed::duties(conn, &row, signer).await?;
        sinks_signed::sign_approval(conn, signer, (&target, &row, row.version), duties).await?;
        for_configuration(conn, signer, &row, "Configuration approved").await?;
        let bom_id = sqlx::query_scalar!(
            "SELECT id FROM orders.boms WHERE configuration_id = $1 ORDER BY version DESC LIMIT 1",
            row.id
        )
        .fetch_one(&mut *conn)
        .await?;
        let order = OrderStatus::parse(&build.status)?;
        settle_as(conn, people.bom_approver, bom_id, order).await?;
    }
    Ok(missing.len())
}

async fn settle_as(
    conn: &mut PgConnection,
    user_id: Uuid,
    bom_id: Uuid,
    order: OrderStatus,
) -> Result<(), AppError> {
    if order == OrderStatus::Pending {
        return Ok(());
    }
    sign_approval(conn, user_id, bom_id).await?;
    mark_approved(conn, user_id, bom_id).await?;
    if order == OrderStatus::InProduction {
        allocate(conn, user_id, bom_id, AllocationMode::WhatIsAvailable).await?;
        return Ok(());
    }
    let needs = sqlx::query!(
        r#"SELECT part_id AS "part_id!", needed AS "needed!"
           FROM orders.bom_part_standing WHERE bom_id = $1"#,
        bom_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let id = bom_id.to_string();
    let reference = Reference {
        kind: REFERENCE_KIND,
        id: &id,
    };
    for need in needs {
        let Ok(units) = Quantity::new(need.needed) else {
            continue;
        };
        let reason = Some("Demo data: received for this build");
        apply(
            conn,
            need.part_id,
            Movement::Receive(units),
            Trace::default(),
            Some(reference),
            reason,
            Some(user_id),
        )
        .await
        .map_err(stock_error)?;
    }
    allocate(conn, user_id, bom_id, AllocationMode::AllOrNothing).await?;
    settle(conn, user_id, bom_id, Settlement::Issue).await?;
    Ok(())
}
