use serde::{Deserialize, Serialize};

use super::PartSpec;
use crate::{DbEnum, FieldError};

/// The CSV header, in export order; the form's field names are the same.
pub const COLUMNS: [&str; 22] = [
    "part_number",
    "name",
    "description",
    "hierarchy_path",
    "part_type",
    "unit_of_measure",
    "make_or_buy",
    "status",
    "replacement_part_number",
    "reorder_point",
    "reorder_quantity",
    "safety_stock",
    "minimum_order_quantity",
    "order_multiple",
    "lead_time_days",
    "standard_cost",
    "vendor_code",
    "vendor_part_number",
    "material",
    "finish",
    "lot_control",
    "serial_control",
];

/// A part as typed: every field is text until `validate` parses it. A field
/// a form leaves out (an unticked box) is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartDraft {
    pub part_number: String,
    pub name: String,
    pub description: String,
    pub hierarchy_path: String,
    pub part_type: String,
    pub unit_of_measure: String,
    pub make_or_buy: String,
    pub status: String,
    pub replacement_part_number: String,
    pub reorder_point: String,
    pub reorder_quantity: String,
    pub safety_stock: String,
    pub minimum_order_quantity: String,
    pub order_multiple: String,
    pub lead_time_days: String,
    pub standard_cost: String,
    pub vendor_code: String,
    pub vendor_part_number: String,
    pub material: String,
    pub finish: String,
    pub lot_control: String,
    pub serial_control: String,
}

impl PartDraft {
    fn field_mut(&mut self, column: &str) -> Option<&mut String> {
        Some(match column {
            "part_number" => &mut self.part_number,
            "name" => &mut self.name,
            "description" => &mut self.description,
            "hierarchy_path" => &mut self.hierarchy_path,
            "part_type" => &mut self.part_type,
            "unit_of_measure" => &mut self.unit_of_measure,
            "make_or_buy" => &mut self.make_or_buy,
            "status" => &mut self.status,
            "replacement_part_number" => &mut self.replacement_part_number,
            "reorder_point" => &mut self.reorder_point,
            "reorder_quantity" => &mut self.reorder_quantity,
            "safety_stock" => &mut self.safety_stock,
            "minimum_order_quantity" => &mut self.minimum_order_quantity,
            "order_multiple" => &mut self.order_multiple,
            "lead_time_days" => &mut self.lead_time_days,
            "standard_cost" => &mut self.standard_cost,
            "vendor_code" => &mut self.vendor_code,
            "vendor_part_number" => &mut self.vendor_part_number,
            "material" => &mut self.material,
            "finish" => &mut self.finish,
            "lot_control" => &mut self.lot_control,
            "serial_control" => &mut self.serial_control,
            _ => return None,
        })
    }

    /// A draft from one CSV record under `header`; unknown columns are
    /// reported, missing optional ones are left empty.
    pub fn from_record(header: &[String], fields: &[String]) -> Result<Self, FieldError> {
        let mut draft = Self::default();
        for (column, value) in header.iter().zip(fields) {
            let column = column.trim().to_ascii_lowercase();
            let slot = draft.field_mut(&column).ok_or_else(|| {
                FieldError::new(&column, "This column is not part of the parts file.")
            })?;
            *slot = value.clone();
        }
        if fields.len() > header.len() {
            return Err(FieldError::new(
                "row",
                format!(
                    "This row has {} fields; the header has {}.",
                    fields.len(),
                    header.len()
                ),
            ));
        }
        Ok(draft)
    }

    /// The fields in `COLUMNS` order, for export.
    pub fn to_row(&self) -> Vec<String> {
        let mut copy = self.clone();
        COLUMNS
            .iter()
            .map(|column| {
                copy.field_mut(column)
                    .map(std::mem::take)
                    .unwrap_or_default()
            })
            .collect()
    }
}

impl From<&PartSpec> for PartDraft {
    fn from(spec: &PartSpec) -> Self {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let yes_no = |value: bool| if value { "yes" } else { "no" }.to_owned();
        Self {
            part_number: spec.part_number.to_string(),
            name: spec.name.clone(),
            description: text(&spec.description),
            hierarchy_path: spec
                .hierarchy
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            part_type: text(&spec.part_type),
            unit_of_measure: spec.unit_of_measure.as_db_str().to_owned(),
            make_or_buy: spec.make_or_buy.as_db_str().to_owned(),
            status: spec.status.as_db_str().to_owned(),
            replacement_part_number: spec
                .replacement_part_number
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            reorder_point: spec.reorder_point.to_string(),
            reorder_quantity: spec.reorder_quantity.to_string(),
            safety_stock: spec.safety_stock.to_string(),
            minimum_order_quantity: spec.minimum_order_quantity.to_string(),
            order_multiple: spec.order_multiple.to_string(),
            lead_time_days: spec.lead_time_days.to_string(),
            standard_cost: spec
                .standard_cost
                .map(|cost| cost.to_string())
                .unwrap_or_default(),
            vendor_code: text(&spec.vendor_code),
            vendor_part_number: text(&spec.vendor_part_number),
            material: text(&spec.material),
            finish: text(&spec.finish),
            lot_control: yes_no(spec.lot_control),
            serial_control: yes_no(spec.serial_control),
        }
    }
}
