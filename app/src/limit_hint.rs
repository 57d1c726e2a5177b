//! The most characters a text field takes, said under the field. The
//! input's `maxlength` and the domain's check take the same number from the
//! domain, so the browser, the hint and the server agree.

use leptos::prelude::*;

#[component]
pub fn LimitHint(limit: Option<usize>) -> impl IntoView {
    limit.map(|limit| {
        view! { <p class="field-limit">{format!("Up to {} characters.", torvan::number::grouped(limit))}</p> }
    })
}
