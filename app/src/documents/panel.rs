//! A record's documents on its page: each at its latest version with a
//! download link, its earlier versions and, for those who read the audit
//! trail, its access log; and, for those who may add documents, the upload
//! form (the file, its kind and title, and the roles it is restricted to).
//! The file goes to the host's upload route as it is; the route's refusal
//! is shown at its field, and nothing is kept that the server did not
//! store.

use leptos::prelude::*;
use torvan::document::{Attachment, DocumentKind, MAX_DOCUMENT_BYTES};
use torvan::{Action, DbEnum, Role};

use super::api::list_documents;
use super::model::{AccessView, DocumentTarget, DocumentView, RecordDocuments, VersionView};
use crate::error::AppError;
use crate::shell::{FieldMessage, FormError, Loaded, Permitted};

/// The panel of one record. Several may share a page (a checklist's items):
/// every id in it starts with the record's own scope.
#[component]
pub fn DocumentsPanel(attached: Attachment, #[prop(into)] to: String) -> impl IntoView {
    let uploads = RwSignal::new(0_usize);
    let key = to.clone();
    let documents = Resource::new(
        move || (key.clone(), uploads.get()),
        move |(to, _)| list_documents(attached, to),
    );
    let scope = id_scope(attached, &to);
    let heading_id = format!("{scope}-heading");
    // A QC item's panel sits inside its item's card, under the item's own
    // heading.
    let heading = match attached {
        Attachment::QcItem => view! { <h3 id=heading_id.clone()>"Documents"</h3> }.into_any(),
        _ => view! { <h2 id=heading_id.clone()>"Documents"</h2> }.into_any(),
    };
    view! {
        <section class="documents" aria-labelledby=heading_id data-testid="documents">
            {heading}
            <Loaded resource=documents loading="Loading the documents…" render=move |documents| view! { <DocumentList documents/> }/>
            <Permitted on=torvan::Resource::Documents action=Action::Create clone:to clone:scope>
                <UploadForm attached to=to.clone() scope=scope.clone() uploads/>
            </Permitted>
        </section>
    }
}

/// `documents-part-SS-1001`: the prefix of the ids of one record's panel,
/// of characters an id may hold.
fn id_scope(attached: Attachment, to: &str) -> String {
    let record: String = to
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!(
        "documents-{}-{record}",
        attached.as_db_str().to_lowercase().replace('_', "-")
    )
}

#[component]
fn DocumentList(documents: RecordDocuments) -> impl IntoView {
    if documents.documents.is_empty() {
        return view! { <p class="empty">"No documents yet."</p> }.into_any();
    }
    let shows_access = documents.shows_access;
    view! {
        <ul class="document-list">
            {documents.documents.into_iter().map(|document| view! { <Document document shows_access/> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Document(document: DocumentView, shows_access: bool) -> impl IntoView {
    let restricted = (!document.restricted_to.is_empty()).then(|| {
        let roles: Vec<&str> = document
            .restricted_to
            .iter()
            .map(|role| role.label())
            .collect();
        view! { <p class="hint">"Only: " {roles.join(", ")}</p> }
    });
    let earlier = document.earlier;
    let access = document.access;
    view! {
        <li class="document" data-title=document.title.clone()>
            <p>
                <strong>{document.title.clone()}</strong>
                " · " {document.kind.label()} " · "
                <span data-testid="document-version">{format!("version {}", document.latest.version)}</span>
            </p>
            <Version version=document.latest/>
            {restricted}
            {(!earlier.is_empty()).then(|| view! {
                <details>
                    <summary>{format!("Earlier versions ({})", earlier.len())}</summary>
                    <ul>{earlier.into_iter().map(|version| view! { <li><Version version/></li> }).collect_view()}</ul>
                </details>
            })}
            {shows_access.then(|| view! { <AccessLog access/> })}
        </li>
    }
}

#[component]
fn Version(version: VersionView) -> impl IntoView {
    view! {
        <p class="document-version">
            <a href=crate::routes::document(version.id) download=version.file_name.clone() rel="external">
                {format!("v{}: {}", version.version, version.file_name)}
            </a>
            " (" {size(version.size_bytes)} "), uploaded by " {version.uploaded_by} " on " {version.uploaded_at}
        </p>
    }
}

#[component]
fn AccessLog(access: Vec<AccessView>) -> impl IntoView {
    view! {
        <details class="access-log" data-testid="access-log">
            <summary>{format!("Access log ({})", access.len())}</summary>
            {if access.is_empty() {
                view! { <p class="empty">"Nobody has opened it yet."</p> }.into_any()
            } else {
                view! {
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">"When"</th><th scope="col">"Who"</th>
                            <th scope="col">"Version"</th><th scope="col">"What"</th><th scope="col">"Result"</th>
                        </tr></thead>
                        <tbody>
                            {access.into_iter().map(|row| view! {
                                <tr>
                                    <td class="nowrap">{row.at}</td><td>{row.who}</td><td>{row.version}</td>
                                    <td>{row.access}</td><td>{row.refused.unwrap_or_else(|| "Served".into())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </details>
    }
}

fn size(bytes: i64) -> String {
    match bytes {
        ..1024 => format!("{bytes} bytes"),
        1024..1_048_576 => format!("{} KB", bytes / 1024),
        _ => {
            let tenths = bytes * 10 / 1_048_576;
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    }
}

#[component]
fn UploadForm(
    attached: Attachment,
    to: String,
    scope: String,
    uploads: RwSignal<usize>,
) -> impl IntoView {
    let file = NodeRef::<leptos::html::Input>::new();
    let kind = RwSignal::new(DocumentKind::Certificate);
    let title = RwSignal::new(String::new());
    let restricted = RwSignal::new(Vec::<Role>::new());
    let error = RwSignal::new(None::<AppError>);
    let sending = RwSignal::new(false);
    let errors: Signal<Option<AppError>> = error.into();
    let to = StoredValue::new(to);
    let submit = move |_| {
        let Some((chosen, file_name)) = chosen_file(file) else {
            error.set(Some(AppError::invalid(
                "file",
                "Choose the file to upload.",
            )));
            return;
        };
        let target = DocumentTarget {
            attached,
            to: to.get_value(),
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            file_name,
            restricted: restricted
                .get_untracked()
                .iter()
                .map(|role| role.as_db_str())
                .collect::<Vec<_>>()
                .join(","),
        };
        sending.set(true);
        leptos::task::spawn_local(async move {
            let sent = send(&target, chosen).await;
            sending.set(false);
            match sent {
                Ok(()) => {
                    error.set(None);
                    title.set(String::new());
                    if let Some(input) = file.get_untracked() {
                        input.set_value("");
                    }
                    uploads.update(|count| *count += 1);
                }
                Err(refused) => error.set(Some(refused)),
            }
        });
    };
    let max_mb = MAX_DOCUMENT_BYTES / (1024 * 1024);
    view! {
        // Not a form: the file goes to the upload route by the button's
        // handler, never by a browser's own form submission.
        <div class="form upload-document" role="group" aria-labelledby=format!("{scope}-upload")>
            <h3 id=format!("{scope}-upload")>"Add a document"</h3>
            <FormError error=errors/>
            <label for=format!("{scope}-file")>"File"</label>
            <input id=format!("{scope}-file") type="file" node_ref=file
                accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.csv,.dxf"/>
            <p class="hint">{format!("PDF, PNG, JPEG, Word, Excel or text, up to {max_mb} MB. The same title again adds a new version.")}</p>
            <FieldMessage error=errors field="file"/>
            <label for=format!("{scope}-kind")>"Kind"</label>
            <select id=format!("{scope}-kind") on:change=move |event| {
                if let Ok(chosen) = DocumentKind::parse(&event_target_value(&event)) {
                    kind.set(chosen);
                }
            }>
                {DocumentKind::FILED.iter().map(|&option| view! {
                    <option value=option.as_db_str() selected=option == DocumentKind::Certificate>{option.label()}</option>
                }).collect_view()}
            </select>
            <label for=format!("{scope}-title")>"Title"</label>
            <input id=format!("{scope}-title") type="text" maxlength="200" prop:value=title
                on:input=move |event| title.set(event_target_value(&event))/>
            <FieldMessage error=errors field="title"/>
            <fieldset>
                <legend>"Only these roles may open it (none ticked: everyone who reads documents)"</legend>
                {Role::ALL.iter().filter(|&&role| role != Role::Admin).map(|&role| {
                    let id = format!("{scope}-role-{}", role.as_db_str().to_lowercase());
                    let label_for = id.clone();
                    view! {
                        <label class="check" for=label_for>
                            <input id=id type="checkbox" on:change=move |event| {
                                let ticked = event_target_checked(&event);
                                restricted.update(|roles| {
                                    roles.retain(|listed| *listed != role);
                                    if ticked {
                                        roles.push(role);
                                    }
                                });
                            }/>
                            {role.label()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <FieldMessage error=errors field="restricted"/>
            <button type="button" class="button" disabled=move || sending.get() on:click=submit>
                {move || if sending.get() { "Uploading…" } else { "Upload" }}
            </button>
        </div>
    }
}

/// The file the input holds, with its name; only browsers hold files.
#[cfg(feature = "hydrate")]
fn chosen_file(
    input: NodeRef<leptos::html::Input>,
) -> Option<(send_wrapper::SendWrapper<web_sys::File>, String)> {
    let chosen = input.get_untracked()?.files()?.get(0)?;
    let name = chosen.name();
    Some((send_wrapper::SendWrapper::new(chosen), name))
}

#[cfg(not(feature = "hydrate"))]
fn chosen_file(_: NodeRef<leptos::html::Input>) -> Option<((), String)> {
    None
}

/// Posts the file as it is to the upload route.
#[cfg(feature = "hydrate")]
async fn send(
    target: &DocumentTarget,
    file: send_wrapper::SendWrapper<web_sys::File>,
) -> Result<(), AppError> {
    use wasm_bindgen_futures::JsFuture;
    use web_sys::wasm_bindgen::{JsCast, JsValue};

    let unreachable = |error: JsValue| AppError::Transport(format!("{error:?}"));
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&file.take().into());
    // Sent as bare bytes whatever the file is: the server tells the format
    // by the content, and takes no other type of body (`security`).
    let headers = web_sys::Headers::new().map_err(unreachable)?;
    headers
        .set("content-type", "application/octet-stream")
        .map_err(unreachable)?;
    init.set_headers(&headers);
    let window = web_sys::window().ok_or_else(|| AppError::Transport("no window".into()))?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(&target.upload_path(), &init))
            .await
            .map_err(unreachable)?
            .dyn_into()
            .map_err(unreachable)?;
    if response.ok() {
        return Ok(());
    }
    let body = JsFuture::from(response.text().map_err(unreachable)?)
        .await
        .map_err(unreachable)?
        .as_string()
        .unwrap_or_default();
    Err(serde_json::from_str(&body).unwrap_or(AppError::Internal))
}

#[cfg(not(feature = "hydrate"))]
async fn send(_: &DocumentTarget, _: ()) -> Result<(), AppError> {
    Err(AppError::Internal)
}
