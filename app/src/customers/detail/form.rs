use leptos::prelude::*;

use crate::error::AppError;
use crate::shell::FieldMessage;

/// One form's fields: ids unique on the page (several edit forms share it),
/// names as the server function reads them.
#[derive(Clone)]
pub(super) struct Form {
    pub id: String,
    pub name: &'static str,
    pub error: Signal<Option<AppError>>,
}

impl Form {
    pub fn new(id: impl Into<String>, name: &'static str, error: Signal<Option<AppError>>) -> Self {
        Self {
            id: id.into(),
            name,
            error,
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
        view! {
            <label for=id.clone()>{label}</label>
            <input id=id name=name value=value/>
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
