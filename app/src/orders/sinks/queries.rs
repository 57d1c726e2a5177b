//! Reading the wizard's catalogue and one configuration.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use torvan::DbEnum;
use torvan::sink::{ConfigurationStatus, FamilyOptions, Limits, OptionGroup, SinkOption, Span};
use uuid::Uuid;

use super::api::{SinkWizard, Stamp};
use super::columns::{Columns, to_choices};
use crate::error::AppError;

#[derive(sqlx::FromRow)]
struct FamilyRow {
    code: String,
    name: String,
    base_price: Decimal,
    base_width: Decimal,
    base_depth: Decimal,
    base_height: Decimal,
    price_per_extra_inch: Decimal,
    extra_basin_price: Decimal,
    limits: Vec<Decimal>,
    max_basins: i32,
}

#[derive(sqlx::FromRow)]
struct OptionRow {
    family: String,
    option_group: String,
    code: String,
    label: String,
    price: Decimal,
    part_number: Option<String>,
    is_default: bool,
}

fn span(limits: &[Decimal], index: usize) -> Span {
    Span {
        min: limits[2 * index],
        max: limits[2 * index + 1],
    }
}

/// Every active, configurable family with its active options in order. The
/// schema guarantees such a family has all its limits.
pub async fn families(conn: &mut PgConnection) -> Result<Vec<FamilyOptions>, AppError> {
    let rows: Vec<FamilyRow> = sqlx::query_as(
        "SELECT code, name, base_price, base_width, base_depth, base_height,
                price_per_extra_inch, extra_basin_price, max_basins,
                ARRAY[min_width, max_width, min_depth, max_depth, min_height, max_height,
                      basin_min_width, basin_max_width, basin_min_length, basin_max_length,
                      basin_min_depth, basin_max_depth] AS limits
         FROM products.sink_families
         WHERE is_active AND is_configurable
         ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let options: Vec<OptionRow> = sqlx::query_as(
        "SELECT f.code AS family, o.option_group, o.code, o.label, o.price, p.part_number,
                o.is_default
         FROM products.sink_family_options o
         JOIN products.sink_families f ON f.id = o.sink_family_id
         LEFT JOIN inventory.parts p ON p.id = o.part_id
         WHERE o.is_active
         ORDER BY o.option_group, o.sort_order, o.label",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut by_family: BTreeMap<String, Vec<SinkOption>> = BTreeMap::new();
    for option in options {
        by_family
            .entry(option.family)
            .or_default()
            .push(SinkOption {
                group: OptionGroup::parse(&option.option_group)?,
                code: option.code,
                label: option.label,
                price: option.price,
                part_number: option.part_number,
                is_default: option.is_default,
            });
    }
    Ok(rows
        .into_iter()
        .map(|row| FamilyOptions {
            options: by_family.remove(&row.code).unwrap_or_default(),
            limits: Limits {
                width: span(&row.limits, 0),
                depth: span(&row.limits, 1),
                height: span(&row.limits, 2),
                basin_width: span(&row.limits, 3),
                basin_length: span(&row.limits, 4),
                basin_depth: span(&row.limits, 5),
                max_basins: row.max_basins.max(0) as usize,
            },
            code: row.code,
            name: row.name,
            base_price: row.base_price,
            base_width: row.base_width,
            base_depth: row.base_depth,
            base_height: row.base_height,
            price_per_extra_inch: row.price_per_extra_inch,
            extra_basin_price: row.extra_basin_price,
        })
        .collect())
}

/// The families a new sink can start from, as (code, name).
pub async fn family_names(conn: &mut PgConnection) -> Result<Vec<(String, String)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT code, name FROM products.sink_families
         WHERE is_active AND is_configurable ORDER BY name",
    )
    .fetch_all(conn)
    .await?)
}

/// One configuration and the facts about its order that decide what may
/// change.
#[derive(sqlx::FromRow)]
pub struct ConfigRow {
    pub id: Uuid,
    pub order_id: Uuid,
    pub order_status: String,
    pub order_type: String,
    pub family: String,
    pub status: String,
    /// When the row last changed, in microseconds: what a saving page names
    /// so that a change made meanwhile by someone else is not overwritten.
    pub version: i64,
    #[sqlx(flatten)]
    pub columns: Columns,
    validated_by: Option<String>,
    validated_at: Option<DateTime<Utc>>,
    approved_by: Option<String>,
    approved_at: Option<DateTime<Utc>>,
}

pub struct Target<'a> {
    pub order_number: &'a str,
    pub build_number: &'a str,
}

/// Reads the configuration; `lock` holds its order row until the
/// transaction ends, so two writers to one order take turns.
pub async fn config(
    conn: &mut PgConnection,
    target: &Target<'_>,
    lock: bool,
) -> Result<ConfigRow, AppError> {
    let sql = format!(
        "SELECT c.id, o.id AS order_id, o.status::text AS order_status,
                coalesce(o.order_type, 'PRODUCTION')::text AS order_type, f.code AS family,
                coalesce(c.configuration_status, 'DRAFT') AS status,
                (extract(epoch FROM c.updated_at) * 1000000)::bigint AS version,
                c.quantity, c.body_material, c.body_finish, c.body_dimensions, c.mounting_type,
                c.basin_configuration, c.pegboard_config, c.leg_config, c.additional_components,
                vu.first_name || ' ' || vu.last_name AS validated_by, c.validated_at,
                au.first_name || ' ' || au.last_name AS approved_by, c.approved_at
         FROM orders.order_sink_configurations c
         JOIN orders.orders o ON o.id = c.order_id
         JOIN products.sink_families f ON f.id = c.sink_family_id
         LEFT JOIN auth.users vu ON vu.id = c.validated_by
         LEFT JOIN auth.users au ON au.id = c.approved_by
         WHERE o.order_number = $1 AND c.build_number = $2 {}",
        if lock { "FOR UPDATE OF o, c" } else { "" }
    );
    sqlx::query_as(&sql)
        .bind(target.order_number)
        .bind(target.build_number)
        .fetch_optional(conn)
        .await?
        .ok_or(AppError::NotFound)
}

fn stamp(by: Option<String>, at: Option<DateTime<Utc>>) -> Option<Stamp> {
    Some(Stamp {
        by: by?,
        at: at?.format("%Y-%m-%d %H:%M UTC").to_string(),
    })
}

pub async fn wizard(
    pool: &PgPool,
    order_number: &str,
    build_number: &str,
) -> Result<SinkWizard, AppError> {
    let mut conn = pool.acquire().await?;
    let target = Target {
        order_number,
        build_number,
    };
    let row = config(&mut conn, &target, false).await?;
    let builds: Vec<String> = sqlx::query_scalar(
        "SELECT build_number FROM orders.sink_builds WHERE configuration_id = $1 ORDER BY unit_number",
    )
    .bind(row.id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(SinkWizard {
        order_number: order_number.to_owned(),
        build_number: build_number.to_owned(),
        status: ConfigurationStatus::parse(&row.status)?,
        version: row.version,
        choices: to_choices(row.family.clone(), &row.columns),
        families: families(&mut conn).await?,
        validated: stamp(row.validated_by, row.validated_at),
        approved: stamp(row.approved_by, row.approved_at),
        builds,
        order_open: row.order_status == "PENDING",
        may_edit: false,
        may_approve: false,
    })
}

/// One family with its options, as the wizard offers it.
pub async fn family(conn: &mut PgConnection, code: &str) -> Result<FamilyOptions, AppError> {
    families(conn)
        .await?
        .into_iter()
        .find(|family| family.code == code)
        .ok_or_else(|| AppError::invalid("family", "Choose a sink family."))
}
