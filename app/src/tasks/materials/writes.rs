//! Issue, consume and return one task line. Each locks the line first (so
//! two requests for it queue and the second reads the first's totals),
//! then for a movement the part's row (so the BOM's standing read next
//! cannot change before the movement lands), checks the domain's rule,
//! moves stock through the ledger under the BOM's reference with the task
//! named in the movement's note and its build on the row (with the lots and
//! serials taken: the build's genealogy), and updates the line's totals.
//!
//! An issue takes from the BOM's hold first; when the hold is short it
//! allocates the rest to the BOM from the shelf's available stock, up to
//! what the BOM still lacks, then issues: a task never takes more than its
//! unit's BOM, so the BOM page's all-at-once issue and the task issues
//! together issue the BOM's need once. A return goes back to the shelf and,
//! while the approved BOM still lacks that part, into its hold again, so
//! the task (or the BOM's issue) can take it without racing other orders.

use rust_decimal::Decimal;
use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::PartNumber;
use torvan::bom::BomStatus;
use torvan::lots::IssueChoice;
use torvan::stock::{Movement, MovementKind, Quantity};
use torvan::workflow::{MaterialAction, MaterialLine, Supply, TaskNumber, may_handle};
use uuid::Uuid;

use super::model::IssueEntry;
use super::queries::{Task, task};
use crate::auth::CurrentUser;
use crate::boms::stock::REFERENCE_KIND;
use crate::error::AppError;
use crate::inventory::lots::movements::{self, Destination};
use crate::inventory::stock::{Reference, Trace, apply};
use crate::tasks::access::actor;

/// One task line, locked for this transaction.
struct Locked {
    task: Task,
    id: Uuid,
    part_id: Uuid,
    line: MaterialLine,
}

/// Finds `part` on the task's lines, refuses a reader who may not do
/// `action` to them, and locks the line.
async fn lock_line(
    conn: &mut PgConnection,
    user: &CurrentUser,
    number: &TaskNumber,
    part: &PartNumber,
    action: MaterialAction,
) -> Result<Locked, AppError> {
    let task = task(conn, number).await?;
    if !may_handle(&actor(conn, user).await?, &task.access, action) {
        return Err(AppError::Forbidden);
    }
    let row = sqlx::query!(
        r#"SELECT m.id, m.part_id, m.quantity_required,
                  coalesce(m.quantity_issued, 0) AS "issued!",
                  coalesce(m.quantity_consumed, 0) AS "consumed!",
                  coalesce(m.quantity_returned, 0) AS "returned!",
                  coalesce(p.unit_of_measure, 'EACH')::text AS "unit!"
           FROM workflow.task_materials m JOIN inventory.parts p ON p.id = m.part_id
           WHERE m.task_id = $1 AND p.part_number = $2
           FOR UPDATE OF m"#,
        task.id,
        part.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let unit = torvan::UnitOfMeasure::parse(&row.unit)?;
    Ok(Locked {
        task,
        id: row.id,
        part_id: row.part_id,
        line: MaterialLine {
            required: row.quantity_required,
            issued: row.issued,
            consumed: row.consumed,
            returned: row.returned,
            counted: unit.counted(),
        },
    })
}

/// The note a movement for the task carries: the part page shows it.
fn note(task: &Task) -> String {
    format!("Task {}", task.number)
}

/// The stock moves of a task line: under the unit's BOM `bom_id`, for the
/// task's build, noted with the task.
struct Bench {
    bom_id: String,
    note: String,
    build_id: Uuid,
    user_id: Uuid,
}

impl Bench {
    fn new(locked: &Locked, bom_id: Uuid, user: &CurrentUser) -> Self {
        Self {
            bom_id: bom_id.to_string(),
            note: note(&locked.task),
            build_id: locked.task.build_id,
            user_id: user.id,
        }
    }

    fn destination(&self) -> Destination<'_> {
        Destination {
            reference: Reference {
                kind: REFERENCE_KIND,
                id: &self.bom_id,
            },
            build_id: Some(self.build_id),
            note: Some(&self.note),
            user_id: self.user_id,
        }
    }

    /// Holds `quantity` more for the BOM (no lot: a hold is of the part).
    async fn allocate(
        &self,
        conn: &mut PgConnection,
        part_id: Uuid,
        quantity: Quantity,
    ) -> Result<(), AppError> {
        let to = self.destination();
        let trace = Trace {
            lot_id: None,
            build_id: to.build_id,
        };
        let movement = Movement::Allocate(quantity);
        let user = Some(to.user_id);
        apply(
            conn,
            part_id,
            movement,
            trace,
            Some(to.reference),
            to.note,
            user,
        )
        .await?;
        Ok(())
    }
}

/// The unit's approved BOM version, if it has one.
async fn approved_bom(
    conn: &mut PgConnection,
    configuration_id: Uuid,
) -> Result<Option<Uuid>, AppError> {
    Ok(sqlx::query_scalar!(
        "SELECT id FROM orders.boms
         WHERE configuration_id = $1 AND status = $2
         ORDER BY version DESC LIMIT 1",
        configuration_id,
        BomStatus::Approved.as_db_str()
    )
    .fetch_optional(&mut *conn)
    .await?)
}

/// Locks the part's row; returns what of it is available on the shelf.
async fn lock_part(conn: &mut PgConnection, part_id: Uuid) -> Result<i32, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT quantity_on_hand - quantity_allocated AS "available!"
           FROM inventory.parts WHERE id = $1 FOR UPDATE"#,
        part_id
    )
    .fetch_one(&mut *conn)
    .await?)
}

/// What the BOM holds of the part, and what it still lacks beyond its
/// hold and its issues (zero for a part it does not list).
async fn standing(
    conn: &mut PgConnection,
    bom_id: Uuid,
    part_id: Uuid,
) -> Result<(i32, i32), AppError> {
    let row = sqlx::query!(
        r#"SELECT held AS "held!", needed - held - issued AS "lacking!"
           FROM orders.bom_part_standing WHERE bom_id = $1 AND part_id = $2"#,
        bom_id,
        part_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map_or((0, 0), |row| (row.held, row.lacking)))
}

/// Issues `quantity` of `part` to the task's bench from its unit's BOM:
/// the lot and serials `choice` names, else the suggested ones.
pub async fn issue(
    conn: &mut PgConnection,
    user: &CurrentUser,
    number: &TaskNumber,
    part: &PartNumber,
    quantity: Quantity,
    choice: &IssueEntry,
) -> Result<(), AppError> {
    let locked = lock_line(conn, user, number, part, MaterialAction::Issue).await?;
    let tracking = movements::tracking(conn, locked.part_id).await?;
    let choice = IssueChoice::parse(tracking, quantity, &choice.lot, &choice.serials)?;
    let Some(bom_id) = approved_bom(conn, locked.task.configuration_id).await? else {
        return Err(AppError::invalid(
            torvan::workflow::QUANTITY,
            "The unit's bill of materials is not approved: nothing can be issued for it.",
        ));
    };
    let available = lock_part(conn, locked.part_id).await?;
    let (held, lacking) = standing(conn, bom_id, locked.part_id).await?;
    let supply = Supply {
        held,
        obtainable: available.min(lacking),
    };
    let plan = locked.line.issue(quantity, supply)?;
    let bench = Bench::new(&locked, bom_id, user);
    if let Ok(top_up) = Quantity::new(plan.top_up) {
        bench.allocate(conn, locked.part_id, top_up).await?;
    }
    let to = bench.destination();
    movements::issue(conn, locked.part_id, quantity, &choice, &to).await?;
    sqlx::query!(
        "UPDATE workflow.task_materials
         SET quantity_issued = coalesce(quantity_issued, 0) + $2, issued_by = $3, issued_at = now()
         WHERE id = $1",
        locked.id,
        Decimal::from(quantity.get()),
        user.id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Records `quantity` of `part` used at the task's bench: no movement, the
/// parts left the shelf when they were issued.
pub async fn consume(
    conn: &mut PgConnection,
    user: &CurrentUser,
    number: &TaskNumber,
    part: &PartNumber,
    quantity: Decimal,
) -> Result<(), AppError> {
    let locked = lock_line(conn, user, number, part, MaterialAction::Consume).await?;
    locked.line.consume(quantity)?;
    sqlx::query!(
        "UPDATE workflow.task_materials
         SET quantity_consumed = coalesce(quantity_consumed, 0) + $2, consumed_by = $3,
             consumed_at = now()
         WHERE id = $1",
        locked.id,
        quantity,
        user.id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The BOM version the unit's last issue of the part was made under: a
/// return goes back under the reference it left with.
async fn issued_under(
    conn: &mut PgConnection,
    configuration_id: Uuid,
    part_id: Uuid,
) -> Result<Option<Uuid>, AppError> {
    Ok(sqlx::query_scalar!(
        "SELECT b.id FROM inventory.stock_movements m
         JOIN orders.boms b ON b.id::text = m.reference_id
         WHERE m.reference_type = $1 AND m.part_id = $2 AND b.configuration_id = $3
           AND m.movement_type = $4::text::stock_movement_type
         ORDER BY m.created_at DESC, m.id DESC LIMIT 1",
        REFERENCE_KIND,
        part_id,
        configuration_id,
        MovementKind::Issue.as_db_str()
    )
    .fetch_optional(&mut *conn)
    .await?)
}

/// Returns `quantity` of `part` from the task's bench to the shelf, into
/// its BOM's hold again as far as the approved BOM still lacks the part.
pub async fn give_back(
    conn: &mut PgConnection,
    user: &CurrentUser,
    number: &TaskNumber,
    part: &PartNumber,
    quantity: Quantity,
) -> Result<(), AppError> {
    let locked = lock_line(conn, user, number, part, MaterialAction::Return).await?;
    locked.line.give_back(quantity)?;
    let bom_id = issued_under(conn, locked.task.configuration_id, locked.part_id)
        .await?
        .ok_or_else(|| {
            tracing::error!(task = %number, part = %part.as_str(), "task line issued without a ledger issue");
            AppError::Internal
        })?;
    lock_part(conn, locked.part_id).await?;
    let bench = Bench::new(&locked, bom_id, user);
    movements::give_back(conn, locked.part_id, quantity, &bench.destination()).await?;
    if approved_bom(conn, locked.task.configuration_id).await? == Some(bom_id) {
        let (_, lacking) = standing(conn, bom_id, locked.part_id).await?;
        if let Ok(rehold) = Quantity::new(lacking.min(quantity.get())) {
            bench.allocate(conn, locked.part_id, rehold).await?;
        }
    }
    sqlx::query!(
        "UPDATE workflow.task_materials
         SET quantity_returned = coalesce(quantity_returned, 0) + $2
         WHERE id = $1",
        locked.id,
        Decimal::from(quantity.get())
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
