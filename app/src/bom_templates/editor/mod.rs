//! `/admin/bom-templates/:id`: a template's fields and lines, checked as
//! they are typed, saved as a new version, previewed against a
//! configuration.

mod fields;
mod line_row;
mod lines;
mod messages;
mod preview_panel;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use torvan::Action;
use uuid::Uuid;

use super::api::{DuplicateTemplate, SaveTemplate, get_template};
use super::model::TemplateEditor;
use crate::shell::{Crumb, FormError, Loaded, Permitted, PermittedPage, Trail, action_error};
use fields::HeaderFields;
use lines::LinesTable;
use preview_panel::PreviewPanel;

#[component]
pub fn TemplatePage() -> impl IntoView {
    let params = use_params_map();
    let template = Resource::new(
        move || {
            params
                .read()
                .get("id")
                .and_then(|id| Uuid::parse_str(&id).ok())
        },
        |id| async move {
            match id {
                Some(id) => get_template(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <PermittedPage on=torvan::Resource::BomTemplates action=Action::Read>
            <Loaded resource=template loading="Loading the template…" render=move |editor| view! { <Editor editor/> }/>
        </PermittedPage>
    }
}

#[component]
fn Editor(editor: TemplateEditor) -> impl IntoView {
    let id = editor.id;
    let header = RwSignal::new(editor.header.clone());
    let lines = RwSignal::new(
        editor
            .lines
            .into_iter()
            .enumerate()
            .map(|(key, line)| (u32::try_from(key).unwrap_or(u32::MAX), line))
            .collect::<Vec<_>>(),
    );
    let save = ServerAction::<SaveTemplate>::new();
    let family = StoredValue::new(editor.family_options.clone());
    let messages = messages::checked(header, lines, action_error(save), family);
    let version = RwSignal::new(editor.version.clone());
    Effect::new(move || {
        if let Some(Ok(saved)) = save.value().get() {
            version.set(saved);
        }
    });
    let submit = move |_| {
        save.dispatch(SaveTemplate {
            id,
            header: header.get_untracked(),
            lines: lines
                .with_untracked(|lines| lines.iter().map(|(_, line)| line.clone()).collect()),
        });
    };
    let title = format!("{} · {}", editor.header.name, editor.family);
    view! {
        <Title text=title.clone()/>
        <Trail trail=vec![Crumb::new("BOM templates", "/admin/bom-templates")] current=editor.header.name.clone()/>
        <h1>{editor.header.name.clone()}<span class="subtitle">{move || format!("{} · version {}", editor.family, version.get())}</span></h1>
        <HeaderFields header messages/>
        <LinesTable lines messages/>
        <Permitted on=torvan::Resource::BomTemplates action=Action::Update>
            <p class="actions">
                <button type="button" class="button" on:click=submit disabled=move || save.pending().get()>"Save template"</button>
                <span role="status">{move || match messages.count() {
                    0 => save.value().get().and_then(Result::ok).map(|saved| format!("Saved as version {saved}.")),
                    count => Some(format!("{} to correct before saving.", torvan::plural::count(count, "field", "fields"))),
                }}</span>
            </p>
            <FormError error=Signal::derive(move || {
                action_error(save).get().filter(|error| error.problems().is_empty())
            })/>
        </Permitted>
        <PreviewPanel id lines configurations=editor.configurations/>
        <Permitted on=torvan::Resource::BomTemplates action=Action::Create>
            <DuplicateButton id/>
        </Permitted>
    }
}

/// Starts a new template from this one and opens it.
#[component]
fn DuplicateButton(id: Uuid) -> impl IntoView {
    let duplicate = ServerAction::<DuplicateTemplate>::new();
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(copy)) = duplicate.value().get() {
            navigate(&crate::routes::bom_template(copy), Default::default());
        }
    });
    view! {
        <p class="actions">
            <button type="button" class="button subtle" on:click=move |_| {
                duplicate.dispatch(DuplicateTemplate { id });
            }>"Duplicate as a new template"</button>
        </p>
        <FormError error=action_error(duplicate)/>
    }
}
