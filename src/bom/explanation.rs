use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::rule_language::Value;

/// Why a BOM line is there and has its quantity and part: the template
/// line's rules as written and every configuration value they read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    pub template_line: i32,
    /// The quantity formula as written, or the fixed quantity.
    pub formula: String,
    /// What the formula gave: the quantity per parent (per sink at the top).
    pub quantity: Decimal,
    pub condition: Option<String>,
    pub pattern: Option<String>,
    /// Each variable read by the condition, formula and pattern, once.
    pub values: Vec<(String, Value)>,
}

impl Explanation {
    /// One line for the BOM screen, e.g. `basin_count * 2 with basin_count
    /// = 2 → 4, when pegboard.is_custom = true`.
    pub fn summary(&self) -> String {
        let quantity = self.quantity.normalize().to_string();
        let computed = self.formula != quantity;
        let mut summary = if computed {
            self.formula.clone()
        } else {
            quantity.clone()
        };
        if !self.values.is_empty() {
            let values: Vec<String> = self
                .values
                .iter()
                .map(|(name, value)| format!("{name} = {value}"))
                .collect();
            summary.push_str(&format!(" with {}", values.join(", ")));
        }
        if computed {
            summary.push_str(&format!(" → {quantity}"));
        }
        if let Some(condition) = &self.condition {
            summary.push_str(&format!(", when {condition}"));
        }
        if let Some(pattern) = &self.pattern {
            summary.push_str(&format!(", part {pattern}"));
        }
        summary
    }

    /// Adds what a rule read, keeping the first value of a name read twice.
    pub(super) fn read(&mut self, used: Vec<(String, Value)>) {
        for (name, value) in used {
            if !self.values.iter().any(|(known, _)| *known == name) {
                self.values.push((name, value));
            }
        }
    }
}
