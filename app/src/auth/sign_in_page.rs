use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use super::SignIn;
use crate::shell::hard_navigate;

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
                <label for="email">"Email"</label>
                <input id="email" name="email" type="email" autocomplete="username" required/>
                <label for="password">"Password"</label>
                <input
                    id="password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                />
                {move || error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    "Sign in"
                </button>
            </ActionForm>
        </section>
    }
}
