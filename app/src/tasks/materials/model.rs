//! What the materials table receives. Compiled for both targets: no SQL.

use serde::{Deserialize, Serialize};
use torvan::UnitOfMeasure;
use torvan::workflow::{MaterialAction, MaterialLine};

/// One part the task consumes and its totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialRow {
    pub part_number: String,
    pub name: String,
    pub unit: UnitOfMeasure,
    pub line: MaterialLine,
}

/// The task's lines and what the reader may do to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskMaterials {
    pub lines: Vec<MaterialRow>,
    pub may: Vec<MaterialAction>,
}
