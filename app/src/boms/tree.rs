//! The BOM as a tree table: top-level lines first, an assembly's lines
//! rendered only once it is expanded, so a deep BOM opens at once.

use leptos::prelude::*;
use torvan::bom::MAX_LEVEL;

use super::model::{BomRow, LineStock};
use crate::money::money;

/// The class that indents a row of `depth` (`depth-0` at the top, down to
/// the deepest level a BOM stores): the app's CSP allows no inline styles.
pub(super) fn depth_class(depth: u8) -> String {
    format!("depth-{}", depth.min(MAX_LEVEL - 1))
}

/// The children of each row and the top-level rows, from the depth-first
/// order the rows come in.
fn structure(rows: &[BomRow]) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut children = vec![Vec::new(); rows.len()];
    let mut top = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        while open
            .last()
            .and_then(|&parent| rows.get(parent))
            .is_some_and(|parent| parent.depth >= row.depth)
        {
            open.pop();
        }
        match open.last().and_then(|&parent| children.get_mut(parent)) {
            Some(siblings) => siblings.push(index),
            None => top.push(index),
        }
        open.push(index);
    }
    (top, children)
}

#[derive(Clone, Copy)]
struct Tree {
    rows: StoredValue<Vec<BomRow>>,
    children: StoredValue<Vec<Vec<usize>>>,
}

#[component]
pub fn BomTree(rows: Vec<BomRow>) -> impl IntoView {
    let (top, children) = structure(&rows);
    let tree = Tree {
        rows: StoredValue::new(rows),
        children: StoredValue::new(children),
    };
    view! {
        <div class="table-scroll">
            <table class="data-table bom-tree" aria-label="BOM lines">
                <thead>
                    <tr>
                        <th scope="col">"Line"</th>
                        <th scope="col">"Item"</th>
                        <th scope="col">"Part"</th>
                        <th scope="col" class="num">"Qty per"</th>
                        <th scope="col" class="num">"Total qty"</th>
                        <th scope="col" class="num">"Unit cost"</th>
                        <th scope="col" class="num">"Extended"</th>
                        <th scope="col" class="num">"Weight (lb)"</th>
                        <th scope="col">"Stock"</th>
                    </tr>
                </thead>
                <tbody>{lines(top, tree)}</tbody>
            </table>
        </div>
    }
}

fn lines(indices: Vec<usize>, tree: Tree) -> impl IntoView {
    indices
        .into_iter()
        .map(|index| view! { <Line index tree/> })
        .collect_view()
}

#[component]
fn Line(index: usize, tree: Tree) -> impl IntoView {
    let Some(row) = tree.rows.with_value(|rows| rows.get(index).cloned()) else {
        return ().into_any();
    };
    let expanded = RwSignal::new(false);
    let item = if row.has_children {
        let name = row.name.clone();
        view! {
            <button type="button" class="tree-toggle" aria-expanded=move || expanded.get().to_string()
                on:click=move |_| expanded.update(|open| *open = !*open)>
                <span aria-hidden="true">{move || if expanded.get() { "▾ " } else { "▸ " }}</span>
                {name}
            </button>
        }
        .into_any()
    } else {
        view! { <span>{row.name.clone()}</span> }.into_any()
    };
    let children = move || {
        expanded.get().then(|| {
            let indices = tree
                .children
                .with_value(|children| children.get(index).cloned().unwrap_or_default());
            lines(indices, tree).into_any()
        })
    };
    let kind = if row.has_children { "assembly" } else { "part" };
    view! {
        <tr data-line=row.line_number data-kind=kind class=depth_class(row.depth)>
            <td class="mono">{row.line_number}</td>
            <td class="item">
                {item}
                {(row.short_lines > 0).then(|| view! {
                    <span class="stock short">{format!(" {} {} short", row.short_lines, if row.short_lines == 1 { "line" } else { "lines" })}</span>
                })}
                <span class="explain">{row.explanation}</span>
                {row.route_step.map(|step| view! { <span class="explain">{format!("Consumed at step {step}")}</span> })}
            </td>
            <td class="mono">{row.part_number}</td>
            <td class="num">{row.quantity_per_assembly.to_string()}</td>
            <td class="num">{row.total_quantity.to_string()}</td>
            <td class="num">{(!row.phantom).then(|| money(row.unit_cost))}</td>
            <td class="num">{money(row.cost)}</td>
            <td class="num">{row.weight.normalize().to_string()}</td>
            <td>{row.stock.map(stock)}</td>
        </tr>
        {children}
    }
    .into_any()
}

fn stock(line: LineStock) -> impl IntoView {
    let short = line.short_by();
    if short == 0 {
        return view! { <span class="stock ok">{format!("In stock ({} available)", line.available)}</span> }.into_any();
    }
    let substitutes = line
        .substitutes
        .into_iter()
        .map(|substitute| {
            view! {
                <li>{format!("Substitute {} {} ({} available)", substitute.part_number, substitute.name, substitute.available)}</li>
            }
        })
        .collect_view();
    view! {
        <span class="stock short">{format!("Short by {short}")}</span>
        <ul class="substitutes">{substitutes}</ul>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;

    fn row(line_number: i32, depth: u8) -> BomRow {
        BomRow {
            line_number,
            depth,
            has_children: false,
            part_number: None,
            name: String::new(),
            quantity_per_assembly: Decimal::ONE,
            total_quantity: Decimal::ONE,
            unit_cost: Decimal::ZERO,
            cost: Decimal::ZERO,
            weight: Decimal::ZERO,
            phantom: false,
            explanation: String::new(),
            stock: None,
            short_lines: 0,
            route_step: None,
        }
    }

    #[test]
    fn rows_deeper_than_a_bom_stores_are_indented_as_the_deepest_level() {
        assert_eq!(depth_class(0), "depth-0");
        assert_eq!(depth_class(MAX_LEVEL - 1), "depth-9");
        assert_eq!(depth_class(u8::MAX), "depth-9");
    }

    #[test]
    fn children_are_the_deeper_rows_that_follow() {
        let rows = [
            row(100, 0),
            row(110, 1),
            row(111, 2),
            row(120, 1),
            row(200, 0),
        ];
        let (top, children) = structure(&rows);
        assert_eq!(top, [0, 4]);
        assert_eq!(children[0], [1, 3]);
        assert_eq!(children[1], [2]);
        assert!(children[4].is_empty());
    }
}
