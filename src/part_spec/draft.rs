use serde::{Deserialize, Serialize};

use super::fields::{choice, count, flag, money, optional_text, required_text};
use super::{HierarchyPath, PartSpec};
use crate::{DbEnum, FieldError, MakeOrBuy, PartNumber, PartStatus, UnitOfMeasure};

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

    /// Parses every field, reporting every problem rather than the first.
    pub fn validate(&self) -> Result<PartSpec, Vec<FieldError>> {
        let mut errors = Vec::new();
        let part_number = take(
            &mut errors,
            "part_number",
            PartNumber::parse(&self.part_number).map_err(|error| error.to_string()),
        );
        let name = take(&mut errors, "name", required_text(&self.name, 255));
        let description = take(
            &mut errors,
            "description",
            optional_text(&self.description, 10_000),
        );
        let hierarchy = take(
            &mut errors,
            "hierarchy_path",
            HierarchyPath::parse(&self.hierarchy_path),
        );
        let part_type = take(&mut errors, "part_type", optional_text(&self.part_type, 50));
        let unit_of_measure = take(
            &mut errors,
            "unit_of_measure",
            choice(&self.unit_of_measure, UnitOfMeasure::Each),
        );
        let make_or_buy = take(
            &mut errors,
            "make_or_buy",
            choice(&self.make_or_buy, MakeOrBuy::Buy),
        );
        let status = take(
            &mut errors,
            "status",
            choice(&self.status, PartStatus::Active),
        );
        let replacement = take(
            &mut errors,
            "replacement_part_number",
            match optional_text(&self.replacement_part_number, 100) {
                Ok(Some(number)) => PartNumber::parse(&number)
                    .map(Some)
                    .map_err(|error| error.to_string()),
                Ok(None) => Ok(None),
                Err(message) => Err(message),
            },
        );
        let reorder_point = take(
            &mut errors,
            "reorder_point",
            count(&self.reorder_point, 0, 0),
        );
        let reorder_quantity = take(
            &mut errors,
            "reorder_quantity",
            count(&self.reorder_quantity, 0, 0),
        );
        let safety_stock = take(&mut errors, "safety_stock", count(&self.safety_stock, 0, 0));
        let minimum_order_quantity = take(
            &mut errors,
            "minimum_order_quantity",
            count(&self.minimum_order_quantity, 1, 1),
        );
        let order_multiple = take(
            &mut errors,
            "order_multiple",
            count(&self.order_multiple, 1, 1),
        );
        let lead_time_days = take(
            &mut errors,
            "lead_time_days",
            count(&self.lead_time_days, 0, 0),
        );
        let standard_cost = take(&mut errors, "standard_cost", money(&self.standard_cost));
        let vendor_code = take(
            &mut errors,
            "vendor_code",
            optional_text(&self.vendor_code, 50),
        );
        let vendor_part_number = take(
            &mut errors,
            "vendor_part_number",
            optional_text(&self.vendor_part_number, 100),
        );
        let material = take(&mut errors, "material", optional_text(&self.material, 100));
        let finish = take(&mut errors, "finish", optional_text(&self.finish, 100));
        let lot_control = take(&mut errors, "lot_control", flag(&self.lot_control));
        let serial_control = take(&mut errors, "serial_control", flag(&self.serial_control));

        if let (Some(status), Some(Some(_))) = (status, &replacement)
            && !status.allows_replacement()
        {
            errors.push(FieldError::new(
                "replacement_part_number",
                "Only an obsolete part has a replacement.",
            ));
        }
        if let (Some(number), Some(Some(replacement))) = (&part_number, &replacement)
            && number == replacement
        {
            errors.push(FieldError::new(
                "replacement_part_number",
                "A part cannot replace itself.",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // Every field parsed, so every value below is present.
        let spec = (|| {
            Some(PartSpec {
                part_number: part_number?,
                name: name?,
                description: description?,
                hierarchy: hierarchy?,
                part_type: part_type?,
                unit_of_measure: unit_of_measure?,
                make_or_buy: make_or_buy?,
                status: status?,
                replacement_part_number: replacement?,
                reorder_point: reorder_point?,
                reorder_quantity: reorder_quantity?,
                safety_stock: safety_stock?,
                minimum_order_quantity: minimum_order_quantity?,
                order_multiple: order_multiple?,
                lead_time_days: lead_time_days?,
                standard_cost: standard_cost?,
                vendor_code: vendor_code?,
                vendor_part_number: vendor_part_number?,
                material: material?,
                finish: finish?,
                lot_control: lot_control?,
                serial_control: serial_control?,
            })
        })();
        spec.ok_or_else(Vec::new)
    }
}

/// The parsed value, or `None` with the field's message added to `errors`.
fn take<T>(errors: &mut Vec<FieldError>, field: &str, result: Result<T, String>) -> Option<T> {
    result
        .map_err(|message| errors.push(FieldError::new(field, message)))
        .ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> PartDraft {
        PartDraft {
            part_number: "121-0001".into(),
            name: "Basin 20 x 16".into(),
            hierarchy_path: "BASIN > 100-0001 > 120-0001".into(),
            standard_cost: "125.5".into(),
            reorder_point: "4".into(),
            ..PartDraft::default()
        }
    }

    #[test]
    fn a_valid_draft_gets_defaults_for_empty_fields() {
        let spec = valid().validate().unwrap();
        assert_eq!(spec.unit_of_measure, UnitOfMeasure::Each);
        assert_eq!(spec.status, PartStatus::Active);
        assert_eq!(spec.minimum_order_quantity, 1);
        assert_eq!(
            spec.standard_cost,
            Some(rust_decimal::Decimal::new(12550, 2))
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let draft = PartDraft {
            part_number: "".into(),
            standard_cost: "-3".into(),
            reorder_point: "-1".into(),
            lot_control: "maybe".into(),
            ..valid()
        };
        let fields: Vec<String> = draft
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "part_number",
                "reorder_point",
                "standard_cost",
                "lot_control"
            ]
        );
    }

    #[test]
    fn only_obsolete_parts_name_a_replacement() {
        let draft = PartDraft {
            replacement_part_number: "121-0002".into(),
            ..valid()
        };
        assert_eq!(
            draft.validate().unwrap_err()[0].field,
            "replacement_part_number"
        );
        let obsolete = PartDraft {
            status: "OBSOLETE".into(),
            ..draft
        };
        assert!(obsolete.validate().is_ok());
    }

    #[test]
    fn a_spec_written_as_a_row_reads_back_the_same() {
        let spec = valid().validate().unwrap();
        let header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        let row = PartDraft::from(&spec).to_row();
        let again = PartDraft::from_record(&header, &row)
            .unwrap()
            .validate()
            .unwrap();
        assert_eq!(again, spec);
    }

    #[test]
    fn unknown_columns_are_named() {
        let header = vec!["part_number".to_owned(), "colour".to_owned()];
        let error = PartDraft::from_record(&header, &["1".into(), "red".into()]).unwrap_err();
        assert_eq!(error.field, "colour");
    }
}
