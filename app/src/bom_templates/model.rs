//! What the template pages receive: the list of every family's templates,
//! one template as the editor holds it, and the BOM a preview works out.
//! Compiled for both targets, so these types hold no SQL.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use torvan::bom::{TemplateHeader, TemplateLineDraft};
use torvan::sink::FamilyOptions;
use torvan::{BuildNumber, OrderNumber};
use uuid::Uuid;

use crate::boms::BomRow;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSummary {
    pub id: Uuid,
    pub family: String,
    pub name: String,
    pub version: String,
    pub priority: i32,
    pub rule: String,
    pub lines: i64,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateEditor {
    pub id: Uuid,
    pub family: String,
    pub version: String,
    pub header: TemplateHeader,
    pub lines: Vec<TemplateLineDraft>,
    /// The family's options, whose sample configurations the editor tries
    /// every rule on.
    pub family_options: FamilyOptions,
    /// Configurations of the family a preview can be run against.
    pub configurations: Vec<(OrderNumber, BuildNumber)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub parts_count: usize,
    pub total_cost: Decimal,
    pub total_weight: Decimal,
    pub rows: Vec<BomRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateList {
    pub templates: Vec<TemplateSummary>,
    /// The configurable families a new template can be for: (code, name).
    pub families: Vec<(String, String)>,
}
