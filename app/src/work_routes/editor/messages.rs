//! The route editor's field messages (`shell::EditorMessages`): the domain's check runs in the browser as
//! the admin types (every rule tried on the family's samples), and the
//! server's refusal after a save, each at its field (`"<step index>:<field>"`).

use leptos::prelude::*;
use torvan::sink::FamilyOptions;
use torvan::workflow::route::{RouteDraft, RouteStepDraft, check_route};

use crate::error::AppError;
pub(super) use crate::shell::{EditorMessages as Messages, editor_message as message};

pub(super) type Steps = RwSignal<Vec<(u32, RouteStepDraft)>>;

/// The draft as the editor holds it, for a check, a save or a preview.
pub(super) fn draft(notes: RwSignal<String>, steps: Steps) -> RouteDraft {
    RouteDraft {
        notes: notes.get(),
        steps: steps.with(|steps| steps.iter().map(|(_, step)| step.clone()).collect()),
    }
}

pub(super) fn checked(
    notes: RwSignal<String>,
    steps: Steps,
    server: Signal<Option<AppError>>,
    family: StoredValue<FamilyOptions>,
) -> Messages {
    let check = move || {
        let draft = draft(notes, steps);
        family.with_value(|family| check_route(&draft, family).err().unwrap_or_default())
    };
    Messages::new(check, server)
}
