use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use super::SignIn;
use crate::shell::form::{Input, TextField};
use crate::shell::{action_error, hard_navigate};

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    // A full page load after signing in, so every part of the page is rendered
    // for the new user by the server.
    Effect::new(move || {
        if let Some(Ok(next)) = action.value().get() {
            hard_navigate(&next);
        }
    });
    let field_error = action_error(action);
    let error = move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| error.to_string())
    };

    view! {
        <Title text="Sign in"/>
        <section class="card narrow sign-in">
            <h1>"Sign in"</h1>
            <ActionForm action attr:class="form">
                <TextField id="email" name="email" label="Email" field="email" error=field_error
                    input=Input::EMAIL.required() autocomplete="username"/>
                <TextField id="password" name="password" label="Password" field="password"
                    error=field_error input=Input::PASSWORD.required() autocomplete="current-password"/>
                {move || error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    "Sign in"
                </button>
            </ActionForm>
        </section>
    }
}
