//! The template's lines as an editable table: lines are added numbered ten
//! after the highest and removed by their key, so each row keeps its inputs.

use leptos::prelude::*;
use torvan::bom::{TemplateField, TemplateLineDraft};

use super::line_row::LineRow;
use super::messages::Messages;
use crate::limit_hint::LimitHint;

/// A new line below the last, numbered ten after the highest.
fn add(lines: RwSignal<Vec<(u32, TemplateLineDraft)>>) {
    lines.update(|lines| {
        let key = lines
            .iter()
            .map(|(key, _)| key + 1)
            .max()
            .unwrap_or_default();
        let number = lines
            .iter()
            .map(|(_, line)| line.line_number)
            .max()
            .unwrap_or_default()
            .saturating_add(10);
        lines.push((
            key,
            TemplateLineDraft {
                line_number: number,
                base_quantity: "1".to_owned(),
                ..TemplateLineDraft::default()
            },
        ));
    });
}

#[component]
pub(super) fn LinesTable(
    lines: RwSignal<Vec<(u32, TemplateLineDraft)>>,
    messages: Messages,
) -> impl IntoView {
    view! {
        <section aria-labelledby="lines-heading">
            <h2 id="lines-heading">"Lines"</h2>
            <p class="hint">
                "A line takes a fixed part number or a part-number pattern such as {legs.part}; a phantom line only groups the lines under it. "
                "Quantities are per one of the parent line (or per sink at the top); formulas and conditions use the configuration's variables, e.g. basin_count * 2, pegboard.is_custom and body.width > 72. "
                "A line's step (e.g. 090) is the route step that consumes its part; empty: the route's step that takes the lines naming none."
            </p>
            <div class="table-scroll">
                <table class="data-table template-lines" aria-label="Template lines">
                    <thead>
                        <tr>
                            <th scope="col">"Line"</th>
                            <th scope="col">"Under line"</th>
                            <th scope="col">"Part number"<LimitHint limit=TemplateField::PartNumber.text_limit()/></th>
                            <th scope="col">"Part pattern"<LimitHint limit=TemplateField::PartPattern.text_limit()/></th>
                            <th scope="col">"Quantity formula"<LimitHint limit=TemplateField::QuantityFormula.text_limit()/></th>
                            <th scope="col">"Base qty"</th>
                            <th scope="col">"Include when"<LimitHint limit=TemplateField::IncludeCondition.text_limit()/></th>
                            <th scope="col">"Scrap"</th>
                            <th scope="col">"Phantom"</th>
                            <th scope="col">"Description"<LimitHint limit=TemplateField::Description.text_limit()/></th>
                            <th scope="col">"Step"</th>
                            <th scope="col"><span class="visually-hidden">"Remove"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || lines.get() key=|(key, _)| *key let:line>
                            <LineRow key=line.0 lines messages/>
                        </For>
                    </tbody>
                </table>
            </div>
            <button type="button" class="button subtle" on:click=move |_| add(lines)>"Add line"</button>
        </section>
    }
}
