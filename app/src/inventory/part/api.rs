//! The part page's and the part form's server functions.

use leptos::prelude::*;
use torvan::part_spec::PartDraft;

use super::model::{AdjustmentEntry, PartDetail, PartFormChoices, ReceiptEntry, SubstitutionEntry};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "inventory/part")]
pub async fn get_part(part_number: String) -> Result<PartDetail, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let number = torvan::PartNumber::parse(&part_number).map_err(|_| AppError::NotFound)?;
    let mut conn = crate::db::connection().await?;
    super::queries::detail(&mut conn, &number).await
}

#[server(prefix = "/api", endpoint = "inventory/part/form-options")]
pub async fn part_form_options() -> Result<PartFormChoices, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::form_options(&mut conn).await
}

/// Creates a part (`original` empty) or updates the part `original` names;
/// returns the part number saved.
#[server(prefix = "/api", endpoint = "inventory/part/save")]
pub async fn save_part(original: Option<String>, draft: PartDraft) -> Result<String, AppError> {
    let action = if original.is_some() {
        torvan::Action::Update
    } else {
        torvan::Action::Create
    };
    let session = crate::auth::guard::require(torvan::Resource::Inventory, action)?;
    let spec = draft.validate()?;
    let original = original
        .map(|number| torvan::PartNumber::parse(&number).map_err(|_| AppError::NotFound))
        .transpose()?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let saved = super::save::save(&mut tx, original.as_ref(), &spec, session.user.id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Creates a 700-series part with the next number of `category`.
#[server(prefix = "/api", endpoint = "inventory/part/custom")]
pub async fn create_custom_part(category: String, draft: PartDraft) -> Result<String, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Create)?;
    use torvan::DbEnum;
    let category = torvan::CustomCategory::parse(&category)
        .map_err(|_| AppError::invalid("category", "Choose one of the custom part series."))?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let saved = super::save::create_custom(&mut tx, category, draft, session.user.id).await?;
    tx.commit().await?;
    Ok(saved)
}

#[server(prefix = "/api", endpoint = "inventory/stock/receive")]
pub async fn receive_stock(part_number: String, receipt: ReceiptEntry) -> Result<i32, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    let parsed = torvan::stock_entry::Receipt::parse(&receipt.quantity, &receipt.note)?;
    let number = torvan::PartNumber::parse(&part_number).map_err(|_| AppError::NotFound)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let on_hand =
        super::stock_changes::receive(&mut tx, &number, &parsed, &receipt, session.user.id).await?;
    tx.commit().await?;
    Ok(on_hand)
}

#[server(prefix = "/api", endpoint = "inventory/stock/adjust")]
pub async fn adjust_stock(
    part_number: String,
    adjustment: AdjustmentEntry,
) -> Result<i32, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    let lot = torvan::lots::LotNumber::optional(&adjustment.lot)
        .map_err(|message| AppError::invalid("lot", message))?;
    let adjustment =
        torvan::stock_entry::Adjustment::parse(&adjustment.change, &adjustment.reason)?;
    let number = torvan::PartNumber::parse(&part_number).map_err(|_| AppError::NotFound)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let on_hand =
        super::stock_changes::adjust(&mut tx, &number, &adjustment, lot.as_ref(), session.user.id)
            .await?;
    tx.commit().await?;
    Ok(on_hand)
}

#[server(prefix = "/api", endpoint = "inventory/substitutes/add")]
pub async fn add_substitute(
    part_number: String,
    substitution: SubstitutionEntry,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    let substitution = torvan::substitute_type::Substitution::parse(
        &substitution.substitute,
        &substitution.kind,
        &substitution.conversion_factor,
        &substitution.notes,
    )?;
    let number = torvan::PartNumber::parse(&part_number).map_err(|_| AppError::NotFound)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::substitute_changes::add(&mut tx, &number, &substitution).await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "inventory/substitutes/remove")]
pub async fn remove_substitute(part_number: String, substitute: String) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    let number = torvan::PartNumber::parse(&part_number).map_err(|_| AppError::NotFound)?;
    let substitute = torvan::PartNumber::parse(&substitute).map_err(|_| AppError::NotFound)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::substitute_changes::remove(&mut tx, &number, &substitute).await?;
    tx.commit().await?;
    Ok(())
}
