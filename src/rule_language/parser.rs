use super::ast::{Link, Node, NodeKind};
use super::cursor::{Cursor, unexpected};
use super::functions::Call;
use super::lexer::lex;
use super::operators::BinaryOp;
use super::precedence::{Level, binary_operator};
use super::token::TokenKind;
use super::{MAX_NESTING, MAX_RULE_CHARS, Position, RuleError, RuleErrorKind, Value};

type Parsed<T> = Result<T, RuleError>;

/// Parses a rule whose first character sits at `start` (a placeholder inside
/// a part-number pattern starts mid-line).
pub(super) fn parse(src: &str, start: Position) -> Parsed<Node> {
    if src.chars().count() > MAX_RULE_CHARS {
        return Err(RuleError::new(RuleErrorKind::TooLong, start));
    }
    let (tokens, end) = lex(src, start)?;
    if tokens.is_empty() {
        return Err(RuleError::new(RuleErrorKind::Empty, start));
    }
    let mut parser = Parser {
        tokens: Cursor::new(tokens, end),
        depth: 0,
    };
    let rule = parser.expression(Level::Or)?;
    match parser.tokens.peek().kind {
        TokenKind::End => Ok(rule),
        _ => Err(parser
            .tokens
            .unexpected("an operator or the end of the rule")),
    }
}

/// Precedence climbing. Runs of operators are loops, and the right side of
/// an operator recurses only into the tighter levels, of which there are
/// five; beyond that only parentheses, prefix operators and calls recurse,
/// and `depth` bounds those, so the stack stays small whatever the input.
struct Parser<'a> {
    tokens: Cursor<'a>,
    depth: usize,
}

impl Parser<'_> {
    /// An expression whose operators all bind at least as tightly as `min`.
    /// Each run of operators of one level becomes one flat node. Comparisons
    /// do not chain: `a < b < c` almost always means `a < b and b < c`,
    /// which is better said than guessed.
    fn expression(&mut self, min: Level) -> Parsed<Node> {
        let mut left = self.operand(min)?;
        while let Some(level) = self.operator_level().filter(|level| *level >= min) {
            let mut rest = Vec::new();
            while let Some((op, at)) = self.operator_of(level) {
                if level == Level::Comparison && !rest.is_empty() {
                    return Err(RuleError::new(RuleErrorKind::ChainedComparison, at));
                }
                let operand = self.expression(level.tighter())?;
                rest.push(Link { op, at, operand });
            }
            let start = left.start;
            let first = Box::new(left);
            left = node(NodeKind::Chain { first, rest }, start);
        }
        Ok(left)
    }

    fn operator_level(&self) -> Option<Level> {
        binary_operator(&self.tokens.peek().kind).map(|(_, level)| level)
    }

    /// Takes the next token if it is a binary operator of `level`.
    fn operator_of(&mut self, level: Level) -> Option<(BinaryOp, Position)> {
        let token = self.tokens.peek();
        let (op, at) = match binary_operator(&token.kind) {
            Some((op, found)) if found == level => (op, token.at),
            _ => return None,
        };
        self.tokens.advance();
        Some((op, at))
    }

    /// A value with its prefix operators. `not` is only allowed where a
    /// comparison could start, as in `a and not b = c`.
    fn operand(&mut self, min: Level) -> Parsed<Node> {
        let start = self.tokens.peek().at;
        match self.tokens.peek().kind {
            TokenKind::Not if min <= Level::Not => {
                self.tokens.advance();
                let operand = self.nested(start, |parser| parser.expression(Level::Not))?;
                Ok(node(NodeKind::Not(Box::new(operand)), start))
            }
            TokenKind::Minus => {
                self.tokens.advance();
                let operand = self.nested(start, |parser| parser.operand(Level::Prefix))?;
                Ok(node(NodeKind::Negate(Box::new(operand)), start))
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Parsed<Node> {
        let token = self.tokens.bump();
        let value = match token.kind {
            TokenKind::Number(number) => Value::Number(number),
            TokenKind::Text(text) => Value::Text(text),
            TokenKind::True => Value::Bool(true),
            TokenKind::False => Value::Bool(false),
            TokenKind::Name(name) if self.tokens.eat(&TokenKind::LeftParen) => {
                return self.call(&name, token.at);
            }
            TokenKind::Name(name) => return Ok(node(NodeKind::Variable(name), token.at)),
            TokenKind::LeftParen => {
                let inner = self.nested(token.at, |parser| parser.expression(Level::Or))?;
                self.tokens.expect(&TokenKind::RightParen, "“)”")?;
                return Ok(inner);
            }
            _ => return Err(unexpected(&token, "a value")),
        };
        Ok(node(NodeKind::Literal(value), token.at))
    }

    fn call(&mut self, name: &str, start: Position) -> Parsed<Node> {
        let args = self.nested(start, Self::arguments)?;
        let call = Call::build(name, args).map_err(|kind| RuleError::new(kind, start))?;
        Ok(node(NodeKind::Call(call), start))
    }

    fn arguments(&mut self) -> Parsed<Vec<Node>> {
        let mut args = Vec::new();
        if self.tokens.eat(&TokenKind::RightParen) {
            return Ok(args);
        }
        loop {
            args.push(self.expression(Level::Or)?);
            if !self.tokens.eat(&TokenKind::Comma) {
                self.tokens.expect(&TokenKind::RightParen, "“,” or “)”")?;
                return Ok(args);
            }
        }
    }

    fn nested<T>(&mut self, at: Position, inner: fn(&mut Self) -> Parsed<T>) -> Parsed<T> {
        if self.depth >= MAX_NESTING {
            return Err(RuleError::new(RuleErrorKind::TooDeep, at));
        }
        self.depth += 1;
        let parsed = inner(self);
        self.depth -= 1;
        parsed
    }
}

fn node(kind: NodeKind, start: Position) -> Node {
    Node { kind, start }
}
