use leptos::prelude::*;

use torvan::plural::count;

use crate::error::AppError;

/// The last error of a form's action, as a signal for its messages.
pub fn action_error<I, O>(action: ServerAction<I>) -> Signal<Option<AppError>>
where
    I: server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// The message beside one field, when the last attempt broke its rule.
#[component]
pub fn FieldMessage(error: Signal<Option<AppError>>, field: &'static str) -> impl IntoView {
    move || {
        error
            .get()
            .and_then(|error| error.for_field(field))
            .map(|message| field_error(field, message))
    }
}

/// How every form shows the message of one field (`data-field` names the
/// field for tests and for the form's summary links): the posted forms
/// through `FieldMessage`, the editors checked as the user types (the sink
/// wizard, the template editor) with the domain's messages of their draft.
pub fn field_error(field: impl Into<String>, message: String) -> impl IntoView {
    let field: String = field.into();
    view! { <p class="field-error" data-field=field>{message}</p> }
}

/// The form's summary, placed at its top and announced to screen readers:
/// the refused fields, each message a link to its field, or what else kept
/// the form from being saved.
#[component]
pub fn FormError(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|error| {
            let problems = error.problems();
            if problems.is_empty() {
                return view! { <p class="form-error" role="alert">{error.form_message()}</p> }
                    .into_any();
            }
            let heading = format!(
                "Not saved: {} to correct.",
                count(problems.len(), "field", "fields")
            );
            view! {
                <div class="form-error form-summary" role="alert">
                    <p>{heading}</p>
                    <ul>
                        {problems.into_iter().map(|(field, message)| view! {
                            <li><a href=format!("#{field}") data-field=field.clone()
                                on:click=move |event| focus_field(event, &field)>{message}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            }
            .into_any()
        })
    }
}

/// Moves the focus from a summary link to the field of the same form whose
/// name is `field` (`draft[field]` or `field`).
fn focus_field(event: leptos::ev::MouseEvent, field: &str) {
    #[cfg(feature = "hydrate")]
    {
        use web_sys::wasm_bindgen::JsCast;
        let form = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|link| link.closest("form").ok().flatten());
        let selector = format!("[name=\"{field}\"], [name$=\"[{field}]\"]");
        let input = form
            .and_then(|form| form.query_selector(&selector).ok().flatten())
            .and_then(|input| input.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(input) = input {
            event.prevent_default();
            let _ = input.focus();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (event, field);
}

/// How many times the action has succeeded. Pages reload their data on
/// this rather than on every attempt, so a refused form keeps what the user
/// typed next to its messages.
pub fn successes<I, O>(action: ServerAction<I>) -> Signal<usize>
where
    I: server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    let count = RwSignal::new(0);
    Effect::new(move || {
        if let Some(Ok(_)) = action.value().get() {
            count.update(|count| *count += 1);
        }
    });
    count.into()
}
