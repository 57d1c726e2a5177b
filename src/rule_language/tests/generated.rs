//! Arithmetic rules generated together with their expected value: the
//! generator computes the answer in `i128`, so the parser's precedence and
//! the evaluator's arithmetic are checked against an independent model.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::sink;
use crate::rule_language::{Expr, RuleErrorKind, Value, ValueKind};

#[derive(Debug, Clone)]
enum Model {
    Literal(i128),
    Variable(&'static str, i128),
    Negate(Box<Model>),
    Binary(Op, Box<Model>, Box<Model>),
    Parenthesised(Box<Model>),
}

#[derive(Debug, Clone, Copy)]
enum Op {
    Add,
    Subtract,
    Multiply,
    Remainder,
}

const DECIMAL_MAX: i128 = 79_228_162_514_264_337_593_543_950_335;

impl Op {
    fn symbol(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Subtract => "-",
            Op::Multiply => "*",
            Op::Remainder => "%",
        }
    }

    fn precedence(self) -> u8 {
        match self {
            Op::Add | Op::Subtract => 1,
            Op::Multiply | Op::Remainder => 2,
        }
    }
}

impl Model {
    /// Left to right like the evaluator, so the first failure is the same.
    fn value(&self) -> Result<i128, RuleErrorKind> {
        let result = match self {
            Model::Literal(n) | Model::Variable(_, n) => *n,
            Model::Negate(x) => -x.value()?,
            Model::Parenthesised(x) => x.value()?,
            Model::Binary(op, left, right) => {
                let (left, right) = (left.value()?, right.value()?);
                match op {
                    Op::Add => left + right,
                    Op::Subtract => left - right,
                    Op::Multiply => left
                        .checked_mul(right)
                        .ok_or(RuleErrorKind::NumberTooLarge)?,
                    Op::Remainder if right == 0 => return Err(RuleErrorKind::DivisionByZero),
                    Op::Remainder => left % right,
                }
            }
        };
        if result.abs() > DECIMAL_MAX {
            return Err(RuleErrorKind::NumberTooLarge);
        }
        Ok(result)
    }

    fn fully_parenthesised(&self) -> String {
        match self {
            Model::Literal(n) => n.to_string(),
            Model::Variable(name, _) => (*name).to_owned(),
            Model::Negate(x) => format!("(-{})", x.fully_parenthesised()),
            Model::Parenthesised(x) => x.fully_parenthesised(),
            Model::Binary(op, left, right) => format!(
                "({} {} {})",
                left.fully_parenthesised(),
                op.symbol(),
                right.fully_parenthesised()
            ),
        }
    }

    /// Only the parentheses precedence needs, plus the model's redundant
    /// ones; returns the text and the precedence of its outermost operator.
    fn minimal(&self) -> (String, u8) {
        const ATOM: u8 = 4;
        const PREFIX: u8 = 3;
        let wrap = |(text, precedence): (String, u8), least: u8| {
            if precedence >= least {
                text
            } else {
                format!("({text})")
            }
        };
        match self {
            Model::Literal(n) => (n.to_string(), ATOM),
            Model::Variable(name, _) => ((*name).to_owned(), ATOM),
            Model::Negate(x) => (format!("-{}", wrap(x.minimal(), PREFIX)), PREFIX),
            Model::Parenthesised(x) => (format!("({})", x.minimal().0), ATOM),
            Model::Binary(op, left, right) => {
                let precedence = op.precedence();
                let left = wrap(left.minimal(), precedence);
                let right = wrap(right.minimal(), precedence + 1);
                (format!("{left} {} {right}", op.symbol()), precedence)
            }
        }
    }

    fn variables(&self, names: &mut Vec<&'static str>) {
        match self {
            Model::Literal(_) => {}
            Model::Variable(name, _) => {
                if !names.contains(name) {
                    names.push(name);
                }
            }
            Model::Negate(x) | Model::Parenthesised(x) => x.variables(names),
            Model::Binary(_, left, right) => {
                left.variables(names);
                right.variables(names);
            }
        }
    }
}

fn model() -> impl Strategy<Value = Model> {
    let leaf = prop_oneof![
        (0i128..1000).prop_map(Model::Literal),
        Just(DECIMAL_MAX).prop_map(Model::Literal),
        prop::sample::select(vec![
            ("basin_count", 2),
            ("pegboard_area", 300),
            ("legs.height", 34)
        ])
        .prop_map(|(name, value)| Model::Variable(name, value)),
    ];
    leaf.prop_recursive(6, 48, 2, |inner| {
        let op = prop::sample::select(vec![Op::Add, Op::Subtract, Op::Multiply, Op::Remainder]);
        prop_oneof![
            inner.clone().prop_map(|x| Model::Negate(Box::new(x))),
            inner
                .clone()
                .prop_map(|x| Model::Parenthesised(Box::new(x))),
            (op, inner.clone(), inner).prop_map(|(op, left, right)| Model::Binary(
                op,
                Box::new(left),
                Box::new(right)
            )),
        ]
    })
}

fn evaluate(src: &str) -> Result<Value, RuleErrorKind> {
    let expr = Expr::parse(src).map_err(|error| error.kind)?;
    expr.eval(&sink())
        .map(|evaluation| evaluation.value)
        .map_err(|error| error.kind)
}

fn expected(model: &Model) -> Result<Value, RuleErrorKind> {
    model.value().map(|n| Value::Number(Decimal::from(n)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn generated_arithmetic_evaluates_like_the_model(model in model()) {
        let src = model.fully_parenthesised();
        prop_assert_eq!(evaluate(&src), expected(&model), "{}", src);
    }

    #[test]
    fn precedence_alone_gives_the_same_result_as_full_parentheses(model in model()) {
        let (src, _) = model.minimal();
        prop_assert_eq!(evaluate(&src), expected(&model), "{}", src);
    }

    #[test]
    fn generated_arithmetic_checks_as_a_number_and_reports_its_variables(model in model()) {
        let expr = Expr::parse(&model.fully_parenthesised()).unwrap();
        prop_assert_eq!(expr.check(&super::sink_kinds), Ok(ValueKind::Number));
        let mut names = Vec::new();
        model.variables(&mut names);
        prop_assert_eq!(&expr.variables(), &names);
        if let Ok(evaluation) = expr.eval(&sink()) {
            let used: Vec<&str> = evaluation.used.iter().map(|(name, _)| name.as_str()).collect();
            prop_assert_eq!(used, names);
        }
    }
}
