//! The QC server functions: read a checklist and the list, record a
//! result, work a defect, sign off and review. Each checks its permission,
//! parses its arguments into domain types, and runs one feature function
//! in one transaction with its audit rows.

use leptos::prelude::*;
use uuid::Uuid;

use super::model::{BuildQc, ChecklistLine, ChecklistView, DefectFields, DefectView, Recorded};
use crate::error::AppError;
use crate::signatures::Signing;

#[cfg(feature = "ssr")]
fn phase_of(slug: &str) -> Result<torvan::quality::QcPhase, AppError> {
    crate::routes::phase_from_slug(slug).ok_or(AppError::NotFound)
}

/// A build's checklist for a phase (`pre-qc` or `final-qc`).
#[server(prefix = "/api", endpoint = "qc/checklist")]
pub async fn get_checklist(build: String, phase: String) -> Result<ChecklistView, AppError> {
    crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Read)?;
    let build = torvan::BuildNumber::parse(&build).map_err(|_| AppError::NotFound)?;
    let phase = phase_of(&phase)?;
    let mut conn = crate::db::connection().await?;
    super::queries::checklist(&mut conn, &build, phase).await
}

/// The defects of a build's checklist for a phase, oldest first.
#[server(prefix = "/api", endpoint = "qc/defects")]
pub async fn list_defects(build: String, phase: String) -> Result<Vec<DefectView>, AppError> {
    use torvan::DbEnum;
    crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Read)?;
    let build = torvan::BuildNumber::parse(&build).map_err(|_| AppError::NotFound)?;
    let phase = phase_of(&phase)?;
    let mut conn = crate::db::connection().await?;
    let checklist = sqlx::query_scalar!(
        "SELECT c.id FROM quality.qc_checklists c JOIN orders.sink_builds b ON b.id = c.build_id
         WHERE b.build_number = $1 AND c.phase = $2::text::qc_phase",
        build.as_str(),
        phase.as_db_str(),
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    super::queries::defects(&mut conn, checklist).await
}

/// Open checklists first, then the latest signed ones.
#[server(prefix = "/api", endpoint = "qc/checklists")]
pub async fn list_checklists() -> Result<Vec<ChecklistLine>, AppError> {
    crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Read)?;
    let mut conn = crate::db::connection().await?;
    super::queries::checklists(&mut conn).await
}

/// Each build's QC on the order page.
#[server(prefix = "/api", endpoint = "qc/order")]
pub async fn get_order_qc(order_number: String) -> Result<Vec<BuildQc>, AppError> {
    crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Read)?;
    let number = torvan::OrderNumber::parse(&order_number).map_err(|_| AppError::NotFound)?;
    let mut conn = crate::db::connection().await?;
    let order = sqlx::query_scalar!(
        "SELECT id FROM orders.orders WHERE order_number = $1",
        number.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    super::queries::order_qc(&mut conn, order).await
}

/// Records an item's result. `capture` is made by the tablet: sending the
/// same capture again records nothing more. `result` is PASS, FAIL or
/// NOT_APPLICABLE (a measurement's comes from its value); `value` and
/// `unit` are a measurement's reading.
#[server(prefix = "/api", endpoint = "qc/record")]
pub async fn record_result(
    capture: Uuid,
    item: Uuid,
    result: Option<String>,
    value: Option<String>,
    unit: Option<String>,
    comment: Option<String>,
) -> Result<Recorded, AppError> {
    use torvan::DbEnum;
    use torvan::quality::{ItemResult, Unit};
    let session = crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Update)?;
    let result = result
        .filter(|result| !result.is_empty())
        .map(|result| ItemResult::parse(&result))
        .transpose()
        .map_err(|_| AppError::invalid("result", "Choose pass, fail or not applicable."))?;
    let unit = unit
        .filter(|unit| !unit.is_empty())
        .map(|unit| Unit::parse(&unit))
        .transpose()
        .map_err(|_| AppError::invalid("unit", "Choose a unit from the list."))?;
    let capture = super::capture::Capture {
        id: capture,
        item_id: item,
        result,
        value: value.as_deref(),
        unit,
        comment: comment.as_deref(),
    };
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let recorded =
        super::capture::record(&mut tx, session.user.id, &capture, chrono::Utc::now()).await?;
    tx.commit().await?;
    Ok(recorded)
}

/// Saves a defect's description and actions; its new version.
#[server(prefix = "/api", endpoint = "qc/defect/save")]
pub async fn save_defect(
    defect: Uuid,
    version: i32,
    fields: DefectFields,
) -> Result<i32, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Update)?;
    let checked = super::defects::check_fields(fields)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let version =
        super::defects::save(&mut tx, defect, version, &checked, chrono::Utc::now()).await?;
    tx.commit().await?;
    Ok(version)
}

/// Moves a defect along its workflow; its new version.
#[server(prefix = "/api", endpoint = "qc/defect/move")]
pub async fn move_defect(defect: Uuid, version: i32, to: String) -> Result<i32, AppError> {
    use torvan::DbEnum;
    let session = crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Update)?;
    let to = torvan::quality::DefectStatus::parse(&to)
        .map_err(|_| AppError::invalid("to", "Choose where the defect goes."))?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let version = super::defects::move_to(
        &mut tx,
        (session.user.id, session.user.role),
        (defect, version),
        to,
        chrono::Utc::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// Waives a defect with its reason, signed with the waiver's meaning
/// (approved) and the signer's password.
#[server(prefix = "/api", endpoint = "qc/defect/waive")]
pub async fn waive_defect(
    defect: Uuid,
    version: i32,
    reason: String,
    signing: Signing,
) -> Result<i32, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Approve)?;
    torvan::signature::expect_meaning(signing.meaning, torvan::signature::Meaning::Approved)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    crate::auth::reauthenticate::confirm(&session, signing.password).await?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let version = super::defects::waive(
        &mut tx,
        (session.user.id, session.user.role),
        (defect, version),
        &reason,
        chrono::Utc::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// Signs the checklist off as its inspector (meaning: performed); the
/// status signed, PASSED or FAILED.
#[server(prefix = "/api", endpoint = "qc/sign")]
pub async fn sign_checklist(
    checklist: Uuid,
    version: i32,
    signing: Signing,
) -> Result<String, AppError> {
    use torvan::DbEnum;
    let session = crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Approve)?;
    torvan::signature::expect_meaning(signing.meaning, torvan::signature::Meaning::Performed)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    crate::auth::reauthenticate::confirm(&session, signing.password).await?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let signed = super::sign::sign_off(
        &mut tx,
        session.user.id,
        (checklist, version),
        chrono::Utc::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(signed.as_db_str().to_owned())
}

/// Reviews a passed sign-off as a second person (meaning: reviewed).
#[server(prefix = "/api", endpoint = "qc/review")]
pub async fn review_checklist(
    checklist: Uuid,
    version: i32,
    signing: Signing,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Approve)?;
    torvan::signature::expect_meaning(signing.meaning, torvan::signature::Meaning::Reviewed)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    crate::auth::reauthenticate::confirm(&session, signing.password).await?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::sign::review(
        &mut tx,
        session.user.id,
        (checklist, version),
        chrono::Utc::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
