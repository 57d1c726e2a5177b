//! The sink wizard's wire types: one configuration as the wizard edits it,
//! and what a save answers.

use serde::{Deserialize, Serialize};
use torvan::sink::{ConfigurationStatus, FamilyOptions, SinkChoices};
use torvan::{BuildNumber, OrderNumber};

use crate::signatures::ShownSignature;

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
    pub order_number: OrderNumber,
    pub build_number: BuildNumber,
    pub status: ConfigurationStatus,
    /// What a save names, so it is refused if someone saved meanwhile.
    pub version: i32,
    pub choices: SinkChoices,
    pub families: Vec<FamilyOptions>,
    pub validated: Option<Stamp>,
    pub approved: Option<Stamp>,
    /// One build number per identical sink, given on approval.
    pub builds: Vec<BuildNumber>,
    /// Sinks change only while their order waits to start production.
    pub order_open: bool,
    pub may_edit: bool,
    pub may_approve: bool,
    /// The configuration's signatures, each against what it says now.
    pub signatures: Vec<ShownSignature>,
    /// Why the viewer may not approve it: they validated it (separation of
    /// duties).
    pub approval_refused: Option<String>,
}

impl SinkWizard {
    pub fn editable(&self) -> bool {
        self.may_edit && self.order_open && self.status.editable()
    }
}

/// A configuration's status and version after a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub status: ConfigurationStatus,
    pub version: i32,
}
