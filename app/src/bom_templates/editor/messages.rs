use std::collections::HashMap;

use leptos::prelude::*;
use torvan::bom::TemplateLineDraft;

use super::super::api::TemplateHeader;
use super::super::checks::{header_problems, read_lines};
use crate::error::AppError;

/// What is wrong with each field: the checks run in the browser as the
/// admin types, then what only the server knows (a part number not in the
/// catalogue) after a save.
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
    ) -> Self {
        let local = Memo::new(move |_| {
            let drafts: Vec<TemplateLineDraft> =
                lines.with(|lines| lines.iter().map(|(_, line)| line.clone()).collect());
            let mut problems = header.with(header_problems);
            problems.extend(read_lines(&drafts).err().unwrap_or_default());
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

    pub fn count(self) -> usize {
        self.local.with(HashMap::len)
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
            .map(|text| view! { <p class="field-error" data-field=field>{text}</p> })
    }
}
