//! The wizard's choices in the design's columns: materials as text, the rest
//! as JSON documents with lengths as JSON numbers (inches), so the BOM
//! formulas can read them.

use std::str::FromStr;

use serde_json::{Number, Value, json};
use torvan::DbEnum;
use torvan::sink::{
    AccessoryChoice, BasinChoice, LegKind, PegboardKind, SinkChoices, accessory_quantity,
    parse_inches, quantity,
};

/// The JSON and text columns of one configuration row.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    pub quantity: i32,
    pub body_material: Option<String>,
    pub body_finish: Option<String>,
    pub body_dimensions: Option<Value>,
    pub mounting_type: Option<String>,
    pub basin_configuration: Option<Value>,
    pub pegboard_config: Option<Value>,
    pub leg_config: Option<Value>,
    pub additional_components: Option<Value>,
}

fn inches(raw: &str) -> Value {
    parse_inches(raw)
        .ok()
        .and_then(|value| Number::from_str(&value.normalize().to_string()).ok())
        .map_or(Value::Null, Value::Number)
}

fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::Number(number)) => number.to_string(),
        Some(Value::String(text)) => text.clone(),
        _ => String::new(),
    }
}

fn field<'a>(document: &'a Option<Value>, key: &str) -> Option<&'a Value> {
    document.as_ref().and_then(|document| document.get(key))
}

fn list(document: &Option<Value>) -> &[Value] {
    document
        .as_ref()
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

pub fn to_columns(choices: &SinkChoices) -> Columns {
    let basins = choices.basins.iter().enumerate().map(|(index, basin)| {
        let faucet =
            (index == 0 || !choices.faucet_shared).then(|| json!({ "type": choices.faucet }));
        json!({
            "position": index + 1,
            "width": inches(&basin.width),
            "length": inches(&basin.length),
            "depth": inches(&basin.depth),
            "drain_position": basin.drain_position,
            "drain_type": choices.drain,
            "faucet": faucet,
        })
    });
    let pegboard_width = match PegboardKind::parse(&choices.pegboard) {
        Ok(PegboardKind::Standard) => inches(&choices.width),
        _ => inches(&choices.pegboard_width),
    };
    let adjustable = choices.leg_kind().is_some_and(LegKind::adjustable);
    let top = if adjustable {
        &choices.leg_height_max
    } else {
        &choices.leg_height_min
    };
    let accessories = choices.accessories.iter().map(|accessory| {
        json!({ "type": accessory.code, "quantity": accessory_quantity(&accessory.quantity) })
    });
    Columns {
        quantity: quantity(&choices.quantity).map_or(1, |count| count as i32),
        body_material: Some(choices.material.clone()),
        body_finish: Some(choices.finish.clone()),
        body_dimensions: Some(json!({
            "width": inches(&choices.width),
            "depth": inches(&choices.depth),
            "height": inches(&choices.height),
            "unit": "in",
        })),
        mounting_type: Some(choices.mounting.clone()),
        basin_configuration: Some(Value::Array(basins.collect())),
        pegboard_config: Some(json!({
            "type": choices.pegboard,
            "width": pegboard_width,
            "height": inches(&choices.pegboard_height),
        })),
        leg_config: Some(json!({
            "type": choices.legs,
            "height_min": inches(&choices.leg_height_min),
            "height_max": inches(top),
        })),
        additional_components: Some(Value::Array(accessories.collect())),
    }
}

pub fn to_choices(family: String, columns: &Columns) -> SinkChoices {
    let basins = list(&columns.basin_configuration);
    let first = basins.first();
    let pegboard = text(field(&columns.pegboard_config, "type"));
    let custom = PegboardKind::parse(&pegboard) == Ok(PegboardKind::Custom);
    let legs = text(field(&columns.leg_config, "type"));
    let adjustable = LegKind::parse(&legs).is_ok_and(LegKind::adjustable);
    SinkChoices {
        family,
        quantity: columns.quantity.to_string(),
        material: columns.body_material.clone().unwrap_or_default(),
        finish: columns.body_finish.clone().unwrap_or_default(),
        width: text(field(&columns.body_dimensions, "width")),
        depth: text(field(&columns.body_dimensions, "depth")),
        height: text(field(&columns.body_dimensions, "height")),
        mounting: columns.mounting_type.clone().unwrap_or_default(),
        basins: basins
            .iter()
            .map(|basin| BasinChoice {
                width: text(basin.get("width")),
                length: text(basin.get("length")),
                depth: text(basin.get("depth")),
                drain_position: text(basin.get("drain_position")),
            })
            .collect(),
        pegboard,
        pegboard_width: if custom {
            text(field(&columns.pegboard_config, "width"))
        } else {
            String::new()
        },
        pegboard_height: if custom {
            text(field(&columns.pegboard_config, "height"))
        } else {
            String::new()
        },
        legs,
        leg_height_min: text(field(&columns.leg_config, "height_min")),
        leg_height_max: if adjustable {
            text(field(&columns.leg_config, "height_max"))
        } else {
            String::new()
        },
        faucet: text(
            first
                .and_then(|basin| basin.get("faucet"))
                .and_then(|faucet| faucet.get("type")),
        ),
        faucet_shared: basins
            .get(1)
            .is_some_and(|basin| basin.get("faucet").is_none_or(Value::is_null)),
        drain: text(first.and_then(|basin| basin.get("drain_type"))),
        accessories: list(&columns.additional_components)
            .iter()
            .map(|accessory| AccessoryChoice {
                code: text(accessory.get("type")),
                quantity: text(accessory.get("quantity")),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn configured() -> SinkChoices {
        SinkChoices {
            family: "ESR".into(),
            quantity: "2".into(),
            material: "316L".into(),
            finish: "Electropolished".into(),
            width: "84.5".into(),
            depth: "30".into(),
            height: "36".into(),
            mounting: "FREESTANDING".into(),
            basins: vec![
                BasinChoice {
                    width: "20".into(),
                    length: "16".into(),
                    depth: "8".into(),
                    drain_position: "CENTER".into(),
                },
                BasinChoice {
                    width: "24".into(),
                    length: "20".into(),
                    depth: "10".into(),
                    drain_position: "REAR".into(),
                },
            ],
            pegboard: "CUSTOM".into(),
            pegboard_width: "80".into(),
            pegboard_height: "36".into(),
            legs: "ELECTRIC".into(),
            leg_height_min: "32".into(),
            leg_height_max: "42".into(),
            faucet: "INFRARED_SENSOR".into(),
            faucet_shared: true,
            drain: "ELECTRONIC".into(),
            accessories: vec![AccessoryChoice {
                code: "DOSING_PUMP".into(),
                quantity: "2".into(),
            }],
        }
    }

    #[test]
    fn choices_survive_the_columns() {
        let choices = configured();
        assert_eq!(to_choices("ESR".into(), &to_columns(&choices)), choices);
    }

    #[test]
    fn lengths_are_stored_as_json_numbers() {
        let columns = to_columns(&configured());
        let dimensions = columns.body_dimensions.unwrap();
        assert_eq!(dimensions["width"], json!(84.5));
        assert_eq!(dimensions["depth"], json!(30));
    }
}
