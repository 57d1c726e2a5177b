//! The editor's field messages: the domain's checks run in the browser as
//! the admin types, and the server's refusal after a save, each at its field.

use std::collections::HashMap;

use leptos::prelude::*;
use torvan::bom::{TemplateHeader, TemplateLineDraft, check_template};
use torvan::sink::FamilyOptions;

use crate::error::AppError;
use crate::shell::field_error;

/// What is wrong with each field: the checks run in the browser as the
/// admin types (the trial on the family's samples included), then what only
/// the server knows (a part number not in the catalogue) after a save.
#[derive(Clone, Copy)]
pub(super) struct Messages {
    local: Memo<HashMap<String, String>>,
    server: Signal<Option<AppError>>,
}

impl Messages {
    pub fn new(
        header: RwSignal<TemplateHeader>,
        lines: RwSignal<Vec<(u32, TemplateLineDraft)>>,
        server: Signal<Option<AppError>>,
        family: StoredValue<FamilyOptions>,
    ) -> Self {
        let local = Memo::new(move |_| {
            let drafts: Vec<TemplateLineDraft> =
                lines.with(|lines| lines.iter().map(|(_, line)| line.clone()).collect());
            let problems = family.with_value(|family| {
                header.with(|header| {
                    check_template(header, &drafts, family)
                        .err()
                        .unwrap_or_default()
                })
            });
            let mut by_field = HashMap::new();
            for problem in problems {
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
pub(super) fn message(
    messages: Messages,
    field: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let field = field();
        messages
            .for_field(&field)
            .map(|text| field_error(field, text))
    }
}
