//! Fuzzes the BOM rule language on stable Rust; a panic anywhere aborts the run and is the failure.
//! Run: `cargo run --release --example fuzz_rule_language -- 1000000` (inputs to try, 100000 by default).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use torvan::rule_language::{Condition, Expr, Formula, Pattern, Value, ValueKind};

/// Valid rules of every kind the templates use, to be mangled.
const SEEDS: &[&str] = &[
    "basin_count * 2",
    "ceil(pegboard_area / 144)",
    "pegboard.is_custom = true and legs.height > 30",
    "if(basin_count > 1, legs.height, pegboard_area)",
    "round(basin.width, 1) + min(1, 2, 3) - max(-1, abs(-2))",
    "NOT (material = '316L') Or has_faucet",
    "700-LEG-{legs.height_class}",
    "T2-BSN-{round(basin.width)}-{material}",
    "floor(legs.height % 7) <> 2",
    "\"it's\" == 'say \"hi\"'",
    "79228162514264337593543950335 * 2",
    "-(-(1)) / 0.0000000000000000000000000001",
];

const TOKENS: &str = "( ) , + - * / % = == != <> < <= > >= ! and or NOT true False if ceil floor
    round min max abs sqrt { } ' \" . basin_count legs.height material has_faucet
    pegboard.is_custom 0 1 0.5 10 11 144 79228162514264337593543950335
    0.0000000000000000000000000001 ü \u{0}";
const OPERATORS: &str = "or and = <> < >= + - * / %";
const LEAVES: &str = "0 1 2.5 144 -3 true false '316L' basin_count legs.height basin.width
    material has_faucet pegboard.is_custom";
const FUNCTIONS: &str = "ceil floor abs round min max if";

/// xorshift64: deterministic, so a failing input comes back on a rerun
/// with the same count.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let index = self.below(items.len());
        items.get(index).copied().unwrap_or_default()
    }

    fn word(&mut self, words: &'static str) -> &'static str {
        let index = self.below(words.split_whitespace().count());
        words.split_whitespace().nth(index).unwrap_or_default()
    }

    fn char(&mut self) -> char {
        match self.below(3) {
            0 => char::from_u32(self.next() as u32 % 0x11_0000).unwrap_or('\u{fffd}'),
            1 => char::from(self.next() as u8),
            _ => self.word(TOKENS).chars().next().unwrap_or(' '),
        }
    }
}

fn random_bytes(rng: &mut Rng) -> String {
    let bytes: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn token_soup(rng: &mut Rng) -> String {
    let separator = rng.pick(&["", " ", "\n"]);
    let tokens: Vec<&str> = (0..rng.below(48)).map(|_| rng.word(TOKENS)).collect();
    tokens.join(separator)
}

/// A seed rule with up to three edits: a character inserted, deleted,
/// duplicated or swapped, or a run of one token repeated to probe the
/// nesting and length limits. Some edits are skipped, so that some
/// mutants still parse and get evaluated.
fn mutation(rng: &mut Rng) -> String {
    let mut chars: Vec<char> = rng.pick(SEEDS).chars().collect();
    for _ in 0..=rng.below(3) {
        let at = rng.below(chars.len() + 1);
        match rng.below(9) {
            0 => chars.insert(at, rng.char()),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            2 => {
                let end = (at + rng.below(12)).min(chars.len());
                let copy = chars.get(at..end).unwrap_or_default().to_vec();
                chars.splice(at..at, copy);
            }
            3 => {
                let other = rng.below(chars.len());
                if at < chars.len() && other < chars.len() {
                    chars.swap(at, other);
                }
            }
            4 => {
                let run = rng.word(TOKENS).repeat(rng.below(300));
                chars.splice(at..at, run.chars());
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// A rule that is well formed, though often of mixed-up kinds, so that
/// evaluation and checking get exercised, not just the parser.
fn well_formed(rng: &mut Rng, depth: usize) -> String {
    let inner = |rng: &mut Rng| well_formed(rng, depth.saturating_sub(1));
    match rng.below(if depth == 0 { 1 } else { 6 }) {
        0 => rng.word(LEAVES).to_owned(),
        1 => format!("not {}", inner(rng)),
        2 => format!("-({})", inner(rng)),
        3 => {
            let args: Vec<String> = (0..=rng.below(3)).map(|_| inner(rng)).collect();
            format!("{}({})", rng.word(FUNCTIONS), args.join(", "))
        }
        _ => format!("({} {} {})", inner(rng), rng.word(OPERATORS), inner(rng)),
    }
}

fn sink() -> BTreeMap<String, Value> {
    let number = |units: i64, scale: u32| Value::Number(Decimal::new(units, scale));
    [
        ("basin_count", number(2, 0)),
        ("pegboard_area", number(300, 0)),
        ("pegboard.is_custom", Value::Bool(true)),
        ("legs.height", number(34, 0)),
        ("legs.height_class", Value::from("H34")),
        ("basin.width", number(245, 1)),
        ("material", Value::from("316L")),
        ("has_faucet", Value::Bool(false)),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value))
    .collect()
}

#[derive(Default)]
struct Tally {
    parsed: u64,
    refused: u64,
    evaluated: u64,
    failed: u64,
    patterns: u64,
}

/// Everything the template editor and the BOM builder do with a rule; the
/// results are ignored, only a panic matters.
fn exercise(src: &str, vars: &BTreeMap<String, Value>, tally: &mut Tally) {
    let kinds = |name: &str| -> Option<ValueKind> { vars.get(name).map(Value::kind) };
    match Expr::parse(src) {
        Ok(expr) => {
            tally.parsed += 1;
            let _ = (expr.check(&kinds), expr.variables());
            match expr.eval(vars) {
                Ok(_) => tally.evaluated += 1,
                Err(error) => {
                    tally.failed += 1;
                    let _ = error.to_string();
                }
            }
        }
        Err(error) => {
            tally.refused += 1;
            let _ = error.to_string();
        }
    }
    if let Ok(formula) = Formula::parse(src) {
        let _ = (formula.check(&kinds), formula.quantity(vars));
    }
    if let Ok(condition) = Condition::parse(src) {
        let _ = (condition.check(&kinds), condition.holds(vars));
    }
    if let Ok(pattern) = Pattern::parse(src) {
        tally.patterns += 1;
        let _ = (
            pattern.check(&kinds),
            pattern.render(vars),
            pattern.variables(),
        );
    }
}

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(100_000);
    let vars = sink();
    let mut rng = Rng(0x5EED_2026_0000_7A11);
    let mut tally = Tally::default();
    for i in 0..count {
        let src = match i % 4 {
            0 => random_bytes(&mut rng),
            1 => token_soup(&mut rng),
            2 => mutation(&mut rng),
            _ => well_formed(&mut rng, 5),
        };
        exercise(&src, &vars, &mut tally);
    }
    println!(
        "{count} inputs: {} parsed ({} evaluated, {} gave an evaluation error), \
         {} refused by the parser; {} parsed as part-number patterns",
        tally.parsed, tally.evaluated, tally.failed, tally.refused, tally.patterns
    );
}
