//! The small-shop setting on the admin screen: whether the person who
//! generated a BOM or validated a sink configuration may also approve it.
//! Kept apart by default (two people, as Part 11 reviews expect); a shop
//! of one or two may allow it, and every signature made under the setting
//! says so. Only admins change it; the change is audited.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::error::AppError;
use crate::shell::form::Select;
use crate::shell::{FormError, Loaded, action_error};
use crate::signatures::SetSignaturePolicy;

/// `allowed` is made by the page, outside the `Permitted` that shows this
/// panel, for the reason `ChainPanel` gives.
#[component]
pub fn SignaturePolicyPanel(
    allowed: Resource<Result<bool, AppError>>,
    action: ServerAction<SetSignaturePolicy>,
) -> impl IntoView {
    view! {
        <section class="card narrow" aria-labelledby="signature-policy">
            <h2 id="signature-policy">"Approvals"</h2>
            <Loaded resource=allowed loading="Loading the approval setting…" render=move |allowed| {
                view! { <PolicyForm allowed action/> }
            }/>
        </section>
    }
}

#[component]
fn PolicyForm(allowed: bool, action: ServerAction<SetSignaturePolicy>) -> impl IntoView {
    let error = action_error(action);
    let options = vec![
        (
            "false".to_owned(),
            "Keep duties apart: someone else approves".to_owned(),
        ),
        (
            "true".to_owned(),
            "Small shop: the author may approve too".to_owned(),
        ),
    ];
    view! {
        <ActionForm action attr:class="form">
            <FormError error/>
            <Select id="signature-policy-author" name="author_may_approve"
                label="Who may approve a BOM or a sink configuration" field="author_may_approve"
                error options selected=allowed.to_string()/>
            <button type="submit" class="button">"Save approval setting"</button>
        </ActionForm>
    }
}
