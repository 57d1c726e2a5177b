//! The template editor's field messages (`shell::EditorMessages`): the
//! template's checks, the trial on the family's samples included, run in the
//! browser as the admin types; what only the server knows (a part number not
//! in the catalogue) arrives with a refused save.

use leptos::prelude::*;
use torvan::bom::{TemplateHeader, TemplateLineDraft, check_template};
use torvan::sink::FamilyOptions;

use crate::error::AppError;
pub(super) use crate::shell::{EditorMessages as Messages, editor_message as message};

pub(super) fn checked(
    header: RwSignal<TemplateHeader>,
    lines: RwSignal<Vec<(u32, TemplateLineDraft)>>,
    server: Signal<Option<AppError>>,
    family: StoredValue<FamilyOptions>,
) -> Messages {
    let check = move || {
        let drafts: Vec<TemplateLineDraft> =
            lines.with(|lines| lines.iter().map(|(_, line)| line.clone()).collect());
        family.with_value(|family| {
            header.with(|header| {
                check_template(header, &drafts, family)
                    .err()
                    .unwrap_or_default()
            })
        })
    };
    Messages::new(check, server)
}
