use leptos::prelude::*;

use crate::error::AppError;

/// Shown in place of a page's content when loading it failed. Errors reaching
/// here are already user-facing messages; details were logged on the server.
/// A record that does not exist gets the not-found page (and, on a route
/// rendered in full before sending, its 404 status).
#[component]
pub fn Failure(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let missing = errors
        .get_untracked()
        .into_iter()
        .any(|(_, error)| error.to_string() == AppError::NotFound.to_string());
    if missing {
        return view! { <super::not_found::NotFound/> }.into_any();
    }
    let messages = Memo::new(move |_| {
        errors
            .get()
            .into_iter()
            .map(|(_, error)| error.to_string())
            .collect::<Vec<_>>()
    });
    let forbidden = move || messages.get().contains(&AppError::Forbidden.to_string());

    view! {
        <section class="message-page" role="alert">
            <h1>{move || if forbidden() { "No access" } else { "Something went wrong" }}</h1>
            <ul>{move || messages.get().into_iter().map(|message| view! { <li>{message}</li> }).collect_view()}</ul>
            {move || {
                if forbidden() {
                    view! { <a class="button" href="/">"Back to the dashboard"</a> }.into_any()
                } else {
                    view! { <a class="button" href="">"Try again"</a> }.into_any()
                }
            }}
        </section>
    }
    .into_any()
}
