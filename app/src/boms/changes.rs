//! Looking at a version from outside the page: as CSV or printed, and
//! compared with another version.

use leptos::prelude::*;

use super::model::VersionChanges;
use crate::money::money;

#[component]
pub(super) fn Files(base: String, version: i32) -> impl IntoView {
    view! {
        <p class="actions">
            <a class="button subtle" href=format!("{base}.csv?version={version}") rel="external" download="">"Download CSV"</a>
            <a class="button subtle" href=format!("{base}/print?version={version}")>"Print view"</a>
        </p>
    }
}

/// A plain GET form, so the comparison is a link that can be shared.
#[component]
pub(super) fn CompareForm(base: String, shown: i32, others: Vec<i32>) -> impl IntoView {
    (!others.is_empty()).then(|| view! {
        <form method="get" action=base class="search-form" aria-label="Compare versions">
            <input type="hidden" name="version" value=shown/>
            <div class="field">
                <label for="compare-from">{format!("Compare version {shown} with")}</label>
                <select id="compare-from" name="from">
                    {others.into_iter().map(|version| view! { <option value=version>{format!("Version {version}")}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button subtle">"Compare"</button>
        </form>
    })
}

#[component]
pub(super) fn Changes(changes: VersionChanges) -> impl IntoView {
    let heading = format!(
        "Changes from version {} to version {}",
        changes.from, changes.to
    );
    let quantity = |value: Option<rust_decimal::Decimal>| value.map(|value| value.to_string());
    let cost = |value: Option<rust_decimal::Decimal>| value.map(money);
    view! {
        <section aria-labelledby="changes-heading">
            <h2 id="changes-heading">{heading}</h2>
            {if changes.rows.is_empty() {
                view! { <p class="empty">"The two versions have the same lines."</p> }.into_any()
            } else {
                view! {
                    <table class="data-table" aria-label="Changes">
                        <thead>
                            <tr>
                                <th scope="col">"Change"</th>
                                <th scope="col">"Item"</th>
                                <th scope="col" class="num">"Quantity before"</th>
                                <th scope="col" class="num">"Quantity after"</th>
                                <th scope="col" class="num">"Unit cost before"</th>
                                <th scope="col" class="num">"Unit cost after"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {changes.rows.into_iter().map(|row| view! {
                                <tr data-change=row.kind.label()>
                                    <td>{row.kind.label()}</td>
                                    <td>{row.item}</td>
                                    <td class="num">{quantity(row.old_quantity)}</td>
                                    <td class="num">{quantity(row.new_quantity)}</td>
                                    <td class="num">{cost(row.old_unit_cost)}</td>
                                    <td class="num">{cost(row.new_unit_cost)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
