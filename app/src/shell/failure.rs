use leptos::prelude::*;

/// Shown in place of a page's content when loading it failed. Errors reaching
/// here are already user-facing messages; details were logged on the server.
#[component]
pub fn Failure(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! {
        <section class="message-page" role="alert">
            <h1>"Something went wrong"</h1>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, error)| view! { <li>{error.to_string()}</li> })
                        .collect_view()
                }}
            </ul>
            <a class="button" href="">"Try again"</a>
        </section>
    }
}
