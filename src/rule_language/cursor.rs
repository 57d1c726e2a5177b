use super::token::{Token, TokenKind};
use super::{RuleError, RuleErrorKind};

/// The parser's view of the tokens: past the last one it keeps seeing the
/// end-of-rule token, so looking ahead never runs out.
pub(super) struct Cursor<'a> {
    tokens: Vec<Token<'a>>,
    end: Token<'a>,
    next: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(tokens: Vec<Token<'a>>, end: Token<'a>) -> Self {
        Self {
            tokens,
            end,
            next: 0,
        }
    }

    pub(super) fn peek(&self) -> &Token<'a> {
        self.tokens.get(self.next).unwrap_or(&self.end)
    }

    pub(super) fn advance(&mut self) {
        self.next = self.next.saturating_add(1);
    }

    pub(super) fn bump(&mut self) -> Token<'a> {
        let token = self.peek().clone();
        self.advance();
        token
    }

    pub(super) fn eat(&mut self, kind: &TokenKind) -> bool {
        let found = &self.peek().kind == kind;
        if found {
            self.advance();
        }
        found
    }

    pub(super) fn expect(&mut self, kind: &TokenKind, expected: &str) -> Result<(), RuleError> {
        if self.eat(kind) {
            Ok(())
        } else {
            Err(self.unexpected(expected))
        }
    }

    pub(super) fn unexpected(&self, expected: &str) -> RuleError {
        unexpected(self.peek(), expected)
    }
}

pub(super) fn unexpected(token: &Token<'_>, expected: &str) -> RuleError {
    RuleError::new(
        RuleErrorKind::Unexpected {
            found: token.found(),
            expected: expected.to_owned(),
        },
        token.at,
    )
}
