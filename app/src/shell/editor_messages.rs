//! The field messages of an editor checked as the user types (the template
//! editor, the route editor): the domain's check runs in the browser on
//! every change, and what only the server knows arrives with a refused
//! save; each message shows at its field, the browser's first.

use std::collections::HashMap;

use leptos::prelude::*;
use torvan::FieldError;

use super::field_error;
use crate::error::AppError;

#[derive(Clone, Copy)]
pub struct EditorMessages {
    local: Memo<HashMap<String, String>>,
    server: Signal<Option<AppError>>,
}

impl EditorMessages {
    /// `check` reads the editor's draft signals and returns every problem.
    pub fn new(
        check: impl Fn() -> Vec<FieldError> + Send + Sync + 'static,
        server: Signal<Option<AppError>>,
    ) -> Self {
        let local = Memo::new(move |_| {
            let mut by_field = HashMap::new();
            for problem in check() {
                by_field.entry(problem.field).or_insert(problem.message);
            }
            by_field
        });
        Self { local, server }
    }

    pub fn for_field(self, field: &str) -> Option<String> {
        self.local
            .with(|local| local.get(field).cloned())
            .or_else(|| self.server.get().and_then(|error| error.for_field(field)))
    }

    /// How many fields have a message: the browser's, and the server's
    /// for fields the browser finds nothing wrong with.
    pub fn count(self) -> usize {
        let server = self
            .server
            .get()
            .map(|error| error.fields())
            .unwrap_or_default();
        self.local.with(|local| {
            let server_only = server.iter().filter(|field| !local.contains_key(*field));
            local.len() + server_only.count()
        })
    }
}

/// The message under a field, if it has one.
pub fn editor_message(
    messages: EditorMessages,
    field: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let field = field();
        messages
            .for_field(&field)
            .map(|text| field_error(field, text))
    }
}
