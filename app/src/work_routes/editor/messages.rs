//! The editor's field messages: the domain's check runs in the browser as
//! the admin types (every rule tried on the family's samples), and the
//! server's refusal after a save, each at its field (`"<step index>:<field>"`).

use std::collections::HashMap;

use leptos::prelude::*;
use torvan::sink::FamilyOptions;
use torvan::workflow::route::{RouteDraft, RouteStepDraft, check_route};

use crate::error::AppError;
use crate::shell::field_error;

pub(super) type Steps = RwSignal<Vec<(u32, RouteStepDraft)>>;

/// The draft as the editor holds it, for a check, a save or a preview.
pub(super) fn draft(notes: RwSignal<String>, steps: Steps) -> RouteDraft {
    RouteDraft {
        notes: notes.get(),
        steps: steps.with(|steps| steps.iter().map(|(_, step)| step.clone()).collect()),
    }
}

#[derive(Clone, Copy)]
pub(super) struct Messages {
    local: Memo<HashMap<String, String>>,
    server: Signal<Option<AppError>>,
}

impl Messages {
    pub fn new(
        notes: RwSignal<String>,
        steps: Steps,
        server: Signal<Option<AppError>>,
        family: StoredValue<FamilyOptions>,
    ) -> Self {
        let local = Memo::new(move |_| {
            let draft = draft(notes, steps);
            let problems =
                family.with_value(|family| check_route(&draft, family).err().unwrap_or_default());
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
