use leptos::prelude::*;

use crate::error::AppError;
use crate::limit_hint::LimitHint;
use crate::shell::FieldMessage;

/// One form's fields: ids unique on the page (several edit forms share it),
/// names as the server function reads them, and each text field's limit
/// from the draft's `text_limit`, which its validation also reads.
#[derive(Clone)]
pub(super) struct Form {
    pub id: String,
    pub name: &'static str,
    pub error: Signal<Option<AppError>>,
    pub limits: fn(&str) -> Option<usize>,
}

impl Form {
    pub fn new(
        id: impl Into<String>,
        name: &'static str,
        error: Signal<Option<AppError>>,
        limits: fn(&str) -> Option<usize>,
    ) -> Self {
        Self {
            id: id.into(),
            name,
            error,
            limits,
        }
    }

    pub fn id_of(&self, field: &str) -> String {
        format!("{}-{field}", self.id)
    }

    pub fn name_of(&self, field: &str) -> String {
        format!("{}[{field}]", self.name)
    }

    pub fn text(
        &self,
        field: &'static str,
        label: &'static str,
        value: String,
    ) -> impl IntoView + use<> {
        let id = self.id_of(field);
        let name = self.name_of(field);
        let error = self.error;
        let limit = (self.limits)(field);
        view! {
            <label for=id.clone()>{label}</label>
            <input id=id name=name value=value maxlength=limit/>
            <LimitHint limit/>
            <FieldMessage error field/>
        }
    }

    /// A text area for a page of text, with its limit said under it.
    pub fn text_area(
        &self,
        field: &'static str,
        label: &'static str,
        value: String,
    ) -> impl IntoView + use<> {
        let id = self.id_of(field);
        let name = self.name_of(field);
        let error = self.error;
        let limit = (self.limits)(field);
        view! {
            <label for=id.clone()>{label}</label>
            <textarea id=id name=name rows="2" maxlength=limit>{value}</textarea>
            <LimitHint limit/>
            <FieldMessage error field/>
        }
    }

    pub fn check(
        &self,
        field: &'static str,
        label: &'static str,
        on: &str,
    ) -> impl IntoView + use<> {
        let ticked = matches!(on, "yes" | "on" | "true");
        let name = self.name_of(field);
        let error = self.error;
        view! {
            <label class="check">
                <input type="checkbox" name=name value="yes" checked=ticked/>
                {label}
            </label>
            <FieldMessage error field/>
        }
    }
}

/// Counts a successful edit from a form with its own action, so the page
/// reloads as it does after its shared actions.
pub(super) fn reload_after<I, O>(action: ServerAction<I>, edits: RwSignal<usize>)
where
    I: server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Effect::new(move || {
        if let Some(Ok(_)) = action.value().get() {
            edits.update(|count| *count += 1);
        }
    });
}
