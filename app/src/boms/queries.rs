//! The BOM page: a configuration's versions and one version's lines as a
//! rolled-up tree, with the stock each leaf needs while it is not yet
//! approved, and the substitutes of parts that are short. Every read runs
//! on the connection it is given, so a page and a write see the same rows.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgConnection;
use sqlx::types::Json;
use torvan::bom::{BomLine, BomStatus, Explanation, ResolvedLine, TreeRow, rolled_up, whole_units};
use torvan::signature::RecordKind;
use torvan::stock::MovementKind;
use torvan::workflow::StepCode;
use torvan::{BuildNumber, DbEnum, OrderNumber, OrderStatus};
use uuid::Uuid;

use super::model::{
    BomDetail, BomMovement, BomPageData, BomRow, BomVersion, LineStock, Substitute,
};
use crate::error::AppError;

struct VersionRow {
    id: Uuid,
    version: i32,
    status: String,
    created_at: DateTime<Utc>,
    created_by: String,
    approved_by: Option<String>,
    approved_at: Option<DateTime<Utc>>,
    total_parts_count: i32,
    total_cost: Decimal,
    total_weight: Decimal,
    generation_method: Option<String>,
}

pub(super) struct LineRow {
    line_number: i32,
    level: i32,
    parent_line: Option<i32>,
    part_id: Option<Uuid>,
    part_number: Option<String>,
    name: String,
    quantity_per_assembly: Decimal,
    quantity_required: Decimal,
    scrap_factor: Decimal,
    total_quantity: Decimal,
    unit_cost: Decimal,
    extended_cost: Decimal,
    unit_weight: Option<Decimal>,
    is_phantom: bool,
    is_whole_units: bool,
    explanation: Option<Json<Explanation>>,
    available: Option<i32>,
    route_step: Option<String>,
}

/// Which version the page shows, and which it is compared with.
pub struct Shown {
    pub version: Option<i32>,
    pub compare_with: Option<i32>,
    /// Who looks: the page says why they may not approve a version they
    /// generated (an export has nobody to tell).
    pub viewer: Option<Uuid>,
}

pub async fn page(
    conn: &mut PgConnection,
    order_number: &OrderNumber,
    build_number: &BuildNumber,
    asked: Shown,
) -> Result<BomPageData, AppError> {
    let build = sqlx::query!(
        r#"SELECT c.id, f.name AS family, o.status::text AS "order_status!"
           FROM orders.order_sink_configurations c
           JOIN orders.orders o ON o.id = c.order_id
           JOIN products.sink_families f ON f.id = c.sink_family_id
           WHERE o.order_number = $1 AND c.build_number = $2"#,
        order_number.as_str(),
        build_number.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let rows = sqlx::query_as!(
        VersionRow,
        r#"SELECT b.id, b.version, b.status, b.created_at,
                  cu.first_name || ' ' || cu.last_name AS "created_by!",
                  au.first_name || ' ' || au.last_name AS "approved_by?", b.approved_at,
                  b.total_parts_count, b.total_cost, b.total_weight, b.generation_method
           FROM orders.boms b
           JOIN auth.users cu ON cu.id = b.created_by
           LEFT JOIN auth.users au ON au.id = b.approved_by
           WHERE b.configuration_id = $1
           ORDER BY b.version DESC"#,
        build.id
    )
    .fetch_all(&mut *conn)
    .await?;
    let picked = match asked.version {
        Some(version) => Some(
            rows.iter()
                .find(|row| row.version == version)
                .ok_or(AppError::NotFound)?,
        ),
        None => rows.first(),
    };
    let shown = match picked {
        Some(row) => Some(detail(conn, row, asked.viewer).await?),
        None => None,
    };
    let compared = asked
        .compare_with
        .and_then(|from| rows.iter().find(|row| row.version == from));
    let changes = match (compared, picked) {
        (Some(from), Some(to)) => {
            Some(super::compare::changes(conn, (from.id, from.version), (to.id, to.version)).await?)
        }
        _ => None,
    };
    let versions = rows
        .iter()
        .map(|row| {
            Ok(BomVersion {
                id: row.id,
                version: row.version,
                status: BomStatus::parse(&row.status)?,
                created_at: row.created_at,
                created_by: row.created_by.clone(),
                approved: row.approved_by.clone().zip(row.approved_at),
                parts_count: row.total_parts_count,
                total_cost: row.total_cost,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let order_status = OrderStatus::parse(&build.order_status)?;
    let frozen = torvan::order_lifecycle::build_records_frozen(order_status).then(|| {
        format!(
            "The order is {}: this BOM is the as-built record and cannot change.",
            order_status.label().to_lowercase()
        )
    });
    Ok(BomPageData {
        order_number: order_number.clone(),
        build_number: build_number.clone(),
        family: build.family,
        frozen,
        versions,
        shown,
        changes,
    })
}

async fn detail(
    conn: &mut PgConnection,
    version: &VersionRow,
    viewer: Option<Uuid>,
) -> Result<BomDetail, AppError> {
    let (rows, lines) = lines_of(conn, version.id).await?;
    let status = BomStatus::parse(&version.status)?;
    let signed = super::signed::read(conn, version.id).await?;
    let signatures =
        crate::signatures::store::shown(conn, RecordKind::Bom, version.id, &signed.hash).await?;
    let approval_refused = match viewer.filter(|_| status.can_move(BomStatus::Approved)) {
        Some(viewer) => super::signed::refusal(conn, &signed, viewer).await?,
        None => None,
    };
    let tree = rolled_up(&lines);
    let mut stock = if matches!(status, BomStatus::Draft | BomStatus::PendingApproval) {
        needs(&rows, &lines)
    } else {
        HashMap::new()
    };
    offer_substitutes(conn, &rows, &mut stock).await?;
    let mut shown: Vec<BomRow> = tree
        .iter()
        .filter_map(|node| row(node, &lines, &mut stock))
        .collect();
    super::shortages::count_short_lines(&mut shown);
    let shortages = if status == BomStatus::Approved {
        super::shortages::outstanding(conn, version.id).await?
    } else {
        super::shortages::from_shelf(&shown)
    };
    Ok(BomDetail {
        id: version.id,
        version: version.version,
        status,
        generated_by: version.generation_method.clone().unwrap_or_default(),
        parts_count: version.total_parts_count,
        total_cost: version.total_cost,
        total_weight: version.total_weight,
        rows: shown,
        shortages,
        movements: movements(conn, version.id).await?,
        signatures,
        approval_refused,
    })
}

/// A version's lines in tree order, as read and as the domain's BOM lines.
pub(super) async fn lines_of(
    conn: &mut PgConnection,
    bom_id: Uuid,
) -> Result<(Vec<LineRow>, Vec<BomLine>), AppError> {
    let rows = sqlx::query_as!(
        LineRow,
        r#"SELECT i.line_number, i.level, parent.line_number AS "parent_line?", i.part_id,
                  p.part_number AS "part_number?", coalesce(i.description, p.name, '') AS "name!",
                  i.quantity_per_assembly, i.quantity_required, i.scrap_factor,
                  i.total_quantity AS "total_quantity!", i.unit_cost,
                  i.extended_cost AS "extended_cost!", i.unit_weight, i.is_phantom,
                  i.is_whole_units, i.explanation AS "explanation: Json<Explanation>",
                  p.quantity_available AS "available?", i.route_step
           FROM orders.bom_items i
           LEFT JOIN orders.bom_items parent ON parent.id = i.parent_item_id
           LEFT JOIN inventory.parts p ON p.id = i.part_id
           WHERE i.bom_id = $1
           ORDER BY i.sort_order"#,
        bom_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let lines = bom_lines(&rows);
    Ok((rows, lines))
}

fn bom_lines(rows: &[LineRow]) -> Vec<BomLine> {
    let parents: HashSet<i32> = rows.iter().filter_map(|row| row.parent_line).collect();
    rows.iter()
        .map(|row| BomLine {
            resolved: ResolvedLine {
                line_number: row.line_number,
                parent_line: row.parent_line,
                level: u8::try_from(row.level).unwrap_or(u8::MAX),
                part_number: row.part_number.clone(),
                quantity_per_assembly: row.quantity_per_assembly,
                quantity_required: row.quantity_required,
                scrap_factor: row.scrap_factor,
                phantom: row.is_phantom,
                description: row.name.clone(),
                explanation: row
                    .explanation
                    .as_ref()
                    .map(|json| json.0.clone())
                    .unwrap_or_else(|| Explanation {
                        template_line: row.line_number,
                        formula: row.quantity_per_assembly.normalize().to_string(),
                        quantity: row.quantity_per_assembly,
                        condition: None,
                        pattern: None,
                        values: Vec::new(),
                    }),
                route_step: row
                    .route_step
                    .as_deref()
                    .and_then(|step| StepCode::parse(step).ok()),
            },
            unit_cost: row.unit_cost,
            weight: row.unit_weight,
            total_quantity: row.total_quantity,
            whole_units: row.is_whole_units,
            extended_cost: row.extended_cost,
            is_assembly: parents.contains(&row.line_number),
        })
        .collect()
}

/// What each counted leaf needs from the shelf: lines of one part draw on
/// the same stock in tree order.
fn needs(rows: &[LineRow], lines: &[BomLine]) -> HashMap<usize, LineStock> {
    let mut left: HashMap<Uuid, i32> = HashMap::new();
    let mut stock = HashMap::new();
    for (index, (row, line)) in rows.iter().zip(lines).enumerate() {
        let (Some(part), Some(available), true) = (row.part_id, row.available, line.counted())
        else {
            continue;
        };
        let remaining = left.entry(part).or_insert(available.max(0));
        let needed = whole_units(line.total_quantity);
        stock.insert(
            index,
            LineStock {
                needed,
                available: *remaining,
                substitutes: Vec::new(),
            },
        );
        *remaining = (*remaining - needed).max(0);
    }
    stock
}

async fn offer_substitutes(
    conn: &mut PgConnection,
    rows: &[LineRow],
    stock: &mut HashMap<usize, LineStock>,
) -> Result<(), AppError> {
    let short: Vec<Uuid> = stock
        .iter()
        .filter(|(_, line)| line.short_by() > 0)
        .filter_map(|(index, _)| rows.get(*index).and_then(|row| row.part_id))
        .collect();
    if short.is_empty() {
        return Ok(());
    }
    let offered = sqlx::query!(
        r#"SELECT s.primary_part_id, p.part_number, p.name,
                  p.quantity_available AS "quantity_available!"
           FROM inventory.part_substitutes s
           JOIN inventory.parts p ON p.id = s.substitute_part_id
           WHERE s.primary_part_id = ANY($1) AND coalesce(s.is_active, true)
           ORDER BY CASE s.substitute_type WHEN 'PREFERRED' THEN 1 WHEN 'ACCEPTABLE' THEN 2 ELSE 3 END,
                    p.part_number"#,
        &short
    )
    .fetch_all(&mut *conn)
    .await?;
    for (index, line) in stock.iter_mut() {
        if line.short_by() == 0 {
            continue;
        }
        let part = rows.get(*index).and_then(|row| row.part_id);
        line.substitutes = offered
            .iter()
            .filter(|offer| Some(offer.primary_part_id) == part)
            .map(|offer| Substitute {
                part_number: offer.part_number.clone(),
                name: offer.name.clone(),
                available: offer.quantity_available,
            })
            .collect();
    }
    Ok(())
}

fn row(node: &TreeRow, lines: &[BomLine], stock: &mut HashMap<usize, LineStock>) -> Option<BomRow> {
    let line = lines.get(node.index)?;
    let resolved = &line.resolved;
    Some(BomRow {
        line_number: resolved.line_number,
        depth: u8::try_from(node.depth).unwrap_or(u8::MAX),
        has_children: node.has_children,
        part_number: resolved.part_number.clone(),
        name: resolved.description.clone(),
        quantity_per_assembly: resolved.quantity_per_assembly.normalize(),
        total_quantity: line.total_quantity.normalize(),
        unit_cost: line.unit_cost,
        cost: node.rolled_cost,
        weight: node.rolled_weight,
        phantom: resolved.phantom,
        explanation: explained(&resolved.explanation),
        route_step: resolved.route_step.as_ref().map(ToString::to_string),
        stock: stock.remove(&node.index),
        short_lines: 0,
    })
}

/// The tree rows of BOM lines, without stock: a template's preview.
pub(crate) fn tree_rows(lines: &[BomLine]) -> Vec<BomRow> {
    let mut none = HashMap::new();
    rolled_up(lines)
        .iter()
        .filter_map(|node| row(node, lines, &mut none))
        .collect()
}

/// A fixed quantity with no condition and no pattern explains nothing the
/// quantity column does not show.
fn explained(explanation: &Explanation) -> String {
    let fixed = explanation.values.is_empty()
        && explanation.condition.is_none()
        && explanation.pattern.is_none();
    if fixed {
        String::new()
    } else {
        explanation.summary()
    }
}

async fn movements(conn: &mut PgConnection, bom_id: Uuid) -> Result<Vec<BomMovement>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT m.created_at, m.movement_type::text AS "kind!", p.part_number,
                  m.allocated_change, m.on_hand_change,
                  u.first_name || ' ' || u.last_name AS "by?"
           FROM inventory.stock_movements m
           JOIN inventory.parts p ON p.id = m.part_id
           LEFT JOIN auth.users u ON u.id = m.created_by
           WHERE m.reference_type = $1 AND m.reference_id = $2
           ORDER BY m.created_at, m.id"#,
        super::stock::REFERENCE_KIND,
        bom_id.to_string()
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(BomMovement {
                at: row.created_at,
                kind: MovementKind::parse(&row.kind)?,
                part_number: row.part_number,
                allocated_change: row.allocated_change,
                on_hand_change: row.on_hand_change,
                by: row.by,
            })
        })
        .collect()
}
