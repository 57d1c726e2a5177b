//! The tree's reads: one level at a time, each node with its counts from
//! one grouped query, so expanding a node costs one round trip.

use sqlx::PgConnection;
use torvan::{CatalogueLevel, DbEnum, PartStatus, StockStatus};
use uuid::Uuid;

use super::crumbs::Crumb;
use super::model::{CatalogueNode, GroupDetail};
use crate::error::AppError;

struct NodeRow {
    id: Uuid,
    key: String,
    name: String,
    status: String,
    children: i64,
    parts: i64,
    stock_status: Option<String>,
}

fn node(level: CatalogueLevel, row: NodeRow) -> Result<CatalogueNode, AppError> {
    let href = match level {
        CatalogueLevel::Part => crate::routes::part(&row.key),
        group => crate::routes::catalogue_group(group, row.id),
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

/// The items of `level` under `parent`, or the one item `only`.
async fn rows(
    conn: &mut PgConnection,
    level: CatalogueLevel,
    parent: Option<Uuid>,
    only: Option<Uuid>,
) -> Result<Vec<CatalogueNode>, AppError> {
    let rows = match level {
        CatalogueLevel::Category => {
            sqlx::query_as!(
                NodeRow,
                r#"SELECT c.id, c.code AS key, c.name,
                          CASE WHEN coalesce(c.is_active, true) THEN 'ACTIVE' ELSE 'DISCONTINUED' END
                              AS "status!",
                          (SELECT count(*) FROM inventory.assemblies a WHERE a.category_id = c.id)
                              AS "children!",
                          (SELECT count(*) FROM inventory.assemblies a
                             JOIN inventory.sub_assemblies sa ON sa.assembly_id = a.id
                             JOIN inventory.parts p ON p.sub_assembly_id = sa.id
                            WHERE a.category_id = c.id) AS "parts!",
                          NULL::text AS "stock_status?"
                   FROM inventory.categories c
                   WHERE ($1::uuid IS NULL OR c.id = $1)
                   ORDER BY c.sort_order, c.code"#,
                only,
            )
            .fetch_all(conn)
            .await?
        }
        CatalogueLevel::Assembly => {
            sqlx::query_as!(
                NodeRow,
                r#"SELECT a.id, a.part_number AS key, a.name,
                          coalesce(a.status, 'ACTIVE')::text AS "status!",
                          (SELECT count(*) FROM inventory.sub_assemblies sa WHERE sa.assembly_id = a.id)
                              AS "children!",
                          (SELECT count(*) FROM inventory.sub_assemblies sa
                             JOIN inventory.parts p ON p.sub_assembly_id = sa.id
                            WHERE sa.assembly_id = a.id) AS "parts!",
                          NULL::text AS "stock_status?"
                   FROM inventory.assemblies a
                   WHERE a.category_id = $1 OR a.id = $2
                   ORDER BY a.part_number"#,
                parent,
                only,
            )
            .fetch_all(conn)
            .await?
        }
        CatalogueLevel::SubAssembly => {
            sqlx::query_as!(
                NodeRow,
                r#"SELECT sa.id, sa.part_number AS key, sa.name,
                          coalesce(sa.status, 'ACTIVE')::text AS "status!",
                          (SELECT count(*) FROM inventory.parts p WHERE p.sub_assembly_id = sa.id)
                              AS "children!",
                          (SELECT count(*) FROM inventory.parts p WHERE p.sub_assembly_id = sa.id)
                              AS "parts!",
                          NULL::text AS "stock_status?"
                   FROM inventory.sub_assemblies sa
                   WHERE sa.assembly_id = $1 OR sa.id = $2
                   ORDER BY sa.part_number"#,
                parent,
                only,
            )
            .fetch_all(conn)
            .await?
        }
        CatalogueLevel::Part => {
            sqlx::query_as!(
                NodeRow,
                r#"SELECT p.id, p.part_number AS key, p.name,
                          coalesce(p.status, 'ACTIVE')::text AS "status!",
                          0::bigint AS "children!", 0::bigint AS "parts!",
                          pa.stock_status AS "stock_status?"
                   FROM inventory.parts p
                   LEFT JOIN inventory.parts_availability pa ON pa.id = p.id
                   WHERE p.sub_assembly_id = $1
                   ORDER BY p.part_number"#,
                parent,
            )
            .fetch_all(conn)
            .await?
        }
    };
    rows.into_iter().map(|row| node(level, row)).collect()
}

pub async fn children(
    conn: &mut PgConnection,
    parent: Option<(CatalogueLevel, Uuid)>,
) -> Result<Vec<CatalogueNode>, AppError> {
    match parent {
        None => rows(conn, CatalogueLevel::Category, None, None).await,
        Some((level, id)) => match level.child() {
            Some(child) => rows(conn, child, Some(id), None).await,
            None => Ok(Vec::new()),
        },
    }
}

pub async fn group(
    conn: &mut PgConnection,
    level: CatalogueLevel,
    id: Uuid,
) -> Result<GroupDetail, AppError> {
    if level == CatalogueLevel::Part {
        return Err(AppError::NotFound);
    }
    let node = rows(conn, level, None, Some(id))
        .await?
        .into_iter()
        .find(|node| node.id == id)
        .ok_or(AppError::NotFound)?;
    let (description, trail, place) = place(conn, level, id).await?;
    Ok(GroupDetail {
        children: children(conn, Some((level, id))).await?,
        node,
        description,
        trail,
        place,
    })
}

/// A group's description and the groups above it.
struct PlaceRow {
    description: Option<String>,
    category_id: Option<Uuid>,
    category_name: Option<String>,
    assembly_id: Option<Uuid>,
    assembly_name: Option<String>,
    /// For a sub-assembly: its hierarchy path.
    path: Option<String>,
}

/// The group's description, the crumbs above it and, for a sub-assembly,
/// its hierarchy path.
async fn place(
    conn: &mut PgConnection,
    level: CatalogueLevel,
    id: Uuid,
) -> Result<(String, Vec<Crumb>, Option<String>), AppError> {
    let row = match level {
        CatalogueLevel::Category => {
            sqlx::query_as!(
                PlaceRow,
                r#"SELECT c.description, NULL::uuid AS "category_id?", NULL AS "category_name?",
                          NULL::uuid AS "assembly_id?", NULL AS "assembly_name?", NULL AS "path?"
                   FROM inventory.categories c WHERE c.id = $1"#,
                id,
            )
            .fetch_optional(conn)
            .await?
        }
        CatalogueLevel::Assembly => {
            sqlx::query_as!(
                PlaceRow,
                r#"SELECT a.description, c.id AS "category_id?", c.name AS "category_name?",
                          NULL::uuid AS "assembly_id?", NULL AS "assembly_name?", NULL AS "path?"
                   FROM inventory.assemblies a JOIN inventory.categories c ON c.id = a.category_id
                   WHERE a.id = $1"#,
                id,
            )
            .fetch_optional(conn)
            .await?
        }
        CatalogueLevel::SubAssembly | CatalogueLevel::Part => {
            sqlx::query_as!(
                PlaceRow,
                r#"SELECT sa.description, c.id AS "category_id?", c.name AS "category_name?",
                          a.id AS "assembly_id?", a.name AS "assembly_name?",
                          c.code || ' > ' || a.part_number || ' > ' || sa.part_number AS "path?"
                   FROM inventory.sub_assemblies sa
                   JOIN inventory.assemblies a ON a.id = sa.assembly_id
                   JOIN inventory.categories c ON c.id = a.category_id
                   WHERE sa.id = $1"#,
                id,
            )
            .fetch_optional(conn)
            .await?
        }
    }
    .ok_or(AppError::NotFound)?;
    let mut trail = Vec::new();
    if let (Some(id), Some(name)) = (row.category_id, row.category_name) {
        trail.push(Crumb::item(CatalogueLevel::Category, id, name));
    }
    if let (Some(id), Some(name)) = (row.assembly_id, row.assembly_name) {
        trail.push(Crumb::item(CatalogueLevel::Assembly, id, name));
    }
    Ok((row.description.unwrap_or_default(), trail, row.path))
}
