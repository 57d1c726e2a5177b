//! BOMs for the demo data, brought to where their orders stand: the seed's
//! approved configurations get the version their approval would have
//! generated; an order in production has it approved with what the shelf
//! could allocate; an order past production has it approved and issued in
//! full, what it consumed received for it first, so the shelf's demo figures
//! stay as the seed sets them and every demo order can move on. Approvals
//! are signed by another person than the generator, as separation of duties
//! asks. All of it is written in the seed's own transaction.

use sqlx::PgConnection;
use torvan::lots::{IssueChoice, LotNumber, SerialNumber, TrackedReceipt, Tracking};
use torvan::stock::Quantity;
use torvan::{DbEnum, OrderStatus};
use uuid::Uuid;

use super::approve::{allocate, mark_approved};
use super::generate::for_configuration;
use super::signed::sign_approval;
use super::stock::{REFERENCE_KIND, Settlement, settle, stock_error};
use crate::error::AppError;
use crate::inventory::lots::movements::{self, Destination};
use crate::inventory::stock::{AllocationMode, Reference};
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
    // A lot-controlled part arrives in a lot named for the build, a
    // serial-controlled one with a serial number per unit: the demo's
    // records show the genealogy a real receipt gives.
    let needs = sqlx::query!(
        r#"SELECT s.part_id AS "part_id!", s.needed AS "needed!", p.part_number,
                  coalesce(p.lot_control, false) AS "lot!",
                  coalesce(p.serial_control, false) AS "serial!", c.build_number
           FROM orders.bom_part_standing s
           JOIN inventory.parts p ON p.id = s.part_id
           JOIN orders.boms b ON b.id = s.bom_id
           JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
           WHERE s.bom_id = $1"#,
        bom_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let id = bom_id.to_string();
    let reference = Reference {
        kind: REFERENCE_KIND,
        id: &id,
    };
    let mut lotted = Vec::new();
    for need in needs {
        let Ok(units) = Quantity::new(need.needed) else {
            continue;
        };
        let tracking = Tracking {
            lot: need.lot,
            serial: need.serial,
        };
        let receipt = demo_receipt(tracking, units, &need.part_number, &need.build_number)?;
        let reason = Some("Demo data: received for this build");
        movements::receive(
            conn,
            need.part_id,
            units,
            &receipt,
            Some(reference),
            reason,
            user_id,
        )
        .await
        .map_err(stock_error)?;
        if let Some(lot) = receipt.lot {
            lotted.push((need.part_id, units, lot));
        }
    }
    allocate(conn, user_id, bom_id, AllocationMode::AllOrNothing).await?;
    // The build takes the lot received for it (the suggestion would take
    // the older stock outside the lots first); the rest as suggested.
    let to_build = Destination {
        reference,
        build_id: None,
        note: None,
        user_id,
    };
    for (part_id, units, lot) in lotted {
        let choice = IssueChoice {
            lot: Some(lot),
            serials: Vec::new(),
        };
        movements::issue(conn, part_id, units, &choice, &to_build)
            .await
            .map_err(stock_error)?;
    }
    settle(conn, user_id, bom_id, Settlement::Issue).await?;
    Ok(())
}

/// The lot and serial numbers a demo receipt of `part` for `build` names.
fn demo_receipt(
    tracking: Tracking,
    units: Quantity,
    part: &str,
    build: &str,
) -> Result<TrackedReceipt, AppError> {
    let lot = tracking
        .lot
        .then(|| demo_number(LotNumber::parse(&format!("L-{build}"))))
        .transpose()?;
    let serials = if tracking.serial {
        (1..=units.get())
            .map(|unit| demo_number(SerialNumber::parse(&format!("{part}-{build}-{unit}"))))
            .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    Ok(TrackedReceipt {
        lot,
        expires_on: None,
        serials,
    })
}

/// A number the demo makes from its own part and build numbers: always
/// well formed, or the demo data changed under it.
fn demo_number<T>(parsed: Result<T, String>) -> Result<T, AppError> {
    parsed.map_err(|error| {
        tracing::error!(%error, "a demo lot or serial number");
        AppError::Internal
    })
}
