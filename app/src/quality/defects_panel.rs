//! The checklist's defects: each opened by a failed item, described here
//! (severity, location, root cause, corrective and preventive action), moved
//! along its workflow, or waived with a reason and the waiver's signature.
//! Only people who may change QC records see the forms; the moves offered
//! are the domain's (`torvan::quality::defect_moves`).

use leptos::prelude::*;
use torvan::quality::{DefectStatus, Severity, defect_moves};
use torvan::signature::Meaning;
use torvan::{Action as Act, DbEnum, Resource as On, Role};
use uuid::Uuid;

use super::api::{MoveDefect, SaveDefect, WaiveDefect};
use super::item_card::Thumbnails;
use super::model::DefectView;
use super::photos::PhotoCapture;
use crate::error::AppError;
use crate::shell::Permitted;
use crate::shell::form::{choices, options};
use crate::shell::{FieldMessage, FormError, action_error};
use crate::signatures::SignSubmit;

#[component]
pub(super) fn DefectsPanel(
    checklist: Uuid,
    /// Still being recorded: defects take photos.
    checklist_open: bool,
    defects: Resource<Result<Vec<DefectView>, AppError>>,
    reloads: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="defects-heading" data-testid="defects">
            <h2 id="defects-heading">"Defects"</h2>
            <crate::shell::Loaded resource=defects loading="Loading the defects…" render=move |defects| {
                if defects.is_empty() {
                    return view! { <p class="empty">"No defects: a failed item opens one."</p> }.into_any();
                }
                defects
                    .into_iter()
                    .map(|defect| view! { <Defect checklist checklist_open defect reloads/> })
                    .collect_view()
                    .into_any()
            }/>
        </section>
    }
}

#[component]
fn Defect(
    checklist: Uuid,
    checklist_open: bool,
    defect: DefectView,
    reloads: RwSignal<usize>,
) -> impl IntoView {
    let save = ServerAction::<SaveDefect>::new();
    let step = ServerAction::<MoveDefect>::new();
    let waive = ServerAction::<WaiveDefect>::new();
    for done in [save.version(), step.version(), waive.version()] {
        Effect::new(move |seen: Option<usize>| {
            let now = done.get();
            if seen.is_some_and(|seen| seen != now) {
                reloads.update(|count| *count += 1);
            }
            now
        });
    }
    let (save_error, step_error, waive_error) =
        (action_error(save), action_error(step), action_error(waive));
    let id = defect.id;
    let version = defect.version;
    let status = defect.status;
    let open = !matches!(status, DefectStatus::Closed | DefectStatus::Waived);
    let status_class = format!("badge defect-status {}", status.as_db_str().to_lowercase());
    let severity_class = format!(
        "badge severity {}",
        defect.severity.as_db_str().to_lowercase()
    );
    // Whoever sees the forms may change QC records (QC and admin), and the
    // domain lets both make every move; the waiver has its own form.
    let offered = defect_moves(Role::QcPerson, status);
    let may_waive = offered.contains(&DefectStatus::Waived);
    let moves: Vec<DefectStatus> = offered
        .into_iter()
        .filter(|&to| to != DefectStatus::Waived)
        .collect();
    let field_id = move |field: &str| format!("defect-{id}-{field}");
    let text = move |field: &'static str, label: &'static str, value: String| {
        let id = field_id(field);
        view! {
            <label for=id.clone()>{label}</label>
            <textarea id=id name=format!("fields[{field}]") rows="2">{value}</textarea>
            <FieldMessage error=save_error field/>
        }
    };
    let short = move |field: &'static str, label: &'static str, value: String| {
        let id = field_id(field);
        view! {
            <label for=id.clone()>{label}</label>
            <input id=id name=format!("fields[{field}]") value=value maxlength="100"/>
            <FieldMessage error=save_error field/>
        }
    };
    let waiver = defect
        .waiver_reason
        .clone()
        .map(|reason| view! { <p>"Waived: " {reason}</p> });
    let details = view! {
        <dl class="properties">
            <div><dt>"Location"</dt><dd>{or_dash(&defect.location)}</dd></div>
            <div><dt>"Root cause"</dt><dd>{or_dash(&defect.root_cause)}</dd></div>
            <div><dt>"Corrective action"</dt><dd>{or_dash(&defect.corrective_action)}</dd></div>
            <div><dt>"Preventive action"</dt><dd>{or_dash(&defect.preventive_action)}</dd></div>
            <div><dt>"Resolution"</dt><dd>{or_dash(&defect.resolution_notes)}</dd></div>
        </dl>
    };
    let editing = open.then(|| {
        let defect = StoredValue::new(defect.clone());
        let field = move |read: fn(&DefectView) -> &String| defect.with_value(|defect| read(defect).clone());
        view! {
            <Permitted on=On::Qc action=Act::Update>
                <details class="defect-edit">
                    <summary>"Describe the defect"</summary>
                    <ActionForm action=save attr:class="form">
                        <input type="hidden" name="defect" value=id.to_string()/>
                        <input type="hidden" name="version" value=version/>
                        <label for=format!("defect-{id}-severity")>"Severity"</label>
                        <select id=format!("defect-{id}-severity") name="fields[severity]">
                            {options(defect.with_value(|defect| defect.severity.as_db_str()), choices::<Severity>(Severity::label))}
                        </select>
                        <FieldMessage error=save_error field="severity"/>
                        {short("category", "Category", field(|defect| &defect.category))}
                        {short("location", "Location on the unit", field(|defect| &defect.location))}
                        {text("description", "Description", field(|defect| &defect.description))}
                        {text("root_cause", "Root cause", field(|defect| &defect.root_cause))}
                        {text("corrective_action", "Corrective action", field(|defect| &defect.corrective_action))}
                        {text("preventive_action", "Preventive action", field(|defect| &defect.preventive_action))}
                        {text("resolution_notes", "Resolution notes", field(|defect| &defect.resolution_notes))}
                        <button type="submit" class="button">"Save the defect"</button>
                        <FieldMessage error=save_error field="defect"/>
                        <FormError error=save_error/>
                    </ActionForm>
                </details>
                <div class="actions">
                    {moves.iter().map(|&to| {
                        view! {
                            <ActionForm action=step attr:class="inline">
                                <input type="hidden" name="defect" value=id.to_string()/>
                                <input type="hidden" name="version" value=version/>
                                <input type="hidden" name="to" value=to.as_db_str()/>
                                <button type="submit" class="button subtle">{move_label(status, to)}</button>
                            </ActionForm>
                        }
                    }).collect_view()}
                </div>
                <FieldMessage error=step_error field="to"/>
                <FieldMessage error=step_error field="defect"/>
                <FormError error=step_error/>
            </Permitted>
            {may_waive.then(|| view! {
                <Permitted on=On::Qc action=Act::Approve>
                    <ActionForm action=waive attr:class="form waive">
                        <input type="hidden" name="defect" value=id.to_string()/>
                        <input type="hidden" name="version" value=version/>
                        <label for=format!("defect-{id}-waiver-reason")>"Reason for the waiver"</label>
                        <textarea id=format!("defect-{id}-waiver-reason") name="reason" rows="2" maxlength="1000"></textarea>
                        <FieldMessage error=waive_error field="reason"/>
                        <SignSubmit label="Waive the defect" meaning=Meaning::Approved error=waive_error
                            id=format!("waive-{id}")
                            statement="You accept this unit with the defect as it is, for the reason given."/>
                        <FormError error=waive_error/>
                    </ActionForm>
                </Permitted>
            })}
        }
    });
    // Photos go on a defect while its checklist is still being recorded;
    // after the sign-off they are part of what was signed.
    let stored = StoredValue::new(defect.photos.clone());
    let photos = if open && checklist_open {
        view! {
            <Permitted on=On::Qc action=Act::Create otherwise=move || view! { <Thumbnails photos=stored.get_value()/> }>
                <PhotoCapture checklist defect=id stored=stored.get_value()/>
            </Permitted>
        }
        .into_any()
    } else {
        view! { <Thumbnails photos=stored.get_value()/> }.into_any()
    };
    view! {
        <article class="defect" data-testid="defect" data-number=defect.number.clone()>
            <h3>
                {defect.number.clone()} " "
                <span class=severity_class>{defect.severity.label()}</span> " "
                <span class=status_class data-testid="defect-status">{status.label()}</span>
            </h3>
            <p>"Item " {defect.item_number} ": " {defect.item_description.clone()}</p>
            <p>{defect.description.clone()}</p>
            {waiver}
            {details}
            {photos}
            {editing}
        </article>
    }
}

fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

/// The button's words for a move.
fn move_label(from: DefectStatus, to: DefectStatus) -> &'static str {
    match (from, to) {
        (_, DefectStatus::InProgress) => "Start work",
        (_, DefectStatus::Resolved) => "Mark resolved",
        (_, DefectStatus::Closed) => "Close (verified)",
        (_, DefectStatus::Open) => "Reopen",
        (_, DefectStatus::Waived) => "Waive",
    }
}
