use std::str::{CharIndices, FromStr};

use rust_decimal::Decimal;

use super::token::{Token, TokenKind, keyword};
use super::{Position, RuleError, RuleErrorKind};

/// Splits `src` into tokens; also returns the end-of-rule token, placed just
/// past the last character, for "unexpected end of rule" errors.
pub(super) fn lex(src: &str, start: Position) -> Result<(Vec<Token<'_>>, Token<'_>), RuleError> {
    let mut lexer = Lexer {
        src,
        rest: src.char_indices(),
        at: start,
    };
    let mut tokens = Vec::new();
    while let Some(token) = lexer.token()? {
        tokens.push(token);
    }
    let end = Token {
        kind: TokenKind::End,
        at: lexer.at,
        text: "",
    };
    Ok((tokens, end))
}

struct Lexer<'a> {
    src: &'a str,
    rest: CharIndices<'a>,
    at: Position,
}

impl<'a> Lexer<'a> {
    fn token(&mut self) -> Result<Option<Token<'a>>, RuleError> {
        self.bump_while(char::is_whitespace);
        let at = self.at;
        let start = self.rest.offset();
        let Some(c) = self.bump() else {
            return Ok(None);
        };
        let kind = match c {
            '(' => TokenKind::LeftParen,
            ')' => TokenKind::RightParen,
            ',' => TokenKind::Comma,
            '+' => TokenKind::Plus,
            '-' => TokenKind::Minus,
            '*' => TokenKind::Star,
            '/' => TokenKind::Slash,
            '%' => TokenKind::Percent,
            '=' => {
                self.eat('=');
                TokenKind::Equal
            }
            '!' if self.eat('=') => TokenKind::NotEqual,
            '<' if self.eat('=') => TokenKind::LessEqual,
            '<' if self.eat('>') => TokenKind::NotEqual,
            '<' => TokenKind::Less,
            '>' if self.eat('=') => TokenKind::GreaterEqual,
            '>' => TokenKind::Greater,
            '\'' | '"' => self.text(c, at, start)?,
            '0'..='9' => self.number(at, start)?,
            c if is_name_start(c) => self.name(start),
            c => return Err(RuleError::new(RuleErrorKind::UnexpectedCharacter(c), at)),
        };
        Ok(Some(Token {
            kind,
            at,
            text: self.since(start),
        }))
    }

    fn text(&mut self, quote: char, at: Position, start: usize) -> Result<TokenKind, RuleError> {
        let body = start + quote.len_utf8();
        while let Some(c) = self.peek() {
            if c == quote {
                let text = self.since(body).to_owned();
                self.bump();
                return Ok(TokenKind::Text(text));
            }
            self.bump();
        }
        Err(RuleError::new(
            RuleErrorKind::UnterminatedText { quote },
            at,
        ))
    }

    fn number(&mut self, at: Position, start: usize) -> Result<TokenKind, RuleError> {
        self.bump_while(|c| c.is_ascii_digit());
        if self.peek() == Some('.') && self.peek_second().is_some_and(|c| c.is_ascii_digit()) {
            self.bump();
            self.bump_while(|c| c.is_ascii_digit());
        }
        Decimal::from_str(self.since(start))
            .map(TokenKind::Number)
            .map_err(|_| RuleError::new(RuleErrorKind::NumberTooLarge, at))
    }

    fn name(&mut self, start: usize) -> TokenKind {
        self.bump_while(is_name_char);
        while self.peek() == Some('.') && self.peek_second().is_some_and(is_name_start) {
            self.bump();
            self.bump_while(is_name_char);
        }
        let name = self.since(start);
        keyword(name).unwrap_or_else(|| TokenKind::Name(name.to_owned()))
    }

    fn peek(&self) -> Option<char> {
        self.rest.clone().next().map(|(_, c)| c)
    }

    fn peek_second(&self) -> Option<char> {
        self.rest.clone().nth(1).map(|(_, c)| c)
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.rest.next()?;
        self.at = self.at.after(c);
        Some(c)
    }

    fn eat(&mut self, expected: char) -> bool {
        let found = self.peek() == Some(expected);
        if found {
            self.bump();
        }
        found
    }

    fn bump_while(&mut self, wanted: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&wanted) {
            self.bump();
        }
    }

    fn since(&self, start: usize) -> &'a str {
        self.src.get(start..self.rest.offset()).unwrap_or_default()
    }
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}
