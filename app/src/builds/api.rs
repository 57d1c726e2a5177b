//! The production record's server functions: read a build's record with
//! its frozen revisions, and issue a corrected revision.

use leptos::prelude::*;

use super::model::RecordPage;
use crate::error::AppError;
use crate::signatures::Signing;

/// A build's production record: a document every role that reads
/// documents may read.
#[server(prefix = "/api", endpoint = "builds/record")]
pub async fn get_build_record(build_number: String) -> Result<RecordPage, AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Documents, torvan::Action::Read)?;
    let build = torvan::BuildNumber::parse(&build_number).map_err(|_| AppError::NotFound)?;
    let mut tx = crate::db::snapshot(&crate::state::pool()?).await?;
    let reader = super::record::Reader {
        id: session.user.id,
        role: session.user.role,
    };
    let record = super::record::record(&mut tx, &build, &reader).await?;
    let may_correct = torvan::permits(
        session.user.role,
        torvan::Resource::Documents,
        torvan::Action::Approve,
    );
    let revisions = super::freeze::revisions(&mut tx, &build, &record, may_correct).await?;
    tx.commit().await?;
    Ok(RecordPage { record, revisions })
}

/// Issues the next revision of a shipped build's frozen record: the record
/// as it reads now, with the reason, signed by the person (meaning:
/// approved). Refused while the record reads as its last revision.
#[server(prefix = "/api", endpoint = "builds/correct")]
pub async fn correct_build_record(
    build_number: String,
    reason: String,
    signing: Signing,
) -> Result<i32, AppError> {
    let session =
        crate::auth::guard::require(torvan::Resource::Documents, torvan::Action::Approve)?;
    torvan::signature::expect_meaning(signing.meaning, torvan::signature::Meaning::Approved)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    let reason = torvan::record_revision::CorrectionReason::parse(&reason)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    let build = torvan::BuildNumber::parse(&build_number).map_err(|_| AppError::NotFound)?;
    crate::auth::reauthenticate::confirm(&session, signing.password).await?;
    let objects = crate::objects::Objects::of_request()?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    let correction = super::freeze::Correction {
        reason,
        signer: session.user.id,
    };
    let frozen = super::freeze::correct(&mut tx, objects.0.as_ref(), &build, &correction).await?;
    tx.commit().await?;
    Ok(frozen.revision)
}

/// Records the number on a unit's serial plate (or corrects it, until the
/// order ships), for an order numbered by plates.
#[server(prefix = "/api", endpoint = "builds/serial-plate")]
pub async fn record_serial_plate(
    build_number: String,
    serial_plate: String,
) -> Result<(), AppError> {
    let session = crate::auth::guard::require(torvan::Resource::Qc, torvan::Action::Update)?;
    let plate = torvan::unit_serial::PlateNumber::parse(&serial_plate)
        .map_err(|error| AppError::invalid(&error.field, error.message))?;
    let build = torvan::BuildNumber::parse(&build_number).map_err(|_| AppError::NotFound)?;
    let mut tx = crate::db::begin_as(&crate::state::pool()?, &session).await?;
    super::serial::record_plate(&mut tx, &build, &plate).await?;
    tx.commit().await?;
    Ok(())
}

/// What a unit's label shows: for every role that reads the record.
#[server(prefix = "/api", endpoint = "builds/label")]
pub async fn get_unit_label(build_number: String) -> Result<super::model::UnitLabel, AppError> {
    crate::auth::guard::require(torvan::Resource::Documents, torvan::Action::Read)?;
    let build = torvan::BuildNumber::parse(&build_number).map_err(|_| AppError::NotFound)?;
    let mut conn = crate::db::connection().await?;
    super::serial::label(&mut conn, &build).await
}
