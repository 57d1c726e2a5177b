//! The cost of the worst template an authorised user can send to the
//! preview or the save: the checks of `parse_template` on templates of
//! `MAX_LINES` lines shaped to make them work (one loop of parents through
//! every line, one chain nested far past `MAX_LEVEL`, every line with
//! formulas and conditions as long as their columns allow), and the cap's
//! refusal of a template one line over. Prints the time of each and the
//! process's peak memory (VmHWM).
//!
//! `cargo run --release --example template_check_bench`

use std::time::Instant;

use torvan::bom::{MAX_LINES, TemplateLineDraft, parse_template, within_line_cap};

fn numbered(count: usize, line: impl Fn(i32) -> TemplateLineDraft) -> Vec<TemplateLineDraft> {
    (1..=i32::try_from(count).unwrap_or(i32::MAX))
        .map(line)
        .collect()
}

fn fixed(n: i32, parent: Option<i32>) -> TemplateLineDraft {
    TemplateLineDraft {
        line_number: n,
        parent_line: parent,
        part_number: "121-LEG".to_owned(),
        ..TemplateLineDraft::default()
    }
}

/// A sum `basin_count + basin_count + …` of at most `length` characters.
fn long_sum(length: usize) -> String {
    let mut rule = "basin_count".to_owned();
    while rule.len() + " + basin_count".len() <= length {
        rule.push_str(" + basin_count");
    }
    rule
}

fn peak_kib() -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|line| line.starts_with("VmHWM"))
        .map_or("unknown".to_owned(), |line| line.trim().to_owned())
}

fn main() {
    let lines = MAX_LINES;
    let last = i32::try_from(lines).unwrap_or(i32::MAX);
    let formula = long_sum(255);
    let condition = format!("{} > 0", long_sum(251));
    let shapes: [(&str, Vec<TemplateLineDraft>); 3] = [
        (
            "one loop of parents through every line",
            numbered(lines, |n| fixed(n, Some(n % last + 1))),
        ),
        (
            "one chain nested 5,000 deep",
            numbered(lines, |n| fixed(n, (n > 1).then_some(n - 1))),
        ),
        (
            "every line with a 255-character formula and condition",
            numbered(lines, |n| TemplateLineDraft {
                quantity_formula: formula.clone(),
                include_condition: condition.clone(),
                ..fixed(n, None)
            }),
        ),
    ];
    for (shape, drafts) in &shapes {
        let started = Instant::now();
        let outcome = parse_template(drafts);
        let problems = outcome.as_ref().map_or_else(Vec::len, |_| 0);
        println!(
            "{lines} lines, {shape}: {:.1} ms, {problems} problems, peak {}",
            started.elapsed().as_secs_f64() * 1000.0,
            peak_kib()
        );
    }
    let over = numbered(lines * 2, |n| fixed(n, Some(n % (2 * last) + 1)));
    let started = Instant::now();
    let refused = within_line_cap(&over).is_err();
    println!(
        "{} lines: refused {refused} in {:.3} ms, peak {}",
        over.len(),
        started.elapsed().as_secs_f64() * 1000.0,
        peak_kib()
    );
}
