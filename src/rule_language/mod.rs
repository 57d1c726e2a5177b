//! The rule language of BOM templates: quantity formulas
//! (`ceil(pegboard_area / 144)`), include conditions and template selection
//! rules (`pegboard.is_custom = true and legs.height > 30`), and part-number
//! patterns (`700-LEG-{legs.height_class}`). Rules are typed by admins in a
//! form, so every input, however malformed, gives a positioned,
//! human-worded error rather than a panic; the limits below keep parsing
//! and evaluation bounded in time and stack.

mod ast;
mod call;
mod check;
mod condition;
mod cursor;
mod error;
mod eval;
mod expr;
mod formula;
mod functions;
mod lexer;
mod operators;
mod parser;
mod pattern;
mod position;
mod precedence;
mod reader;
mod token;
mod value;
mod variables;

#[cfg(test)]
mod tests;

pub use condition::Condition;
pub use error::{RuleError, RuleErrorKind};
pub use expr::{Evaluation, Expr};
pub use formula::Formula;
pub use functions::Arity;
pub use pattern::Pattern;
pub use position::Position;
pub use value::{Value, ValueKind};
pub use variables::Variables;

/// Longest rule or pattern accepted, in characters.
pub const MAX_RULE_CHARS: usize = 1000;

/// How deeply parentheses, prefix operators and function calls may nest.
pub const MAX_NESTING: usize = 64;
