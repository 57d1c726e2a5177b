//! One checklist item on the capture screen: what to check and how, then
//! large Pass / Fail buttons, or for a measurement the value with its unit,
//! judged PASS or FAIL as it is typed by the same domain function the
//! server records it with. A capture gets its id when it is made, and a
//! retry sends the same capture again, so a save whose answer was lost is
//! never recorded twice; a save that fails keeps the value on the screen
//! with "Not saved — retry".

use leptos::prelude::*;
use torvan::quality::{ItemResult, Judgement, Spec, Unit, judge, parse_reading};
use torvan::{Action as Act, DbEnum, Resource as On};
use uuid::Uuid;

use super::api::record_result;
use super::checklist_page::CaptureState;
use super::model::ItemView;
use super::photos::{PhotoCapture, PhotoSummary};
use crate::error::AppError;
use crate::offline::{KeptWrite, Outbox};
use crate::shell::{Permitted, field_error};

/// A capture as it is sent, kept to send again.
#[derive(Debug, Clone, PartialEq)]
struct Sent {
    capture: Uuid,
    result: Option<ItemResult>,
    value: Option<String>,
    unit: Option<Unit>,
    comment: Option<String>,
}

/// Where the item's last save stands.
#[derive(Debug, Clone, PartialEq)]
enum Saving {
    Idle,
    Sending,
    Saved,
    /// Refused: the message belongs at a field, nothing to retry.
    Refused(AppError),
    /// No answer or the server failed: the same capture can be sent again.
    NotSaved,
    /// No connection: this device keeps the capture and sends it later.
    Kept,
}

#[component]
pub(super) fn ItemCard(
    checklist: Uuid,
    item: ItemView,
    editable: bool,
    state: CaptureState,
) -> impl IntoView {
    let item_id = item.id;
    let spec = item.spec;
    let result = RwSignal::new(item.result);
    let value = RwSignal::new(
        item.reading
            .map(|reading| reading.value.normalize().to_string())
            .unwrap_or_default(),
    );
    let unit = RwSignal::new(
        item.reading
            .map(|reading| reading.unit)
            .or(spec.map(|spec| spec.unit())),
    );
    let comment = RwSignal::new(item.comment.clone().unwrap_or_default());
    let saving = RwSignal::new(Saving::Idle);
    let last = StoredValue::new(None::<Sent>);
    let send = Action::new(move |sent: &Sent| {
        let sent = sent.clone();
        async move {
            let answer = record_result(
                sent.capture,
                item_id,
                sent.result.map(|result| result.as_db_str().to_owned()),
                sent.value.clone(),
                sent.unit.map(|unit| unit.as_db_str().to_owned()),
                sent.comment.clone(),
            )
            .await;
            (sent, answer)
        }
    });
    Effect::new(move || {
        if let Some((sent, answer)) = send.value().get() {
            match answer {
                Ok(recorded) => {
                    result.set(Some(recorded.result));
                    state.results.update(|results| {
                        results.insert(item_id, recorded.result);
                    });
                    state.row_version.set(recorded.row_version);
                    if recorded.result == ItemResult::Fail {
                        state.defect_reloads.update(|count| *count += 1);
                    }
                    saving.set(Saving::Saved);
                }
                Err(AppError::Queued) => saving.set(Saving::Kept),
                Err(AppError::Transport(_) | AppError::Unavailable | AppError::Internal) => {
                    last.set_value(Some(sent));
                    saving.set(Saving::NotSaved);
                }
                Err(refused) => saving.set(Saving::Refused(refused)),
            }
        }
    });
    follow_kept(item_id, result, value, unit, saving);
    let submit = move |chosen: Option<ItemResult>| {
        // A value that does not read is already said at its field as it
        // is typed: there is nothing to send. (An empty one is sent: the
        // server says it is missing.)
        if let Some(spec) = spec {
            let unit = unit.get_untracked().unwrap_or(spec.unit());
            let typed = value.get_untracked();
            if !typed.trim().is_empty() && parse_reading(&typed, unit).is_err() {
                return;
            }
        }
        let sent = Sent {
            capture: Uuid::new_v4(),
            result: chosen,
            value: spec.map(|_| value.get_untracked()),
            unit: unit.get_untracked(),
            comment: Some(comment.get_untracked()).filter(|text| !text.trim().is_empty()),
        };
        saving.set(Saving::Sending);
        send.dispatch(sent);
    };
    let retry = move |_| {
        if let Some(sent) = last.get_value() {
            saving.set(Saving::Sending);
            send.dispatch(sent);
        }
    };
    let refused_at = move |field: &'static str| {
        move || match saving.get() {
            Saving::Refused(error) => error
                .for_field(field)
                .map(|message| field_error(format!("{item_id}-{field}"), message)),
            _ => None,
        }
    };
    let other_refusal = move || match saving.get() {
        Saving::Refused(error)
            if ["value", "unit", "result", "comment"]
                .iter()
                .all(|field| error.for_field(field).is_none()) =>
        {
            Some(view! { <p class="error" role="alert">{error.to_string()}</p> })
        }
        _ => None,
    };
    let result_badge = move || {
        result.get().map(|result| {
            let class = format!("badge qc-result {}", result.as_db_str().to_lowercase());
            view! { <span class=class data-testid="item-result">{result.label()}</span> }
        })
    };
    let heading = format!("{}. {}", item.number, item.description);
    let tools = (!item.tools.is_empty()).then(|| format!("Tools: {}", item.tools.join(", ")));
    let required = item.required;
    let photos = StoredValue::new(item.photos.clone());
    let locked = locked_note(&item);
    // Built again whenever `Permitted` renders its children, so only Copy
    // values are captured.
    let controls = move || {
        let verdict = match spec {
            Some(spec) => view! { <Measure item_id spec value unit submit/> }.into_any(),
            None => view! {
                <div class="qc-verdict">
                    <button type="button" class="button big pass" on:click=move |_| submit(Some(ItemResult::Pass))>"Pass"</button>
                    <button type="button" class="button big fail" on:click=move |_| submit(Some(ItemResult::Fail))>"Fail"</button>
                    {(!required).then(|| view! {
                        <button type="button" class="button big subtle" on:click=move |_| submit(Some(ItemResult::NotApplicable))>"Not applicable"</button>
                    })}
                </div>
            }
            .into_any(),
        };
        view! {
            {verdict}
            {refused_at("value")}
            {refused_at("unit")}
            {refused_at("result")}
            <PhotoCapture checklist item=item_id stored=photos.get_value()/>
            <label for=format!("{item_id}-comment")>"Comment (optional)"</label>
            <textarea id=format!("{item_id}-comment") rows="2" maxlength=super::model::COMMENT_LIMIT
                prop:value=move || comment.get() on:input=move |event| comment.set(event_target_value(&event))></textarea>
            {refused_at("comment")}
        }
    };
    let capture = if editable {
        view! {
            <Permitted on=On::Qc action=Act::Update otherwise=move || view! { <Thumbnails photos=photos.get_value()/> }>
                {controls()}
            </Permitted>
        }
        .into_any()
    } else {
        view! {
            <p class="muted">{locked}</p>
            <Thumbnails photos=photos.get_value()/>
        }
        .into_any()
    };
    view! {
        <article class="card qc-item" data-testid="qc-item" data-item=item.number>
            <header>
                <h2>{heading}</h2>
                {result_badge}
            </header>
            <p class="muted">
                {item.category.clone()} " · " {item.item_type.label()}
                {(!required).then_some(" · optional")}
                {item.photo_required.then_some(" · photo required")}
                {item.document_required.then_some(" · document required")}
            </p>
            {item.specification.clone().map(|text| view! { <p class="qc-spec">{text}</p> })}
            {spec.map(|spec| view! { <p class="qc-tolerance" data-testid="tolerance">{spec.describe()}</p> })}
            {item.procedure.clone().map(|text| view! { <p class="instructions">{text}</p> })}
            {tools.map(|text| view! { <p class="muted">{text}</p> })}
            {capture}
            <Permitted on=On::Documents action=Act::Read>
                <ItemDocuments item=item_id asked=item.document_required/>
            </Permitted>
            {item.recorded.clone().map(|text| view! { <p class="muted">"Recorded by " {text}</p> })}
            <p class="save-state" aria-live="polite">
                {move || match saving.get() {
                    Saving::Idle | Saving::Refused(_) => None,
                    Saving::Sending => Some(view! { <span>"Saving…"</span> }.into_any()),
                    Saving::Saved => Some(view! { <span data-testid="saved">"Saved"</span> }.into_any()),
                    Saving::Kept => Some(view! {
                        <span class="kept" data-testid="kept">"No connection — kept on this device, waiting to send"</span>
                    }.into_any()),
                    Saving::NotSaved => Some(view! {
                        <span class="error" data-testid="not-saved">"Not saved — "</span>
                        <button type="button" class="button subtle" on:click=retry>"Retry"</button>
                    }.into_any()),
                }}
            </p>
            {other_refusal}
        </article>
    }
}

/// Follows this item's capture kept on the device: a page opened again
/// offline shows the kept value, waiting; once sent the item says Saved,
/// and a refusal is said at the item (the outbox lists it too).
fn follow_kept(
    item: Uuid,
    result: RwSignal<Option<ItemResult>>,
    value: RwSignal<String>,
    unit: RwSignal<Option<Unit>>,
    saving: RwSignal<Saving>,
) {
    let outbox = Outbox::get();
    Effect::new(move || {
        let kept = outbox.result_for_item(item);
        let now = saving.get_untracked();
        match kept {
            Some(kept) if kept.is_waiting() => {
                if now == Saving::Idle
                    && let KeptWrite::Record {
                        result: kept_result,
                        reading,
                        ..
                    } = kept.write()
                {
                    if let Some((kept_value, kept_unit)) = reading {
                        value.set(kept_value);
                        if kept_unit.is_some() {
                            unit.set(kept_unit);
                        }
                    }
                    if kept_result.is_some() {
                        result.set(kept_result);
                    }
                    saving.set(Saving::Kept);
                }
            }
            Some(kept) if now == Saving::Kept => {
                saving.set(Saving::Refused(
                    kept.refusal().unwrap_or(AppError::Internal),
                ));
            }
            None if now == Saving::Kept => saving.set(Saving::Saved),
            _ => {}
        }
    });
}

/// The documents filed on an item (a tester's printout, a passivation
/// record), folded: a checklist has dozens of items, and each panel loads
/// its list only when it is first opened.
#[component]
fn ItemDocuments(item: Uuid, asked: bool) -> impl IntoView {
    let opened = RwSignal::new(false);
    let summary = if asked {
        "Documents (one is required)"
    } else {
        "Documents"
    };
    view! {
        <details class="item-documents" on:toggle=move |_| opened.set(true)>
            <summary>{summary}</summary>
            {move || opened.get().then(|| view! {
                <crate::documents::DocumentsPanel attached=torvan::document::Attachment::QcItem to=item.to_string()/>
            })}
        </details>
    }
}

/// The photos of an item or defect that is no longer changed.
#[component]
pub(super) fn Thumbnails(photos: Vec<PhotoSummary>) -> impl IntoView {
    (!photos.is_empty()).then(|| {
        view! {
            <ul class="photo-thumbnails">
                {photos.into_iter().map(|photo| view! {
                    <li>
                        <a href=crate::routes::qc_photo(photo.id) target="_blank">
                            <img src=crate::routes::qc_photo_thumbnail(photo.id) alt="QC photo"/>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

/// Why an item cannot be recorded now.
fn locked_note(item: &ItemView) -> &'static str {
    match item.result {
        Some(_) => "Recorded in an earlier round or on a signed checklist.",
        None => "The checklist is signed: nothing more is recorded on it.",
    }
}

/// A measurement: the value and its unit, judged as it is typed.
#[component]
fn Measure(
    item_id: Uuid,
    spec: Spec,
    value: RwSignal<String>,
    unit: RwSignal<Option<Unit>>,
    submit: impl Fn(Option<ItemResult>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let units: Vec<Unit> = Unit::ALL
        .iter()
        .copied()
        .filter(|candidate| candidate.converts_to(spec.unit()))
        .collect();
    let judged = move || {
        let text = value.get();
        if text.trim().is_empty() {
            return None;
        }
        let reading = parse_reading(&text, unit.get().unwrap_or(spec.unit()));
        Some(match reading {
            Err(message) => Err(message),
            Ok(reading) => judge(&spec, &reading).map_err(|error| error.to_string()),
        })
    };
    let input_id = format!("{item_id}-value");
    view! {
        <div class="qc-measure">
            <label for=input_id.clone()>"Measured value"</label>
            <div class="qc-measure-row">
                <input id=input_id.clone() class="big" inputmode="decimal" autocomplete="off"
                    prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event))/>
                <select aria-label="Unit" on:change=move |event| unit.set(Unit::parse(&event_target_value(&event)).ok())>
                    {units.into_iter().map(|choice| view! {
                        <option value=choice.as_db_str() selected=move || unit.get() == Some(choice)>{choice.label()}</option>
                    }).collect_view()}
                </select>
                <span aria-live="polite" data-testid="judgement">
                    {move || judged().map(|judged| match judged {
                        Ok(Judgement::Pass) => view! { <span class="badge qc-result pass">"PASS"</span> }.into_any(),
                        Ok(Judgement::Fail { off_by }) => view! {
                            <span class="badge qc-result fail">"FAIL"</span>
                            <span class="muted">" off by " {off_by.normalize().to_string()} " " {spec.unit().label()}</span>
                        }.into_any(),
                        Err(message) => field_error(format!("{item_id}-value"), message).into_any(),
                    })}
                </span>
            </div>
            <button type="button" class="button big" on:click=move |_| submit(None)>"Save value"</button>
        </div>
    }
}
