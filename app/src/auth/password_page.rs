use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use super::ChangePassword;
use crate::error::AppError;
use crate::shell::action_error;
use crate::shell::form::{Input, TextField};

#[component]
pub fn PasswordPage() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let outcome = move || action.value().get();
    let error = action_error(action);
    let other_error = move || match outcome() {
        Some(Err(error)) if !matches!(error, AppError::Invalid { .. }) => Some(error.to_string()),
        _ => None,
    };

    view! {
        <Title text="Change password"/>
        <section class="card narrow">
            <h1>"Change password"</h1>
            <p>"Use at least 12 characters. A few unrelated words make a strong, memorable password."</p>
            <ActionForm action attr:class="form">
                <TextField id="current_password" name="current_password" label="Current password"
                    field="current_password" error input=Input::PASSWORD.required()
                    autocomplete="current-password"/>
                <TextField id="new_password" name="new_password" label="New password"
                    field="new_password" error input=Input::PASSWORD.required()
                    autocomplete="new-password" minlength=12 limit=Some(128)/>
                <TextField id="confirm_password" name="confirm_password" label="Repeat the new password"
                    field="confirm_password" error input=Input::PASSWORD.required()
                    autocomplete="new-password"/>
                {move || other_error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                {move || matches!(outcome(), Some(Ok(()))).then(|| view! {
                    <p class="form-success" role="status">
                        "Password changed. Your other sessions have been signed out."
                    </p>
                })}
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    "Change password"
                </button>
            </ActionForm>
        </section>
    }
}
