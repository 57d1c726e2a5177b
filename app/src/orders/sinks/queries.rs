//! Reading the wizard's catalogue and one configuration. Statuses are
//! parsed here, and the configuration's JSON columns become `Columns`, so
//! the writes and the BOM generation work with types.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgConnection;
use torvan::sink::{ConfigurationStatus, FamilyOptions, Limits, OptionGroup, SinkOption, Span};
use torvan::{BuildNumber, DbEnum, OrderNumber, OrderStatus};
use uuid::Uuid;

use super::columns::{Columns, to_choices};
use super::model::{SinkWizard, Stamp};
use crate::error::AppError;
use crate::orders::lock::lock_order;

fn span(limits: &[Decimal], index: usize) -> Span {
    Span {
        min: limits[2 * index],
        max: limits[2 * index + 1],
    }
}

/// Every active, configurable family with its active options in order. The
/// schema guarantees such a family has all its limits and base figures.
pub async fn families(conn: &mut PgConnection) -> Result<Vec<FamilyOptions>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT code, name, base_price AS "base_price!", base_width AS "base_width!",
                  base_depth AS "base_depth!", base_height AS "base_height!",
                  price_per_extra_inch, extra_basin_price, max_basins AS "max_basins!",
                  ARRAY[min_width, max_width, min_depth, max_depth, min_height, max_height,
                        basin_min_width, basin_max_width, basin_min_length, basin_max_length,
                        basin_min_depth, basin_max_depth] AS "limits!: Vec<Decimal>"
           FROM products.sink_families
           WHERE is_active AND is_configurable
           ORDER BY name"#
    )
    .fetch_all(&mut *conn)
    .await?;
    let options = sqlx::query!(
        r#"SELECT f.code AS family, o.option_group, o.code, o.label, o.price,
                  p.part_number AS "part_number?", o.is_default
           FROM products.sink_family_options o
           JOIN products.sink_families f ON f.id = o.sink_family_id
           LEFT JOIN inventory.parts p ON p.id = o.part_id
           WHERE o.is_active
           ORDER BY o.option_group, o.sort_order, o.label"#
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
    let rows = sqlx::query!(
        "SELECT code, name FROM products.sink_families
         WHERE is_active AND is_configurable ORDER BY name"
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|row| (row.code, row.name)).collect())
}

/// One family with its options, as the wizard offers it.
pub async fn family(conn: &mut PgConnection, code: &str) -> Result<FamilyOptions, AppError> {
    families(conn)
        .await?
        .into_iter()
        .find(|family| family.code == code)
        .ok_or_else(|| AppError::invalid("family", "Choose a sink family."))
}

/// One configuration, named as its URL names it.
pub struct Target {
    pub order_number: OrderNumber,
    pub build_number: BuildNumber,
}

impl Target {
    /// The numbers as a URL or a form carries them; a malformed one names
    /// no configuration.
    pub fn parse(order_number: &str, build_number: &str) -> Result<Self, AppError> {
        Ok(Self {
            order_number: OrderNumber::parse(order_number)?,
            build_number: BuildNumber::parse(build_number)?,
        })
    }
}

/// One configuration and the status of its order, which decides whether it
/// may change.
pub struct ConfigRow {
    pub id: Uuid,
    pub order_id: Uuid,
    pub order_status: OrderStatus,
    pub family: String,
    pub status: ConfigurationStatus,
    /// What a saving page names, so that a change made meanwhile by someone
    /// else is not overwritten; every change bumps it.
    pub version: i32,
    pub columns: Columns,
    pub validated: Option<Stamp>,
    /// Who validated it: separation of duties keeps them from approving it.
    pub validated_by: Option<Uuid>,
    pub approved: Option<Stamp>,
}

fn stamp(by: Option<String>, at: Option<DateTime<Utc>>) -> Option<Stamp> {
    Some(Stamp {
        by: by?,
        at: torvan::text::minute_utc(at?),
    })
}

/// Reads the configuration; `lock` first locks its order (`lock_order`)
/// until the transaction ends, so two writers to one order take turns.
pub async fn config(
    conn: &mut PgConnection,
    target: &Target,
    lock: bool,
) -> Result<ConfigRow, AppError> {
    if lock {
        lock_order(conn, &target.order_number).await?;
    }
    let row = sqlx::query!(
        r#"SELECT c.id, o.id AS order_id, o.status::text AS "order_status!", f.code AS family,
                  coalesce(c.configuration_status, 'DRAFT') AS "status!", c.version,
                  c.quantity, c.body_material, c.body_finish, c.body_dimensions, c.mounting_type,
                  c.basin_configuration, c.pegboard_config, c.leg_config, c.additional_components,
                  vu.first_name || ' ' || vu.last_name AS "validated_by?", c.validated_at,
                  c.validated_by AS validated_by_id,
                  au.first_name || ' ' || au.last_name AS "approved_by?", c.approved_at
           FROM orders.order_sink_configurations c
           JOIN orders.orders o ON o.id = c.order_id
           JOIN products.sink_families f ON f.id = c.sink_family_id
           LEFT JOIN auth.users vu ON vu.id = c.validated_by
           LEFT JOIN auth.users au ON au.id = c.approved_by
           WHERE o.order_number = $1 AND c.build_number = $2"#,
        target.order_number.as_str(),
        target.build_number.as_str(),
    )
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(ConfigRow {
        id: row.id,
        order_id: row.order_id,
        order_status: OrderStatus::parse(&row.order_status)?,
        family: row.family,
        status: ConfigurationStatus::parse(&row.status)?,
        version: row.version,
        columns: Columns {
            quantity: row.quantity,
            body_material: row.body_material,
            body_finish: row.body_finish,
            body_dimensions: row.body_dimensions,
            mounting_type: row.mounting_type,
            basin_configuration: row.basin_configuration,
            pegboard_config: row.pegboard_config,
            leg_config: row.leg_config,
            additional_components: row.additional_components,
        },
        validated: stamp(row.validated_by, row.validated_at),
        validated_by: row.validated_by_id,
        approved: stamp(row.approved_by, row.approved_at),
    })
}

/// The configuration as the wizard edits it, with its signatures and why
/// `viewer` may not approve it; the caller fills in what the session may do.
pub async fn wizard(
    conn: &mut PgConnection,
    target: &Target,
    viewer: Uuid,
) -> Result<SinkWizard, AppError> {
    let row = config(conn, target, false).await?;
    let signatures = super::signed::shown(conn, target, &row).await?;
    let approval_refused = match row.status {
        ConfigurationStatus::Validated => super::signed::refusal(conn, &row, viewer).await?,
        _ => None,
    };
    let builds = sqlx::query_scalar!(
        "SELECT build_number FROM orders.sink_builds WHERE configuration_id = $1 ORDER BY unit_number",
        row.id,
    )
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|build| BuildNumber::parse(build))
    .collect::<Result<_, _>>()?;
    Ok(SinkWizard {
        order_number: target.order_number.clone(),
        build_number: target.build_number.clone(),
        status: row.status,
        version: row.version,
        choices: to_choices(row.family.clone(), &row.columns),
        families: families(conn).await?,
        validated: row.validated,
        approved: row.approved,
        builds,
        order_open: row.order_status == OrderStatus::Pending,
        may_edit: false,
        may_approve: false,
        signatures,
        approval_refused,
    })
}
