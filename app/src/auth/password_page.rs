use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use super::ChangePassword;
use crate::error::AppError;

#[component]
pub fn PasswordPage() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let outcome = move || action.value().get();
    let field_error = move |field: &'static str| {
        move || {
            outcome()
                .and_then(Result::err)
                .and_then(|error| error.for_field(field))
                .map(|message| view! { <p class="field-error" id=format!("{field}-error")>{message}</p> })
        }
    };
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
                <label for="current_password">"Current password"</label>
                <input id="current_password" name="current_password" type="password"
                    autocomplete="current-password" required/>
                {field_error("current_password")}
                <label for="new_password">"New password"</label>
                <input id="new_password" name="new_password" type="password"
                    autocomplete="new-password" minlength="12" maxlength="128" required/>
                {field_error("new_password")}
                <label for="confirm_password">"Repeat the new password"</label>
                <input id="confirm_password" name="confirm_password" type="password"
                    autocomplete="new-password" required/>
                {field_error("confirm_password")}
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
