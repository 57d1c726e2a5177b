//! The signing dialog, placed inside the form of the action it signs (as
//! `ConfirmSubmit` is): the first tap opens it in place; it names who signs
//! (the signed-in user: the identification component) and with which
//! meaning, asks for the password (the second component), and only its
//! "Sign" button sends the form, with `signing[meaning]` and
//! `signing[password]` beside the action's own fields. A refused password
//! is said at the password field and the dialog stays open. And the list a
//! signed record shows.

use leptos::prelude::*;
use torvan::DbEnum;
use torvan::signature::Meaning;

use super::model::ShownSignature;
use crate::error::AppError;
use crate::shell::SignedInUser;
use crate::shell::form::{Input, TextField};

#[component]
pub fn SignSubmit(
    /// What the button does, e.g. "Approve and allocate stock".
    #[prop(into)]
    label: String,
    meaning: Meaning,
    /// What the signer attests, in a sentence.
    #[prop(into)]
    statement: String,
    /// The action's last error; its `password` message shows at the field.
    error: Signal<Option<AppError>>,
    /// Unique on the page: the password field's id starts with it.
    #[prop(into)]
    id: String,
    /// The first button's class; "button" when not given.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let armed = RwSignal::new(false);
    let class = class.unwrap_or("button");
    let user = expect_context::<SignedInUser>().0;
    let signer = move || {
        user.get()
            .and_then(Result::ok)
            .flatten()
            .map(|user| format!("{} ({})", user.name, user.email))
            .unwrap_or_default()
    };
    move || {
        if !armed.get() {
            return view! { <button type="button" class=class on:click=move |_| armed.set(true)>{label.clone()}</button> }
                .into_any();
        }
        view! {
            <div class="confirm signing" role="dialog" aria-label=format!("Sign: {label}")>
                <p>{statement.clone()}</p>
                <p>
                    "Signing as "<strong data-testid="signer">{signer}</strong>
                    ", meaning "<strong data-testid="signing-meaning">{meaning.label()}</strong>"."
                </p>
                <input type="hidden" name="signing[meaning]" value=meaning.as_db_str()/>
                <TextField id=format!("{id}-password") name="signing[password]" label="Your password"
                    field="password" error input=Input::PASSWORD.required() autocomplete="current-password"/>
                <div class="actions">
                    <button type="submit" class="button">{format!("Sign: {}", label.to_lowercase())}</button>
                    <button type="button" class="button subtle" on:click=move |_| armed.set(false)>"Cancel"</button>
                </div>
            </div>
        }
        .into_any()
    }
}

/// A record's signatures, each with its note when the record changed after
/// it was signed.
#[component]
pub fn Signatures(signatures: Vec<ShownSignature>) -> impl IntoView {
    (!signatures.is_empty()).then(|| {
        view! {
            <ul class="signatures" data-testid="signatures">
                {signatures.into_iter().map(|signature| view! {
                    <li>
                        <span class="signature">{signature.text}</span>
                        {signature.no_longer_matches.map(|note| view! {
                            <p class="field-error" data-testid="signature-mismatch">{note}</p>
                        })}
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}
