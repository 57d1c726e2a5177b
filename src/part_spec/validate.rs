//! Reading a part as typed into a catalogue part: every field parsed and
//! every problem reported at its field.

use super::fields::{choice, count, flag, money, optional_text, required_text};
use super::{HierarchyPath, PartDraft, PartSpec, text_limit};
use crate::{FieldError, MakeOrBuy, PartNumber, PartStatus, UnitOfMeasure};

impl PartDraft {
    /// Parses every field, reporting every problem rather than the first.
    pub fn validate(&self) -> Result<PartSpec, Vec<FieldError>> {
        let mut errors = Vec::new();
        let part_number = take(
            &mut errors,
            "part_number",
            PartNumber::parse(&self.part_number).map_err(|error| error.to_string()),
        );
        let name = take(
            &mut errors,
            "name",
            required_text(&self.name, limit("name")),
        );
        let description = take(
            &mut errors,
            "description",
            optional_text(&self.description, limit("description")),
        );
        let hierarchy = take(
            &mut errors,
            "hierarchy_path",
            HierarchyPath::parse(&self.hierarchy_path),
        );
        let part_type = take(
            &mut errors,
            "part_type",
            optional_text(&self.part_type, limit("part_type")),
        );
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
            match optional_text(
                &self.replacement_part_number,
                limit("replacement_part_number"),
            ) {
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
            optional_text(&self.vendor_code, limit("vendor_code")),
        );
        let vendor_part_number = take(
            &mut errors,
            "vendor_part_number",
            optional_text(&self.vendor_part_number, limit("vendor_part_number")),
        );
        let material = take(
            &mut errors,
            "material",
            optional_text(&self.material, limit("material")),
        );
        let finish = take(
            &mut errors,
            "finish",
            optional_text(&self.finish, limit("finish")),
        );
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

/// The limit of a text field `text_limit` knows.
fn limit(field: &str) -> usize {
    text_limit(field).unwrap_or(usize::MAX)
}

/// The parsed value, or `None` with the field's message added to `errors`.
fn take<T>(errors: &mut Vec<FieldError>, field: &str, result: Result<T, String>) -> Option<T> {
    result
        .map_err(|message| errors.push(FieldError::new(field, message)))
        .ok()
}
