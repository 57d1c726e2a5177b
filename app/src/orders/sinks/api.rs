use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;
use torvan::sink::{ConfigurationStatus, FamilyOptions, SinkChoices};

use crate::error::AppError;

/// Who did something to a configuration, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub by: String,
    pub at: String,
}

/// One sink configuration as the wizard edits it, with the families it may
/// choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SinkWizard {
    pub order_number: String,
    pub build_number: String,
    pub status: ConfigurationStatus,
    /// What a save names, so it is refused if someone saved meanwhile.
    pub version: i64,
    pub choices: SinkChoices,
    pub families: Vec<FamilyOptions>,
    pub validated: Option<Stamp>,
    pub approved: Option<Stamp>,
    /// One build number per identical sink, given on approval.
    pub builds: Vec<String>,
    /// Sinks change only while their order waits to start production.
    pub order_open: bool,
    pub may_edit: bool,
    pub may_approve: bool,
}

impl SinkWizard {
    pub fn editable(&self) -> bool {
        self.may_edit && self.order_open && self.status.editable()
    }
}

#[server(prefix = "/api", endpoint = "orders/sinks/get")]
pub async fn get_sink(order_number: String, build_number: String) -> Result<SinkWizard, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Configurations, torvan::Action::Read)?;
    let pool = crate::state::pool()?;
    let mut wizard = super::queries::wizard(&pool, &order_number, &build_number).await?;
    let role = session.user.role;
    wizard.may_edit = torvan::permits(
        role,
        torvan::Resource::Configurations,
        torvan::Action::Update,
    );
    wizard.may_approve = torvan::permits(
        role,
        torvan::Resource::Configurations,
        torvan::Action::Approve,
    );
    Ok(wizard)
}

/// Starts a draft configuration of `family` on the order; returns its build
/// number.
#[server(prefix = "/api", endpoint = "orders/sinks/add")]
pub async fn add_sink(order_number: String, family: String) -> Result<String, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Configurations, torvan::Action::Create)?;
    let pool = crate::state::pool()?;
    super::save::add(&pool, &session, &order_number, &family).await
}

/// A configuration's status and version after a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub status: ConfigurationStatus,
    pub version: i64,
}

/// Saves the choices as a draft; a validated configuration becomes a draft
/// again.
#[server(prefix = "/api", endpoint = "orders/sinks/save", input = Json)]
pub async fn save_sink(
    order_number: String,
    build_number: String,
    version: i64,
    choices: SinkChoices,
) -> Result<Saved, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Configurations, torvan::Action::Update)?;
    let pool = crate::state::pool()?;
    let target = super::queries::Target {
        order_number: &order_number,
        build_number: &build_number,
    };
    super::save::save(&pool, &session, (target, version), &choices, false).await
}

/// Saves the choices and, if every rule holds, marks the configuration
/// validated.
#[server(prefix = "/api", endpoint = "orders/sinks/validate", input = Json)]
pub async fn validate_sink(
    order_number: String,
    build_number: String,
    version: i64,
    choices: SinkChoices,
) -> Result<Saved, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Configurations, torvan::Action::Update)?;
    let pool = crate::state::pool()?;
    let target = super::queries::Target {
        order_number: &order_number,
        build_number: &build_number,
    };
    super::save::save(&pool, &session, (target, version), &choices, true).await
}

/// Approves a validated configuration and gives each of its sinks a build
/// number.
#[server(prefix = "/api", endpoint = "orders/sinks/approve")]
pub async fn approve_sink(order_number: String, build_number: String) -> Result<(), AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Configurations, torvan::Action::Approve)?;
    let pool = crate::state::pool()?;
    let target = super::queries::Target {
        order_number: &order_number,
        build_number: &build_number,
    };
    super::save::approve(&pool, &session, target).await
}

/// Copies a configuration into a new draft on the same order; returns the
/// new build number.
#[server(prefix = "/api", endpoint = "orders/sinks/duplicate")]
pub async fn duplicate_sink(
    order_number: String,
    build_number: String,
) -> Result<String, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Configurations, torvan::Action::Create)?;
    let pool = crate::state::pool()?;
    let target = super::queries::Target {
        order_number: &order_number,
        build_number: &build_number,
    };
    super::save::duplicate(&pool, &session, target).await
}
