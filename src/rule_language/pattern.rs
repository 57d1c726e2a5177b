use super::reader::Reader;
use super::{
    Expr, MAX_RULE_CHARS, Position, RuleError, RuleErrorKind, Value, ValueKind, Variables,
};

/// A part-number pattern: fixed text with `{rule}` placeholders, e.g.
/// `700-LEG-{legs.height_class}` or `T2-BSN-{round(basin.width)}`. Without
/// placeholders it is simply a fixed part number.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Fixed(String),
    Placeholder(Expr),
}

impl Pattern {
    pub fn parse(src: &str) -> Result<Pattern, RuleError> {
        let error = |kind, at| Err(RuleError::new(kind, at));
        if src.chars().count() > MAX_RULE_CHARS {
            return error(RuleErrorKind::TooLong, Position::START);
        }
        if src.trim().is_empty() {
            return error(RuleErrorKind::Empty, Position::START);
        }
        let mut parts = Vec::new();
        let mut rest = src;
        let mut at = Position::START;
        while let Some((fixed, brace, after)) = split_at_brace(rest) {
            push_fixed(&mut parts, fixed);
            at = at.after_text(fixed);
            if brace == '}' {
                return error(RuleErrorKind::UnopenedPlaceholder, at);
            }
            let Some((body, after_placeholder)) = after.split_once('}') else {
                return error(RuleErrorKind::UnclosedPlaceholder, at);
            };
            if body.trim().is_empty() {
                return error(RuleErrorKind::EmptyPlaceholder, at);
            }
            let body_start = at.after(brace);
            parts.push(Part::Placeholder(Expr::parse_at(body, body_start)?));
            at = body_start.after_text(body).after('}');
            rest = after_placeholder;
        }
        push_fixed(&mut parts, rest);
        Ok(Pattern { parts })
    }

    /// The names the placeholders mention, each once, in order.
    pub fn variables(&self) -> Vec<&str> {
        let mut names = Vec::new();
        for expr in self.placeholders() {
            expr.collect_variables(&mut names);
        }
        names
    }

    pub fn check(&self, known: &dyn Fn(&str) -> Option<ValueKind>) -> Result<(), RuleError> {
        for expr in self.placeholders() {
            if expr.check(known)? == ValueKind::Bool {
                return Err(not_text(expr));
            }
        }
        Ok(())
    }

    /// The part number for one order, and the variables read to build it.
    pub fn render(
        &self,
        vars: &dyn Variables,
    ) -> Result<(String, Vec<(String, Value)>), RuleError> {
        let mut reader = Reader::new(vars);
        let mut rendered = String::new();
        for part in &self.parts {
            match part {
                Part::Fixed(text) => rendered.push_str(text),
                Part::Placeholder(expr) => match expr.eval_with(&mut reader)? {
                    Value::Bool(_) => return Err(not_text(expr)),
                    value => rendered.push_str(&value.to_string()),
                },
            }
        }
        Ok((rendered, reader.into_used()))
    }

    fn placeholders(&self) -> impl Iterator<Item = &Expr> {
        self.parts.iter().filter_map(|part| match part {
            Part::Placeholder(expr) => Some(expr),
            Part::Fixed(_) => None,
        })
    }
}

/// Splits at the first `{` or `}`: the text before it, the brace, the rest.
fn split_at_brace(text: &str) -> Option<(&str, char, &str)> {
    let (index, brace) = text.char_indices().find(|&(_, c)| c == '{' || c == '}')?;
    let (before, from) = text.split_at_checked(index)?;
    Some((before, brace, from.strip_prefix(brace)?))
}

fn push_fixed(parts: &mut Vec<Part>, text: &str) {
    if !text.is_empty() {
        parts.push(Part::Fixed(text.to_owned()));
    }
}

/// `true` in a part number is almost certainly a condition put in the wrong
/// field.
fn not_text(expr: &Expr) -> RuleError {
    RuleError::new(
        RuleErrorKind::NotPartNumberText(ValueKind::Bool),
        expr.start(),
    )
}
