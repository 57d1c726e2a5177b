//! The audit chain's state on the admin screen: when `torvan audit verify`
//! last ran, how many rows it checked, and the first row that did not
//! match if one did not. Only the command verifies; this panel reads what
//! it recorded.

use leptos::prelude::*;

use super::model::ChainVerification;
use crate::error::AppError;
use crate::shell::Loaded;

/// `last` is made by the page, outside the `Permitted` that shows this
/// panel: a resource made inside it would be made at another point on the
/// server than in the browser, and hydration would not match.
#[component]
pub fn ChainPanel(last: Resource<Result<Option<ChainVerification>, AppError>>) -> impl IntoView {
    view! {
        <section class="card narrow" aria-labelledby="audit-chain">
            <h2 id="audit-chain">"Audit chain"</h2>
            <Loaded resource=last loading="Loading the last verification…" render=|last| {
                view! { <Verification last/> }
            }/>
        </section>
    }
}

#[component]
fn Verification(last: Option<ChainVerification>) -> impl IntoView {
    let Some(last) = last else {
        return view! {
            <p>"Never verified. Run " <code>"torvan audit verify"</code> " on the server."</p>
        }
        .into_any();
    };
    let when = torvan::text::minute_utc(last.verified_at);
    match last.broken {
        None => view! {
            <p class="chain-ok">
                {format!("Intact at {when}: {} rows checked, up to seq {}.", last.rows_checked, last.last_seq)}
            </p>
        }
        .into_any(),
        Some(broken) => view! {
            <p class="form-error" role="alert">
                {format!("Broken at {when}: {broken}. The {} rows before it match.", last.rows_checked)}
            </p>
        }
        .into_any(),
    }
}
