//! The QC template editor's field messages (`shell::EditorMessages`): the
//! domain's check runs in the browser as the admin types (every rule tried
//! on the family's samples), and the server's refusal of a save or of a
//! preview arrives after it, each at its field (`"<item index>:<field>"`).

use leptos::prelude::*;
use torvan::quality::{ChecklistItemDraft, ChecklistTemplateDraft, check_template};
use torvan::sink::FamilyOptions;

use crate::error::AppError;
pub(super) use crate::shell::{EditorMessages as Messages, editor_message as message};

/// The items as the editor holds them, each under a key that stays with
/// it when others move or go, so its inputs keep their state.
pub(super) type Items = RwSignal<Vec<(u32, ChecklistItemDraft)>>;

/// The template's own fields beside its items.
#[derive(Clone, Copy)]
pub(super) struct Head {
    pub review_required: RwSignal<bool>,
    pub notes: RwSignal<String>,
}

/// The draft as the editor holds it, for a check, a save or a preview.
pub(super) fn draft(head: Head, items: Items) -> ChecklistTemplateDraft {
    ChecklistTemplateDraft {
        review_required: head.review_required.get(),
        notes: head.notes.get(),
        items: items.with(|items| items.iter().map(|(_, item)| item.clone()).collect()),
    }
}

pub(super) fn checked(
    head: Head,
    items: Items,
    server: Signal<Option<AppError>>,
    family: StoredValue<FamilyOptions>,
) -> Messages {
    let check = move || {
        let draft = draft(head, items);
        family.with_value(|family| check_template(&draft, family).err().unwrap_or_default())
    };
    Messages::new(check, server)
}
