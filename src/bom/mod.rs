//! The Dynamic BOM, pure half: the variables a configured sink offers BOM
//! templates, templates read and checked as an admin writes them, and a
//! BOM generated from them in two steps (resolve the lines, then cost them
//! from the catalogue, which the server reads in one query in between),
//! shown as a tree, compared between versions and approved. A template is
//! tried on sample configurations of its family before it is saved.

mod bom_line;
mod change_reason;
mod cost;
mod diff;
mod draft;
mod explanation;
mod header;
mod hierarchy;
mod line_fields;
mod line_key;
mod line_rules;
mod missing_parts;
mod names;
mod option_variables;
mod parse;
mod problem;
mod resolve;
mod resolved_line;
mod selection;
mod status;
mod structure;
mod template;
mod template_check;
mod template_version;
mod tree;
mod trial;
mod variables;
mod vocabulary;

#[cfg(test)]
mod tests;

pub use bom_line::{Bom, BomLine, PartFacts, Totals, allocation_quantity, whole_units};
pub use change_reason::ChangeReason;
pub use cost::cost;
pub use diff::{Change, diff};
pub use draft::TemplateLineDraft;
pub use explanation::Explanation;
pub use header::{MAX_PRIORITY, TemplateHeader};
pub use line_key::{KeyNode, LineKey};
pub use missing_parts::{MissingPart, MissingParts};
pub use names::MAX_NAMED_BASINS;
pub use parse::parse_template;
pub use problem::{LineProblem, TemplateField};
pub use resolve::{failures, resolve};
pub use resolved_line::{LineFailure, ResolvedLine};
pub use selection::{Selection, SelectionFailure, select};
pub use status::BomStatus;
pub use structure::MAX_LEVEL;
pub use template::{PartSource, Quantity, Template, TemplateLine, Written};
pub use template_check::{MAX_LINES, check_template, line_field, within_line_cap};
pub use template_version::next_version;
pub use tree::{TreeRow, rolled_up};
pub use trial::{TrialFailures, sample_failures, samples, trial};
pub use variables::{VariablesError, variables};
pub use vocabulary::{known, vocabulary};
