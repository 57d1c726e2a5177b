use std::fmt;

use serde::{Deserialize, Serialize};

use super::bom_line::BomLine;
use super::hierarchy::Hierarchy;

/// One step of the path to a line: its part number, or for a phantom
/// without a part, its template line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum KeyNode {
    Part(String),
    Phantom(i32),
}

/// A line's part and the parts it hangs under, top first: the same part in
/// two assemblies is two lines to compare.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LineKey(pub Vec<KeyNode>);

/// Each line with its key, walking down from the top so a key is its
/// parent's plus one step.
pub(super) fn keyed(lines: &[BomLine]) -> Vec<(LineKey, &BomLine)> {
    let links: Vec<_> = lines
        .iter()
        .map(|line| (line.resolved.line_number, line.resolved.parent_line))
        .collect();
    let mut path = Vec::new();
    let mut keyed = Vec::with_capacity(lines.len());
    for visit in Hierarchy::new(&links).depth_first() {
        let Some(line) = lines.get(visit.index) else {
            continue;
        };
        path.truncate(visit.depth);
        path.push(match &line.resolved.part_number {
            Some(part) => KeyNode::Part(part.clone()),
            None => KeyNode::Phantom(line.resolved.line_number),
        });
        keyed.push((LineKey(path.clone()), line));
    }
    keyed
}

impl fmt::Display for LineKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps: Vec<String> = self
            .0
            .iter()
            .map(|node| match node {
                KeyNode::Part(part) => part.clone(),
                KeyNode::Phantom(line) => format!("line {line}"),
            })
            .collect();
        f.write_str(&steps.join(" › "))
    }
}
