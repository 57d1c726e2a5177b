use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use torvan::part_spec::PartDraft;
use torvan::stock::MovementKind;
use torvan::{MakeOrBuy, PartStatus, StockStatus, SubstituteType, UnitOfMeasure};

use crate::error::AppError;
use crate::inventory::catalogue::Crumb;

/// Everything the part page shows; numbers and dates arrive formatted,
/// codes as the domain's types (the page shows their labels).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartDetail {
    pub draft: PartDraft,
    pub status: PartStatus,
    pub unit: UnitOfMeasure,
    pub make_or_buy: MakeOrBuy,
    pub standard_cost: Option<String>,
    pub trail: Vec<Crumb>,
    pub is_custom_part: bool,
    pub vendor_name: Option<String>,
    pub on_hand: i32,
    pub allocated: i32,
    pub available: i32,
    /// None for parts that are not active (they are not stocked).
    pub stock_status: Option<StockStatus>,
    pub weight: Option<String>,
    pub average_cost: Option<String>,
    pub last_cost: Option<String>,
    pub substitutes: Vec<SubstituteLine>,
    pub substitute_for: Vec<SubstituteLine>,
    pub where_used: Vec<Usage>,
    pub movements: Vec<MovementLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubstituteLine {
    pub part_number: String,
    pub name: String,
    pub kind: SubstituteType,
    pub conversion_factor: String,
    pub available: i32,
    pub notes: Option<String>,
}

/// A BOM template or an order's BOM that lists the part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub kind: String,
    pub reference: String,
    pub quantity: String,
    /// The BOM's page, for an order BOM.
    pub href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementLine {
    pub at: String,
    pub kind: MovementKind,
    pub on_hand_change: i32,
    pub allocated_change: i32,
    pub on_hand_after: i32,
    pub note: Option<String>,
    pub by: Option<String>,
}

/// The choices the part form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartFormChoices {
    /// (hierarchy path, label) of every active sub-assembly.
    pub places: Vec<(String, String)>,
    /// (code, name) of every active vendor.
    pub vendors: Vec<(String, String)>,
}

#[server(prefix = "/api", endpoint = "inventory/part")]
pub async fn get_part(part_number: String) -> Result<PartDetail, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    super::queries::detail(&crate::state::pool()?, &part_number).await
}

#[server(prefix = "/api", endpoint = "inventory/part/form-options")]
pub async fn part_form_options() -> Result<PartFormChoices, AppError> {
    crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Read)?;
    super::queries::form_options(&crate::state::pool()?).await
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
    let pool = crate::state::pool()?;
    let mut tx = crate::db::begin_as(&pool, &session).await?;
    let saved =
        super::save::save(&mut tx, original.as_deref(), &spec, session.user.id, false).await?;
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
    let pool = crate::state::pool()?;
    let mut tx = crate::db::begin_as(&pool, &session).await?;
    let number = crate::inventory::part_numbers::next_custom(&mut *tx, category).await?;
    let spec = PartDraft {
        part_number: number,
        ..draft
    }
    .validate()?;
    let saved = super::save::save(&mut tx, None, &spec, session.user.id, true).await?;
    tx.commit().await?;
    Ok(saved)
}

#[server(prefix = "/api", endpoint = "inventory/stock/receive")]
pub async fn receive_stock(
    part_number: String,
    quantity: String,
    note: String,
) -> Result<i32, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    super::stock_changes::receive(
        &crate::state::pool()?,
        &session,
        &part_number,
        &quantity,
        &note,
    )
    .await
}

#[server(prefix = "/api", endpoint = "inventory/stock/adjust")]
pub async fn adjust_stock(
    part_number: String,
    change: String,
    reason: String,
) -> Result<i32, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    super::stock_changes::adjust(
        &crate::state::pool()?,
        &session,
        &part_number,
        &change,
        &reason,
    )
    .await
}

#[server(prefix = "/api", endpoint = "inventory/substitutes/add")]
pub async fn add_substitute(
    part_number: String,
    substitute: String,
    kind: String,
    conversion_factor: String,
    notes: String,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    let request = super::stock_changes::SubstituteRequest {
        part_number: &part_number,
        substitute: &substitute,
        kind: &kind,
        conversion_factor: &conversion_factor,
        notes: &notes,
    };
    super::stock_changes::add_substitute(&crate::state::pool()?, &session, request).await
}

#[server(prefix = "/api", endpoint = "inventory/substitutes/remove")]
pub async fn remove_substitute(part_number: String, substitute: String) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Inventory, torvan::Action::Update)?;
    super::stock_changes::remove_substitute(
        &crate::state::pool()?,
        &session,
        &part_number,
        &substitute,
    )
    .await
}
