//! `/admin/qc-templates/:family/:phase`: a family's checklist for one QC
//! phase, item by item, checked as it is typed, saved as the next version,
//! planned for a unit.

mod item_card;
mod messages;
mod preview_panel;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use torvan::Action;
use torvan::quality::ChecklistItemDraft;

use super::api::{PreviewQcTemplate, SaveQcTemplate, get_qc_template};
use super::model::QcTemplateEditor;
use crate::shell::{Crumb, FormError, Loaded, Permitted, PermittedPage, Trail, action_error};
use crate::work_routes::Variables;
use item_card::ItemCard;
use messages::{Head, Items, draft, message};
use preview_panel::PreviewPanel;

#[component]
pub fn QcTemplatePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let template = Resource::new(
        move || {
            let params = params.read();
            (
                params.get("family").unwrap_or_default(),
                params.get("phase").unwrap_or_default(),
                query.read().get("copy_from"),
            )
        },
        |(family, phase, copy_from)| get_qc_template(family, phase, copy_from),
    );
    view! {
        <PermittedPage on=torvan::Resource::BomTemplates action=Action::Read>
            <Loaded resource=template loading="Loading the checklist…" render=move |editor| view! { <Editor editor/> }/>
        </PermittedPage>
    }
}

/// A new required item after the last.
fn add(items: Items) {
    items.update(|items| {
        let key = items
            .iter()
            .map(|(key, _)| key + 1)
            .max()
            .unwrap_or_default();
        items.push((
            key,
            ChecklistItemDraft {
                required: true,
                ..ChecklistItemDraft::default()
            },
        ));
    });
}

#[component]
fn Editor(editor: QcTemplateEditor) -> impl IntoView {
    let family = editor.family_code.clone();
    let phase = crate::routes::phase_slug(editor.phase);
    let head = Head {
        review_required: RwSignal::new(editor.draft.review_required),
        notes: RwSignal::new(editor.draft.notes.clone()),
    };
    let items: Items = RwSignal::new(
        editor
            .draft
            .items
            .into_iter()
            .enumerate()
            .map(|(key, item)| (u32::try_from(key).unwrap_or(u32::MAX), item))
            .collect(),
    );
    let save = ServerAction::<SaveQcTemplate>::new();
    let preview = ServerAction::<PreviewQcTemplate>::new();
    let family_options = StoredValue::new(editor.family_options.clone());
    // A refused save, or a rule that fails for the unit a preview planned,
    // shows at its field; a preview refused as a whole (at `build`: no
    // approved BOM, fields to correct first) is said in the preview alone.
    let server = Signal::derive(move || {
        action_error(save).get().or_else(|| {
            action_error(preview)
                .get()
                .filter(|error| error.for_field("build").is_none())
        })
    });
    let messages = messages::checked(head, items, server, family_options);
    let version = RwSignal::new(editor.version);
    Effect::new(move || {
        if let Some(Ok(saved)) = save.value().get() {
            version.set(saved);
        }
    });
    let submit = {
        let family = family.clone();
        move |_| {
            save.dispatch(SaveQcTemplate {
                family: family.clone(),
                phase: phase.clone(),
                version: version.get_untracked(),
                draft: untrack(|| draft(head, items)),
            });
        }
    };
    let title = format!("{} {} checklist", editor.family, editor.phase.label());
    view! {
        <Title text=title.clone()/>
        <Trail trail=vec![Crumb::new("QC templates", crate::routes::QC_TEMPLATES)] current=title.clone()/>
        <h1>{title}<span class="subtitle" data-testid="qc-template-version">{move || match version.get() {
            0 => "no version saved yet".to_owned(),
            saved => format!("version {saved}"),
        }}</span></h1>
        <p class="hint">
            "Each item is on a build's checklist when its condition holds for the build (empty: always), as many times as its copies formula gives (empty: once); both use the configuration's variables, e.g. legs.kind = 'ELECTRIC' or basin_count. "
            "A repeated item's description says which copy it is with {n}. Only a measurement has a nominal value, a tolerance and a unit."
        </p>
        <Variables family=editor.family_options summary="Variables a condition or a copies formula may use"/>
        <section aria-labelledby="items-heading">
            <h2 id="items-heading">"Items"</h2>
            {message(messages, || "items".to_owned())}
            <For each=move || items.get() key=|(key, _)| *key let:item>
                <ItemCard key=item.0 items messages/>
            </For>
            <button type="button" class="button subtle" on:click=move |_| add(items)>"Add item"</button>
        </section>
        <Permitted on=torvan::Resource::BomTemplates action=Action::Update>
            <div class="form">
                <label class="check">
                    <input type="checkbox" prop:checked=move || head.review_required.get()
                        on:change=move |event| head.review_required.set(event_target_checked(&event))/>
                    "A second person reviews each signed checklist"
                </label>
                <label for="qc-template-notes">"Notes on this version"</label>
                <textarea id="qc-template-notes" rows="2" prop:value=move || head.notes.get()
                    on:input=move |event| head.notes.set(event_target_value(&event))></textarea>
                {message(messages, || "notes".to_owned())}
            </div>
            <p class="actions">
                <button type="button" class="button" on:click=submit.clone() disabled=move || save.pending().get()>"Save checklist"</button>
                <span role="status">{move || match messages.count() {
                    0 => save.value().get().and_then(Result::ok).map(|saved| format!("Saved as version {saved}.")),
                    count => Some(format!("{} to correct before saving.", torvan::plural::count(count, "field", "fields"))),
                }}</span>
            </p>
            <FormError error=Signal::derive(move || {
                action_error(save).get().filter(|error| error.problems().is_empty())
            })/>
        </Permitted>
        <PreviewPanel family head items builds=editor.builds preview/>
    }
}
