//! Reads for the part page and form, and the parts as the form and the
//! parts file write them. Formatting happens here so the browser bundle
//! carries no decimal or date formatting.

use rust_decimal::Decimal;
use sqlx::PgConnection;
use torvan::bom::BomStatus;
use torvan::lots::Tracking;
use torvan::part_spec::PartDraft;
use torvan::stock::{MovementKind, reference_note};
use torvan::{
    DbEnum, MakeOrBuy, PartNumber, PartStatus, StockStatus, SubstituteType, UnitOfMeasure,
};
use uuid::Uuid;

use super::model::{MovementLine, PartDetail, PartFormChoices, SubstituteLine, Usage};
use crate::error::AppError;
use crate::inventory::catalogue::{CatalogueLevel, Crumb};
use crate::inventory::vendors;
use crate::money::money;

/// What the part page shows beside the part's draft.
struct DetailRow {
    id: Uuid,
    standard_cost: Option<Decimal>,
    average_cost: Option<Decimal>,
    last_cost: Option<Decimal>,
    weight: Option<Decimal>,
    vendor_name: Option<String>,
    is_custom_part: bool,
    on_hand: i32,
    allocated: i32,
    available: i32,
    stock_status: Option<String>,
    category_id: Option<Uuid>,
    category_name: Option<String>,
    assembly_id: Option<Uuid>,
    assembly_name: Option<String>,
    sub_assembly_id: Option<Uuid>,
    sub_assembly_name: Option<String>,
    lot_control: bool,
    serial_control: bool,
}

pub async fn detail(conn: &mut PgConnection, number: &PartNumber) -> Result<PartDetail, AppError> {
    let row = sqlx::query_as!(
        DetailRow,
        r#"SELECT p.id, p.standard_cost, p.average_cost, p.last_cost, p.weight,
                  v.name AS "vendor_name?",
                  coalesce(p.is_custom_part, false) AS "is_custom_part!",
                  coalesce(p.quantity_on_hand, 0) AS "on_hand!",
                  coalesce(p.quantity_allocated, 0) AS "allocated!",
                  coalesce(p.quantity_available, 0) AS "available!",
                  pa.stock_status AS "stock_status?",
                  c.id AS "category_id?", c.name AS "category_name?",
                  a.id AS "assembly_id?", a.name AS "assembly_name?",
                  sa.id AS "sub_assembly_id?", sa.name AS "sub_assembly_name?",
                  coalesce(p.lot_control, false) AS "lot_control!",
                  coalesce(p.serial_control, false) AS "serial_control!"
           FROM inventory.parts p
           LEFT JOIN inventory.vendors v ON v.id = p.primary_vendor_id
           LEFT JOIN inventory.parts_availability pa ON pa.id = p.id
           LEFT JOIN inventory.sub_assemblies sa ON sa.id = p.sub_assembly_id
           LEFT JOIN inventory.assemblies a ON a.id = sa.assembly_id
           LEFT JOIN inventory.categories c ON c.id = a.category_id
           WHERE p.part_number = $1"#,
        number.as_str(),
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let draft = drafts(conn, Some(&[number.to_string()]))
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let (substitutes, substitute_for) = substitutes(conn, row.id).await?;
    let where_used = where_used(conn, row.id).await?;
    let movements = movements(conn, row.id).await?;
    let lots = crate::inventory::lots::queries::part_lots(conn, row.id, row.on_hand).await?;
    let stock_status = row
        .stock_status
        .as_deref()
        .map(StockStatus::parse)
        .transpose()?;
    Ok(PartDetail {
        trail: trail(&row),
        status: PartStatus::parse(&draft.status)?,
        unit: UnitOfMeasure::parse(&draft.unit_of_measure)?,
        make_or_buy: MakeOrBuy::parse(&draft.make_or_buy)?,
        draft,
        standard_cost: row.standard_cost.map(money),
        is_custom_part: row.is_custom_part,
        vendor_name: row.vendor_name,
        on_hand: row.on_hand,
        allocated: row.allocated,
        available: row.available,
        stock_status,
        weight: row
            .weight
            .map(|pounds| format!("{} lb", pounds.normalize())),
        average_cost: row.average_cost.map(money),
        last_cost: row.last_cost.map(money),
        substitutes,
        substitute_for,
        where_used,
        movements,
        tracking: Tracking {
            lot: row.lot_control,
            serial: row.serial_control,
        },
        lots,
    })
}

fn trail(row: &DetailRow) -> Vec<Crumb> {
    let levels = [
        (
            CatalogueLevel::Category,
            row.category_id,
            &row.category_name,
        ),
        (
            CatalogueLevel::Assembly,
            row.assembly_id,
            &row.assembly_name,
        ),
        (
            CatalogueLevel::SubAssembly,
            row.sub_assembly_id,
            &row.sub_assembly_name,
        ),
    ];
    levels
        .into_iter()
        .filter_map(|(level, id, name)| Some(Crumb::item(level, id?, name.clone()?)))
        .collect()
}

/// A part's catalogue data as text, as the form and the parts file hold it.
struct DraftRow {
    part_number: String,
    name: String,
    description: Option<String>,
    hierarchy_path: Option<String>,
    part_type: Option<String>,
    unit_of_measure: String,
    make_or_buy: String,
    status: String,
    replacement: Option<String>,
    reorder_point: i32,
    reorder_quantity: i32,
    safety_stock: i32,
    minimum_order_quantity: i32,
    order_multiple: i32,
    lead_time_days: i32,
    standard_cost: Option<Decimal>,
    vendor_code: Option<String>,
    vendor_part_number: Option<String>,
    material: Option<String>,
    finish: Option<String>,
    lot_control: bool,
    serial_control: bool,
}

/// Parts as the part form and the parts CSV write them, by number: all of
/// them, or those with the given numbers.
pub async fn drafts(
    conn: &mut PgConnection,
    numbers: Option<&[String]>,
) -> Result<Vec<PartDraft>, sqlx::Error> {
    let rows = sqlx::query_as!(
        DraftRow,
        r#"SELECT p.part_number, p.name, p.description,
                  c.code || ' > ' || a.part_number || ' > ' || sa.part_number AS "hierarchy_path?",
                  p.part_type,
                  coalesce(p.unit_of_measure, 'EACH')::text AS "unit_of_measure!",
                  coalesce(p.make_or_buy, 'B')::text AS "make_or_buy!",
                  coalesce(p.status, 'ACTIVE')::text AS "status!",
                  r.part_number AS "replacement?",
                  coalesce(p.reorder_point, 0) AS "reorder_point!",
                  coalesce(p.reorder_quantity, 0) AS "reorder_quantity!",
                  coalesce(p.safety_stock, 0) AS "safety_stock!",
                  coalesce(p.minimum_order_quantity, 1) AS "minimum_order_quantity!",
                  coalesce(p.order_multiple, 1) AS "order_multiple!",
                  coalesce(p.lead_time_days, 0) AS "lead_time_days!",
                  p.standard_cost,
                  v.code AS "vendor_code?", p.vendor_part_number, p.material, p.finish,
                  coalesce(p.lot_control, false) AS "lot_control!",
                  coalesce(p.serial_control, false) AS "serial_control!"
           FROM inventory.parts p
           LEFT JOIN inventory.parts r ON r.id = p.replacement_part_id
           LEFT JOIN inventory.vendors v ON v.id = p.primary_vendor_id
           LEFT JOIN inventory.sub_assemblies sa ON sa.id = p.sub_assembly_id
           LEFT JOIN inventory.assemblies a ON a.id = sa.assembly_id
           LEFT JOIN inventory.categories c ON c.id = a.category_id
           WHERE $1::text[] IS NULL OR p.part_number = ANY($1)
           ORDER BY p.part_number"#,
        numbers,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(draft).collect())
}

fn draft(row: DraftRow) -> PartDraft {
    let yes_no = |flag: bool| if flag { "yes" } else { "no" }.to_owned();
    PartDraft {
        part_number: row.part_number,
        name: row.name,
        description: row.description.unwrap_or_default(),
        hierarchy_path: row.hierarchy_path.unwrap_or_default(),
        part_type: row.part_type.unwrap_or_default(),
        unit_of_measure: row.unit_of_measure,
        make_or_buy: row.make_or_buy,
        status: row.status,
        replacement_part_number: row.replacement.unwrap_or_default(),
        reorder_point: row.reorder_point.to_string(),
        reorder_quantity: row.reorder_quantity.to_string(),
        safety_stock: row.safety_stock.to_string(),
        minimum_order_quantity: row.minimum_order_quantity.to_string(),
        order_multiple: row.order_multiple.to_string(),
        lead_time_days: row.lead_time_days.to_string(),
        standard_cost: row
            .standard_cost
            .map(|cost| cost.to_string())
            .unwrap_or_default(),
        vendor_code: row.vendor_code.unwrap_or_default(),
        vendor_part_number: row.vendor_part_number.unwrap_or_default(),
        material: row.material.unwrap_or_default(),
        finish: row.finish.unwrap_or_default(),
        lot_control: yes_no(row.lot_control),
        serial_control: yes_no(row.serial_control),
    }
}

/// The parts that may stand in for this one, and those this one may stand
/// in for, best kind first: one read of the part's substitute rows in both
/// directions.
async fn substitutes(
    conn: &mut PgConnection,
    part_id: Uuid,
) -> Result<(Vec<SubstituteLine>, Vec<SubstituteLine>), AppError> {
    let rows = sqlx::query!(
        r#"SELECT s.primary_part_id = $1 AS "stands_in_for_this!",
                  p.part_number, p.name, s.substitute_type,
                  coalesce(s.conversion_factor, 1) AS "conversion_factor!",
                  coalesce(p.quantity_available, 0) AS "available!", s.notes
           FROM inventory.part_substitutes s
           JOIN inventory.parts p ON p.id = CASE WHEN s.primary_part_id = $1
                                                 THEN s.substitute_part_id
                                                 ELSE s.primary_part_id END
           WHERE (s.primary_part_id = $1 OR s.substitute_part_id = $1) AND s.is_active
           ORDER BY array_position(ARRAY['PREFERRED','ACCEPTABLE','EMERGENCY']::text[],
                                   s.substitute_type::text),
                    p.part_number"#,
        part_id,
    )
    .fetch_all(conn)
    .await?;
    let (mut substitutes, mut substitute_for) = (Vec::new(), Vec::new());
    for row in rows {
        let line = SubstituteLine {
            part_number: row.part_number,
            name: row.name,
            kind: SubstituteType::parse(&row.substitute_type)?,
            conversion_factor: row.conversion_factor.normalize().to_string(),
            available: row.available,
            notes: row.notes,
        };
        if row.stands_in_for_this {
            substitutes.push(line);
        } else {
            substitute_for.push(line);
        }
    }
    Ok((substitutes, substitute_for))
}

async fn where_used(conn: &mut PgConnection, part_id: Uuid) -> Result<Vec<Usage>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT 'BOM template' AS "kind!",
                  t.template_name || ' v' || t.version || ', line ' || i.line_number AS "reference!",
                  coalesce(i.quantity_formula, trim_scale(i.base_quantity)::text) AS "quantity!",
                  NULL AS "href?", NULL AS "status?"
           FROM products.bom_template_items i
           JOIN products.bom_templates t ON t.id = i.template_id
           WHERE i.part_id = $1 AND t.is_active
           UNION ALL
           SELECT 'Order BOM',
                  o.order_number || ' · ' || coalesce(c.build_number, '') || ' v' || b.version,
                  trim_scale(i.total_quantity)::text,
                  '/orders/' || o.order_number || '/sinks/' || c.build_number || '/bom?version=' || b.version,
                  b.status::text
           FROM orders.bom_items i
           JOIN orders.boms b ON b.id = i.bom_id
           JOIN orders.orders o ON o.id = b.order_id
           LEFT JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
           WHERE i.part_id = $1 AND b.status <> 'OBSOLETE'
           ORDER BY 1, 2
           LIMIT 200"#,
        part_id,
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let reference = match row.status {
                Some(status) => {
                    format!("{} ({})", row.reference, BomStatus::parse(&status)?.label())
                }
                None => row.reference,
            };
            Ok(Usage {
                kind: row.kind,
                reference,
                quantity: row.quantity,
                href: row.href,
            })
        })
        .collect()
}

async fn movements(conn: &mut PgConnection, part_id: Uuid) -> Result<Vec<MovementLine>, AppError> {
    // A BOM is named by its order, build and version rather than its id.
    let rows = sqlx::query!(
        r#"SELECT m.created_at, m.movement_type::text AS "kind!", m.on_hand_change,
                  m.allocated_change, m.on_hand_after, m.reason, m.reference_type,
                  coalesce(
                      (SELECT o.order_number || ' · ' || coalesce(c.build_number || ' ', '') || 'v' || b.version
                       FROM orders.boms b
                       JOIN orders.orders o ON o.id = b.order_id
                       LEFT JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
                       WHERE m.reference_type = 'BOM' AND b.id::text = m.reference_id),
                      m.reference_id) AS "reference_id?",
                  u.first_name || ' ' || u.last_name AS "by?"
           FROM inventory.stock_movements m
           LEFT JOIN auth.users u ON u.id = m.created_by
           WHERE m.part_id = $1
           ORDER BY m.created_at DESC, m.id DESC
           LIMIT 20"#,
        part_id,
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let reference = row
                .reference_type
                .zip(row.reference_id)
                .map(|(about, id)| reference_note(&about, &id));
            Ok(MovementLine {
                at: torvan::text::minute_utc(row.created_at),
                kind: MovementKind::parse(&row.kind)?,
                on_hand_change: row.on_hand_change,
                allocated_change: row.allocated_change,
                on_hand_after: row.on_hand_after,
                note: row.reason.or(reference),
                by: row.by,
            })
        })
        .collect()
}

/// The places a part may go (active sub-assemblies) and the active vendors.
pub async fn form_options(conn: &mut PgConnection) -> Result<PartFormChoices, AppError> {
    let places = sqlx::query!(
        r#"SELECT c.code || ' > ' || a.part_number || ' > ' || sa.part_number AS "path!",
                  c.name || ' › ' || a.name || ' › ' || sa.name || ' (' || sa.part_number || ')' AS "label!"
           FROM inventory.sub_assemblies sa
           JOIN inventory.assemblies a ON a.id = sa.assembly_id
           JOIN inventory.categories c ON c.id = a.category_id
           WHERE coalesce(sa.status, 'ACTIVE') = 'ACTIVE'
           ORDER BY c.sort_order, c.code, a.part_number, sa.part_number"#
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|row| (row.path, row.label))
    .collect();
    let vendors = vendors::all(conn)
        .await?
        .into_iter()
        .filter(|vendor| vendor.is_active)
        .map(|vendor| (vendor.code, vendor.name))
        .collect();
    Ok(PartFormChoices { places, vendors })
}

/// The id of the part numbered `number`.
pub async fn part_id(conn: &mut PgConnection, number: &PartNumber) -> Result<Uuid, AppError> {
    sqlx::query_scalar!(
        "SELECT id FROM inventory.parts WHERE part_number = $1",
        number.as_str(),
    )
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound)
}
