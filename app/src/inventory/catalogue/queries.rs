//! The tree's reads: one level at a time, each node with its counts from
//! one grouped query, so expanding a node costs one round trip.

use sqlx::PgPool;
use torvan::{CatalogueLevel, DbEnum, PartStatus, StockStatus};
use uuid::Uuid;

use super::api::{CatalogueNode, GroupDetail};
use super::crumbs::{Crumb, group_href};
use crate::error::AppError;

#[derive(sqlx::FromRow)]
struct NodeRow {
    id: Uuid,
    key: String,
    name: String,
    status: String,
    children: i64,
    parts: i64,
    stock_status: Option<String>,
}

const CATEGORIES: &str = "
    SELECT c.id, c.code AS key, c.name,
           CASE WHEN coalesce(c.is_active, true) THEN 'ACTIVE' ELSE 'DISCONTINUED' END AS status,
           (SELECT count(*) FROM inventory.assemblies a WHERE a.category_id = c.id) AS children,
           (SELECT count(*) FROM inventory.assemblies a
              JOIN inventory.sub_assemblies sa ON sa.assembly_id = a.id
              JOIN inventory.parts p ON p.sub_assembly_id = sa.id
             WHERE a.category_id = c.id) AS parts,
           NULL::text AS stock_status
    FROM inventory.categories c
    WHERE ($1::uuid IS NULL OR c.id = $1)
    ORDER BY c.sort_order, c.code";

const ASSEMBLIES: &str = "
    SELECT a.id, a.part_number AS key, a.name, coalesce(a.status, 'ACTIVE')::text AS status,
           (SELECT count(*) FROM inventory.sub_assemblies sa WHERE sa.assembly_id = a.id) AS children,
           (SELECT count(*) FROM inventory.sub_assemblies sa
              JOIN inventory.parts p ON p.sub_assembly_id = sa.id
             WHERE sa.assembly_id = a.id) AS parts,
           NULL::text AS stock_status
    FROM inventory.assemblies a
    WHERE a.category_id = $1 OR a.id = $2
    ORDER BY a.part_number";

const SUB_ASSEMBLIES: &str = "
    SELECT sa.id, sa.part_number AS key, sa.name, coalesce(sa.status, 'ACTIVE')::text AS status,
           (SELECT count(*) FROM inventory.parts p WHERE p.sub_assembly_id = sa.id) AS children,
           (SELECT count(*) FROM inventory.parts p WHERE p.sub_assembly_id = sa.id) AS parts,
           NULL::text AS stock_status
    FROM inventory.sub_assemblies sa
    WHERE sa.assembly_id = $1 OR sa.id = $2
    ORDER BY sa.part_number";

const PARTS: &str = "
    SELECT p.id, p.part_number AS key, p.name, coalesce(p.status, 'ACTIVE')::text AS status,
           0::bigint AS children, 0::bigint AS parts, pa.stock_status
    FROM inventory.parts p
    LEFT JOIN inventory.parts_availability pa ON pa.id = p.id
    WHERE p.sub_assembly_id = $1
    ORDER BY p.part_number";

fn node(level: CatalogueLevel, row: NodeRow) -> Result<CatalogueNode, AppError> {
    let href = match level {
        CatalogueLevel::Part => format!("/inventory/parts/{}", row.key),
        group => group_href(group, row.id),
    };
    Ok(CatalogueNode {
        level,
        id: row.id,
        key: row.key,
        name: row.name,
        status: PartStatus::parse(&row.status)?,
        children: row.children,
        parts: row.parts,
        stock_status: row
            .stock_status
            .as_deref()
            .map(StockStatus::parse)
            .transpose()?,
        href,
    })
}

async fn rows(
    pool: &PgPool,
    level: CatalogueLevel,
    parent: Option<Uuid>,
    only: Option<Uuid>,
) -> Result<Vec<CatalogueNode>, AppError> {
    let rows: Vec<NodeRow> = match level {
        CatalogueLevel::Category => {
            sqlx::query_as(CATEGORIES)
                .bind(only)
                .fetch_all(pool)
                .await?
        }
        CatalogueLevel::Assembly => {
            sqlx::query_as(ASSEMBLIES)
                .bind(parent)
                .bind(only)
                .fetch_all(pool)
                .await?
        }
        CatalogueLevel::SubAssembly => {
            sqlx::query_as(SUB_ASSEMBLIES)
                .bind(parent)
                .bind(only)
                .fetch_all(pool)
                .await?
        }
        CatalogueLevel::Part => sqlx::query_as(PARTS).bind(parent).fetch_all(pool).await?,
    };
    rows.into_iter().map(|row| node(level, row)).collect()
}

pub async fn children(
    pool: &PgPool,
    parent: Option<(CatalogueLevel, Uuid)>,
) -> Result<Vec<CatalogueNode>, AppError> {
    match parent {
        None => rows(pool, CatalogueLevel::Category, None, None).await,
        Some((level, id)) => match level.child() {
            Some(child) => rows(pool, child, Some(id), None).await,
            None => Ok(Vec::new()),
        },
    }
}

pub async fn group(
    pool: &PgPool,
    level: CatalogueLevel,
    id: Uuid,
) -> Result<GroupDetail, AppError> {
    if level == CatalogueLevel::Part {
        return Err(AppError::NotFound);
    }
    let node = rows(pool, level, None, Some(id))
        .await?
        .into_iter()
        .find(|node| node.id == id)
        .ok_or(AppError::NotFound)?;
    let (description, trail, place) = place(pool, level, id).await?;
    Ok(GroupDetail {
        children: children(pool, Some((level, id))).await?,
        node,
        description,
        trail,
        place,
    })
}

/// The group's description, the crumbs above it and, for a sub-assembly,
/// its hierarchy path.
async fn place(
    pool: &PgPool,
    level: CatalogueLevel,
    id: Uuid,
) -> Result<(String, Vec<Crumb>, Option<String>), AppError> {
    type Row = (
        Option<String>,
        Option<Uuid>,
        Option<String>,
        Option<String>,
        Option<Uuid>,
        Option<String>,
        Option<String>,
    );
    let sql = match level {
        CatalogueLevel::Category => {
            "SELECT c.description, NULL::uuid, NULL, NULL, NULL::uuid, NULL, NULL
             FROM inventory.categories c WHERE c.id = $1"
        }
        CatalogueLevel::Assembly => {
            "SELECT a.description, c.id, c.name, c.code, NULL::uuid, NULL, NULL
             FROM inventory.assemblies a JOIN inventory.categories c ON c.id = a.category_id
             WHERE a.id = $1"
        }
        _ => {
            "SELECT sa.description, c.id, c.name, c.code, a.id, a.name,
                    c.code || ' > ' || a.part_number || ' > ' || sa.part_number
             FROM inventory.sub_assemblies sa
             JOIN inventory.assemblies a ON a.id = sa.assembly_id
             JOIN inventory.categories c ON c.id = a.category_id
             WHERE sa.id = $1"
        }
    };
    let (description, category_id, category_name, _, assembly_id, assembly_name, path): Row =
        sqlx::query_as(sql)
            .bind(id)
            .fetch_optional(pool)
            .await?
            .ok_or(AppError::NotFound)?;
    let mut trail = Vec::new();
    if let (Some(id), Some(name)) = (category_id, category_name) {
        trail.push(Crumb::item(CatalogueLevel::Category, id, name));
    }
    if let (Some(id), Some(name)) = (assembly_id, assembly_name) {
        trail.push(Crumb::item(CatalogueLevel::Assembly, id, name));
    }
    Ok((description.unwrap_or_default(), trail, path))
}
