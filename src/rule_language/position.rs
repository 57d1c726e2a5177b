use std::fmt;

use serde::{Deserialize, Serialize};

/// Where something is in a rule: 1-based line and column, counted in
/// characters (not bytes) so it matches what the user sees in the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position just past `c` when `c` is at `self`.
    pub(super) fn after(self, c: char) -> Position {
        if c == '\n' {
            Position {
                line: self.line.saturating_add(1),
                column: 1,
            }
        } else {
            Position {
                line: self.line,
                column: self.column.saturating_add(1),
            }
        }
    }

    /// The position just past `text` when it starts at `self`.
    pub(super) fn after_text(self, text: &str) -> Position {
        text.chars().fold(self, Position::after)
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}
