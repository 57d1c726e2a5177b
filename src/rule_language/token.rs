use rust_decimal::Decimal;

use super::Position;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum TokenKind {
    Number(Decimal),
    Text(String),
    Name(String),
    And,
    Or,
    Not,
    True,
    False,
    LeftParen,
    RightParen,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    End,
}

/// `text` is the token as written, so an error can quote `==` or `2.50`
/// exactly as the user typed it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token<'a> {
    pub(super) kind: TokenKind,
    pub(super) at: Position,
    pub(super) text: &'a str,
}

impl Token<'_> {
    pub(super) fn found(&self) -> Option<String> {
        match self.kind {
            TokenKind::End => None,
            _ => Some(self.text.to_owned()),
        }
    }
}

/// Keywords are case-insensitive because rules are typed by people who may
/// write `AND` as readily as `and`.
pub(super) fn keyword(name: &str) -> Option<TokenKind> {
    [
        ("and", TokenKind::And),
        ("or", TokenKind::Or),
        ("not", TokenKind::Not),
        ("true", TokenKind::True),
        ("false", TokenKind::False),
    ]
    .into_iter()
    .find(|(word, _)| name.eq_ignore_ascii_case(word))
    .map(|(_, kind)| kind)
}
