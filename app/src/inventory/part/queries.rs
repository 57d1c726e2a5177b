//! Reads for the part page and form. Formatting happens here so the browser
//! bundle carries no decimal or date formatting.

use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use torvan::bom::BomStatus;
use torvan::part_spec::PartDraft;
use torvan::stock::{MovementKind, reference_note};
use torvan::{DbEnum, MakeOrBuy, PartStatus, StockStatus, SubstituteType, UnitOfMeasure};
use uuid::Uuid;

use super::api::{MovementLine, PartDetail, PartFormChoices, SubstituteLine, Usage};
use crate::error::AppError;
use crate::inventory::catalogue::{CatalogueLevel, Crumb};
use crate::money::money;

#[derive(sqlx::FromRow)]
struct PartRow {
    id: Uuid,
    part_number: String,
    name: String,
    description: Option<String>,
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
    average_cost: Option<Decimal>,
    last_cost: Option<Decimal>,
    vendor_code: Option<String>,
    vendor_name: Option<String>,
    vendor_part_number: Option<String>,
    material: Option<String>,
    finish: Option<String>,
    weight: Option<Decimal>,
    lot_control: bool,
    serial_control: bool,
    is_custom_part: bool,
    on_hand: i32,
    allocated: i32,
    available: i32,
    stock_status: Option<String>,
    category_id: Option<Uuid>,
    category_code: Option<String>,
    category_name: Option<String>,
    assembly_id: Option<Uuid>,
    assembly_number: Option<String>,
    assembly_name: Option<String>,
    sub_assembly_id: Option<Uuid>,
    sub_assembly_number: Option<String>,
    sub_assembly_name: Option<String>,
}

const PART: &str = "
    SELECT p.id, p.part_number, p.name, p.description, p.part_type,
           coalesce(p.unit_of_measure, 'EACH')::text AS unit_of_measure,
           coalesce(p.make_or_buy, 'B') AS make_or_buy,
           coalesce(p.status, 'ACTIVE')::text AS status,
           r.part_number AS replacement,
           coalesce(p.reorder_point, 0) AS reorder_point,
           coalesce(p.reorder_quantity, 0) AS reorder_quantity,
           coalesce(p.safety_stock, 0) AS safety_stock,
           coalesce(p.minimum_order_quantity, 1) AS minimum_order_quantity,
           coalesce(p.order_multiple, 1) AS order_multiple,
           coalesce(p.lead_time_days, 0) AS lead_time_days,
           p.standard_cost, p.average_cost, p.last_cost,
           v.code AS vendor_code, v.name AS vendor_name, p.vendor_part_number,
           p.material, p.finish, p.weight,
           coalesce(p.lot_control, false) AS lot_control,
           coalesce(p.serial_control, false) AS serial_control,
           coalesce(p.is_custom_part, false) AS is_custom_part,
           coalesce(p.quantity_on_hand, 0) AS on_hand,
           coalesce(p.quantity_allocated, 0) AS allocated,
           coalesce(p.quantity_available, 0) AS available,
           pa.stock_status,
           c.id AS category_id, c.code AS category_code, c.name AS category_name,
           a.id AS assembly_id, a.part_number AS assembly_number, a.name AS assembly_name,
           sa.id AS sub_assembly_id, sa.part_number AS sub_assembly_number, sa.name AS sub_assembly_name
    FROM inventory.parts p
    LEFT JOIN inventory.parts r ON r.id = p.replacement_part_id
    LEFT JOIN inventory.vendors v ON v.id = p.primary_vendor_id
    LEFT JOIN inventory.parts_availability pa ON pa.id = p.id
    LEFT JOIN inventory.sub_assemblies sa ON sa.id = p.sub_assembly_id
    LEFT JOIN inventory.assemblies a ON a.id = sa.assembly_id
    LEFT JOIN inventory.categories c ON c.id = a.category_id";

pub async fn detail(pool: &PgPool, part_number: &str) -> Result<PartDetail, AppError> {
    let number = torvan::PartNumber::parse(part_number).map_err(|_| AppError::NotFound)?;
    let row: PartRow = sqlx::query_as(&format!("{PART} WHERE p.part_number = $1"))
        .bind(number.as_str())
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)?;
    let (substitutes, substitute_for, where_used, movements) = futures::try_join!(
        substitutes(pool, row.id, Direction::Substitutes),
        substitutes(pool, row.id, Direction::SubstituteFor),
        where_used(pool, row.id),
        movements(pool, row.id),
    )?;
    let stock_status = row
        .stock_status
        .as_deref()
        .map(StockStatus::parse)
        .transpose()?;
    Ok(PartDetail {
        trail: trail(&row),
        draft: draft(&row),
        status: PartStatus::parse(&row.status)?,
        unit: UnitOfMeasure::parse(&row.unit_of_measure)?,
        make_or_buy: MakeOrBuy::parse(&row.make_or_buy)?,
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
    })
}

/// Parts as the part form and the parts CSV write them, by number: all of
/// them, or those with the given numbers.
pub async fn drafts(
    conn: &mut PgConnection,
    numbers: Option<&[String]>,
) -> Result<Vec<PartDraft>, sqlx::Error> {
    let rows: Vec<PartRow> = sqlx::query_as(&format!(
        "{PART} WHERE $1::text[] IS NULL OR p.part_number = ANY($1) ORDER BY p.part_number"
    ))
    .bind(numbers)
    .fetch_all(conn)
    .await?;
    Ok(rows.iter().map(draft).collect())
}

fn trail(row: &PartRow) -> Vec<Crumb> {
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

fn draft(row: &PartRow) -> PartDraft {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let hierarchy_path = match (
        &row.category_code,
        &row.assembly_number,
        &row.sub_assembly_number,
    ) {
        (Some(category), Some(assembly), Some(sub_assembly)) => {
            format!("{category} > {assembly} > {sub_assembly}")
        }
        _ => String::new(),
    };
    PartDraft {
        part_number: row.part_number.clone(),
        name: row.name.clone(),
        description: text(&row.description),
        hierarchy_path,
        part_type: text(&row.part_type),
        unit_of_measure: row.unit_of_measure.clone(),
        make_or_buy: row.make_or_buy.clone(),
        status: row.status.clone(),
        replacement_part_number: text(&row.replacement),
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
        vendor_code: text(&row.vendor_code),
        vendor_part_number: text(&row.vendor_part_number),
        material: text(&row.material),
        finish: text(&row.finish),
        lot_control: if row.lot_control { "yes" } else { "no" }.into(),
        serial_control: if row.serial_control { "yes" } else { "no" }.into(),
    }
}

#[derive(Clone, Copy)]
enum Direction {
    /// Parts that may stand in for this one.
    Substitutes,
    /// Parts this one may stand in for.
    SubstituteFor,
}

async fn substitutes(
    pool: &PgPool,
    part_id: Uuid,
    direction: Direction,
) -> Result<Vec<SubstituteLine>, AppError> {
    let (this, other) = match direction {
        Direction::Substitutes => ("primary_part_id", "substitute_part_id"),
        Direction::SubstituteFor => ("substitute_part_id", "primary_part_id"),
    };
    let rows: Vec<(String, String, String, Decimal, i32, Option<String>)> = sqlx::query_as(&format!(
        "SELECT p.part_number, p.name, s.substitute_type, coalesce(s.conversion_factor, 1),
                coalesce(p.quantity_available, 0), s.notes
         FROM inventory.part_substitutes s
         JOIN inventory.parts p ON p.id = s.{other}
         WHERE s.{this} = $1 AND s.is_active
         ORDER BY array_position(ARRAY['PREFERRED','ACCEPTABLE','EMERGENCY']::text[], s.substitute_type::text),
                  p.part_number"
    ))
    .bind(part_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(part_number, name, kind, factor, available, notes)| {
            Ok(SubstituteLine {
                part_number,
                name,
                kind: SubstituteType::parse(&kind)?,
                conversion_factor: factor.normalize().to_string(),
                available,
                notes,
            })
        })
        .collect()
}

async fn where_used(pool: &PgPool, part_id: Uuid) -> Result<Vec<Usage>, AppError> {
    type Row = (String, String, String, Option<String>, Option<String>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT 'BOM template', t.template_name || ' v' || t.version || ', line ' || i.line_number,
                coalesce(i.quantity_formula, trim_scale(i.base_quantity)::text), NULL, NULL
         FROM products.bom_template_items i
         JOIN products.bom_templates t ON t.id = i.template_id
         WHERE i.part_id = $1 AND t.is_active
         UNION ALL
         SELECT 'Order BOM',
                o.order_number || ' · ' || coalesce(c.build_number, '') || ' v' || b.version,
                trim_scale(i.total_quantity)::text,
                '/orders/' || o.order_number || '/sinks/' || c.build_number || '/bom?version=' || b.version,
                b.status
         FROM orders.bom_items i
         JOIN orders.boms b ON b.id = i.bom_id
         JOIN orders.orders o ON o.id = b.order_id
         LEFT JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE i.part_id = $1 AND b.status <> 'OBSOLETE'
         ORDER BY 1, 2
         LIMIT 200",
    )
    .bind(part_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(kind, reference, quantity, href, status)| {
            let reference = match status {
                Some(status) => format!("{reference} ({})", BomStatus::parse(&status)?.label()),
                None => reference,
            };
            Ok(Usage {
                kind,
                reference,
                quantity,
                href,
            })
        })
        .collect()
}

async fn movements(pool: &PgPool, part_id: Uuid) -> Result<Vec<MovementLine>, AppError> {
    type Row = (
        chrono::DateTime<chrono::Utc>,
        String,
        i32,
        i32,
        i32,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    // A BOM is named by its order, build and version rather than its id.
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT m.created_at, m.movement_type::text, m.on_hand_change, m.allocated_change,
                m.on_hand_after, m.reason, m.reference_type, coalesce(
                    (SELECT o.order_number || ' · ' || coalesce(c.build_number || ' ', '') || 'v' || b.version
                     FROM orders.boms b
                     JOIN orders.orders o ON o.id = b.order_id
                     LEFT JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
                     WHERE m.reference_type = 'BOM' AND b.id::text = m.reference_id),
                    m.reference_id),
                u.first_name || ' ' || u.last_name
         FROM inventory.stock_movements m
         LEFT JOIN auth.users u ON u.id = m.created_by
         WHERE m.part_id = $1
         ORDER BY m.created_at DESC, m.id DESC
         LIMIT 20",
    )
    .bind(part_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(
            |(at, kind, on_hand_change, allocated_change, on_hand_after, reason, about, id, by)| {
                let reference = about.zip(id).map(|(about, id)| reference_note(&about, &id));
                Ok(MovementLine {
                    at: at.format("%Y-%m-%d %H:%M UTC").to_string(),
                    kind: MovementKind::parse(&kind)?,
                    on_hand_change,
                    allocated_change,
                    on_hand_after,
                    note: reason.or(reference),
                    by,
                })
            },
        )
        .collect()
}

pub async fn form_options(pool: &PgPool) -> Result<PartFormChoices, AppError> {
    let places: Vec<(String, String)> = sqlx::query_as(
        "SELECT c.code || ' > ' || a.part_number || ' > ' || sa.part_number,
                c.name || ' › ' || a.name || ' › ' || sa.name || ' (' || sa.part_number || ')'
         FROM inventory.sub_assemblies sa
         JOIN inventory.assemblies a ON a.id = sa.assembly_id
         JOIN inventory.categories c ON c.id = a.category_id
         WHERE coalesce(sa.status, 'ACTIVE') = 'ACTIVE'
         ORDER BY c.sort_order, c.code, a.part_number, sa.part_number",
    )
    .fetch_all(pool)
    .await?;
    let vendors: Vec<(String, String)> =
        sqlx::query_as("SELECT code, name FROM inventory.vendors WHERE is_active ORDER BY name")
            .fetch_all(pool)
            .await?;
    Ok(PartFormChoices { places, vendors })
}
