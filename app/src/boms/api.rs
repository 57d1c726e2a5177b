//! The BOM page's server functions: each checks the permission, parses its
//! arguments, and runs one feature function in one connection or one
//! transaction that it commits.

use leptos::prelude::*;
use torvan::bom::BomStatus;
use uuid::Uuid;

use super::model::{BomPageData, Shortage};
use crate::error::AppError;
use crate::signatures::Signing;

/// The configuration's BOM versions and one of them (the newest when no
/// version is named), compared with another version when one is named.
#[server(prefix = "/api", endpoint = "boms/get")]
pub async fn get_bom(
    order_number: String,
    build_number: String,
    version: Option<i32>,
    compare_with: Option<i32>,
) -> Result<BomPageData, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Boms, torvan::Action::Read)?;
    let order_number = torvan::OrderNumber::parse(&order_number).map_err(|_| AppError::NotFound)?;
    let build_number = torvan::BuildNumber::parse(&build_number).map_err(|_| AppError::NotFound)?;
    let shown = super::queries::Shown {
        version,
        compare_with,
        viewer: Some(session.user.id),
    };
    let mut conn = crate::db::connection().await?;
    super::queries::page(&mut conn, &order_number, &build_number, shown).await
}

/// Generates a new draft version from the family's templates.
#[server(prefix = "/api", endpoint = "boms/generate")]
pub async fn generate_bom(
    order_number: String,
    build_number: String,
    reason: String,
) -> Result<i32, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Boms, torvan::Action::Create)?;
    let reason = torvan::bom::ChangeReason::parse(&reason)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    let order_number = torvan::OrderNumber::parse(&order_number).map_err(|_| AppError::NotFound)?;
    let build_number = torvan::BuildNumber::parse(&build_number).map_err(|_| AppError::NotFound)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let version = super::regenerate::regenerate(
        &mut tx,
        session.user.id,
        &order_number,
        &build_number,
        &reason,
    )
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// Sends a draft for approval (`PENDING_APPROVAL`) or a pending one back
/// (`DRAFT`).
#[server(prefix = "/api", endpoint = "boms/status")]
pub async fn move_bom(bom_id: Uuid, to: BomStatus) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Boms, torvan::Action::Update)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::approve::move_to(&mut tx, bom_id, to).await?;
    tx.commit().await?;
    Ok(())
}

/// Approves a pending version under the caller's electronic signature
/// (their password asked again, meaning Approved; someone other than who
/// generated it, unless the small-shop setting allows) and allocates its
/// stock: every line in full or nothing, unless `partial` allocates what is
/// available and lists the rest.
#[server(prefix = "/api", endpoint = "boms/approve")]
pub async fn approve_bom(
    bom_id: Uuid,
    partial: bool,
    signing: Signing,
) -> Result<Vec<Shortage>, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Boms, torvan::Action::Approve)?;
    torvan::signature::expect_meaning(signing.meaning, torvan::signature::Meaning::Approved)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    let mode = if partial {
        crate::inventory::stock::AllocationMode::WhatIsAvailable
    } else {
        crate::inventory::stock::AllocationMode::AllOrNothing
    };
    crate::auth::reauthenticate::confirm(&session, signing.password).await?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let shortages = super::approve::approve(&mut tx, session.user.id, bom_id, mode).await?;
    tx.commit().await?;
    Ok(shortages)
}

/// Withdraws an approved version: it becomes obsolete and its stock is
/// released.
#[server(prefix = "/api", endpoint = "boms/withdraw")]
pub async fn withdraw_bom(bom_id: Uuid) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Boms, torvan::Action::Approve)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::stock::withdraw(&mut tx, session.user.id, bom_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Issues the stock an approved version holds to its build; returns the
/// number of parts issued.
#[server(prefix = "/api", endpoint = "boms/issue")]
pub async fn issue_bom(bom_id: Uuid) -> Result<usize, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Boms, torvan::Action::Update)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let issued = super::stock::issue(&mut tx, session.user.id, bom_id).await?;
    tx.commit().await?;
    Ok(issued)
}
