use leptos::prelude::*;

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
            .map(|message| view! { <p class="field-error" data-field=field>{message}</p> })
    }
}

/// The form's summary line: what went wrong, announced to screen readers.
#[component]
pub fn FormError(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .map(|error| view! { <p class="form-error" role="alert">{error.to_string()}</p> })
    }
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
