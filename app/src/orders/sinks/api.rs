//! The sink wizard's server functions. Each takes the order and build
//! numbers as the URL carries them and parses them first
//! (`Target::parse`); a malformed one names nothing.

use leptos::prelude::*;
use server_fn::codec::Json;
use torvan::BuildNumber;
use torvan::sink::SinkChoices;

use super::model::{Saved, SinkWizard};
use crate::error::AppError;
use crate::signatures::Signing;

#[server(prefix = "/api", endpoint = "orders/sinks/get")]
pub async fn get_sink(order_number: String, build_number: String) -> Result<SinkWizard, AppError> {
    use torvan::{Action, Resource, permits};
    let session = crate::auth::guard::require(Resource::Configurations, Action::Read)?;
    let target = super::queries::Target::parse(&order_number, &build_number)?;
    let mut conn = crate::db::connection().await?;
    let mut wizard = super::queries::wizard(&mut conn, &target, session.user.id).await?;
    let role = session.user.role;
    wizard.may_edit = permits(role, Resource::Configurations, Action::Update);
    wizard.may_approve = permits(role, Resource::Configurations, Action::Approve);
    Ok(wizard)
}

/// Starts a draft configuration of `family` on the order; returns its build
/// number.
#[server(prefix = "/api", endpoint = "orders/sinks/add")]
pub async fn add_sink(order_number: String, family: String) -> Result<BuildNumber, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Configurations, torvan::Action::Create)?;
    let order_number = torvan::OrderNumber::parse(&order_number)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let build = super::save::add(&mut tx, &session, &order_number, &family).await?;
    tx.commit().await?;
    Ok(build)
}

/// Saves the choices as a draft; a validated configuration becomes a draft
/// again.
#[server(prefix = "/api", endpoint = "orders/sinks/save", input = Json)]
pub async fn save_sink(
    order_number: String,
    build_number: String,
    version: i32,
    choices: SinkChoices,
) -> Result<Saved, AppError> {
    store(order_number, build_number, version, choices, false).await
}

/// Saves the choices and, if every rule holds, marks the configuration
/// validated.
#[server(prefix = "/api", endpoint = "orders/sinks/validate", input = Json)]
pub async fn validate_sink(
    order_number: String,
    build_number: String,
    version: i32,
    choices: SinkChoices,
) -> Result<Saved, AppError> {
    store(order_number, build_number, version, choices, true).await
}

/// What saving and validating share: the choices stored in one
/// transaction, marked validated when `validate` is set and every rule
/// holds.
#[cfg(feature = "ssr")]
async fn store(
    order_number: String,
    build_number: String,
    version: i32,
    choices: SinkChoices,
    validate: bool,
) -> Result<Saved, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Configurations, torvan::Action::Update)?;
    let target = super::queries::Target::parse(&order_number, &build_number)?;
    choices.check_list_lengths()?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let saved =
        super::save::save(&mut tx, &session, (&target, version), &choices, validate).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Approves a validated configuration under the caller's electronic
/// signature (their password asked again, meaning Approved; someone other
/// than who validated it, unless the small-shop setting allows) and gives
/// each of its sinks a build number.
#[server(prefix = "/api", endpoint = "orders/sinks/approve")]
pub async fn approve_sink(
    order_number: String,
    build_number: String,
    signing: Signing,
) -> Result<(), AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Configurations, torvan::Action::Approve)?;
    let target = super::queries::Target::parse(&order_number, &build_number)?;
    torvan::signature::expect_meaning(signing.meaning, torvan::signature::Meaning::Approved)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    crate::auth::reauthenticate::confirm(&session, signing.password).await?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::save::approve(&mut tx, &session, &target).await?;
    tx.commit().await?;
    Ok(())
}

/// Copies a configuration into a new draft on the same order; returns the
/// new build number.
#[server(prefix = "/api", endpoint = "orders/sinks/duplicate")]
pub async fn duplicate_sink(
    order_number: String,
    build_number: String,
) -> Result<BuildNumber, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Configurations, torvan::Action::Create)?;
    let target = super::queries::Target::parse(&order_number, &build_number)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let copy = super::save::duplicate(&mut tx, &session, &target).await?;
    tx.commit().await?;
    Ok(copy)
}
