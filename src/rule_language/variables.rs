use std::collections::BTreeMap;

use super::Value;

/// Where a rule's variables come from: the order's configuration, looked up
/// by full dotted name (`legs.height`).
pub trait Variables {
    fn get(&self, name: &str) -> Option<Value>;
}

impl Variables for BTreeMap<String, Value> {
    fn get(&self, name: &str) -> Option<Value> {
        BTreeMap::get(self, name).cloned()
    }
}
