//! The import and export page: the parts file downloaded, or a file
//! checked in slices with its problems listed, then applied whole.

use leptos::prelude::*;
use leptos_meta::Title;
use torvan::Action;

use super::api::check_import;
use super::model::{ImportCheck, ImportOutcome, RowProblem, read_file, slices};
use crate::error::AppError;
use crate::shell::{Crumb, Permitted, Trail};

/// Where the import of the chosen file stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    Idle,
    Checking { done: usize, total: usize },
    Checked { check: ImportCheck, total: usize },
    Importing { total: usize },
    Done(ImportOutcome),
    Failed(String),
}

/// The file as read, kept for the import after the check: it is sent as it
/// is, whole.
#[derive(Debug, Clone, Default)]
struct File {
    text: String,
    rows: usize,
}

/// `/inventory/transfer`: download the parts CSV, or import one (for those
/// who may change parts).
#[component]
pub fn TransferPage() -> impl IntoView {
    let stage = RwSignal::new(Stage::Idle);
    let file = StoredValue::new(File::default());
    view! {
        <Title text="Import and export parts"/>
        <Trail trail=vec![Crumb::new("Inventory", "/inventory")] current="Import and export"/>
        <h1>"Import and export parts"</h1>
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <p>"Every part with its place in the catalogue, in the same columns the import reads."</p>
            <a class="button" href="/inventory/parts.csv" download>"Download parts CSV"</a>
        </section>
        <Permitted on=torvan::Resource::Inventory action=Action::Update>
            <section class="card" aria-labelledby="import-heading">
                <h2 id="import-heading">"Import"</h2>
                <p>"Rows are matched by part number: new numbers are created, known ones updated. Stock quantities are not imported. Nothing is written unless every row is valid."</p>
                <label for="import-file">"CSV file"</label>
                <input id="import-file" type="file" accept=".csv,text/csv"
                    on:change=move |event| choose_file(event, stage, file)/>
                <Progress stage/>
                <Problems stage/>
                <ImportButton stage file/>
            </section>
        </Permitted>
    }
}

fn choose_file(event: leptos::ev::Event, stage: RwSignal<Stage>, file: StoredValue<File>) {
    let Some(reading) = read_chosen_file(&event) else {
        return;
    };
    leptos::task::spawn_local(async move {
        match reading.await {
            Some(text) => check_file(&text, stage, file).await,
            None => stage.set(Stage::Failed("The file could not be read.".into())),
        }
    });
}

/// The text of the file the input now holds; only browsers read files.
#[cfg(feature = "hydrate")]
fn read_chosen_file(
    event: &leptos::ev::Event,
) -> Option<impl Future<Output = Option<String>> + use<>> {
    use web_sys::wasm_bindgen::JsCast;
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    let chosen = input.files()?.get(0)?;
    Some(async move {
        let text = wasm_bindgen_futures::JsFuture::from(chosen.text())
            .await
            .ok()?;
        text.as_string()
    })
}

#[cfg(not(feature = "hydrate"))]
fn read_chosen_file(_: &leptos::ev::Event) -> Option<std::future::Ready<Option<String>>> {
    None
}

/// Parses the file here, then has the server check it slice by slice.
async fn check_file(text: &str, stage: RwSignal<Stage>, file: StoredValue<File>) {
    let (header, rows) = match read_file(text) {
        Ok(read) => read,
        Err(message) => return stage.set(Stage::Failed(message)),
    };
    let total = rows.len();
    let mut check = ImportCheck::default();
    stage.set(Stage::Checking { done: 0, total });
    let mut done = 0;
    for slice in slices(&rows) {
        match check_import(header.clone(), slice.to_vec()).await {
            Ok(part) => {
                check.problems.extend(part.problems);
                check.new_parts += part.new_parts;
                check.existing_parts += part.existing_parts;
            }
            Err(error) => return stage.set(Stage::Failed(error.to_string())),
        }
        done += slice.len();
        stage.set(Stage::Checking { done, total });
    }
    file.set_value(File {
        text: text.to_owned(),
        rows: total,
    });
    stage.set(Stage::Checked { check, total });
}

#[component]
fn Progress(stage: RwSignal<Stage>) -> impl IntoView {
    move || {
        match stage.get() {
        Stage::Idle => None,
        Stage::Checking { done, total } => Some(view! {
            <p role="status">
                <progress max=total value=done aria-label="Rows checked"></progress>
                {format!(" Checked {done} of {total} rows…")}
            </p>
        }.into_any()),
        Stage::Checked { check, total } => Some(view! {
            <p role="status" data-testid="import-summary">
                {format!("{total} rows checked: {} new parts, {} existing parts, {} problems.",
                    check.new_parts, check.existing_parts, check.problems.len())}
            </p>
        }.into_any()),
        Stage::Importing { total } => Some(view! { <p role="status">{format!("Importing {total} rows…")}</p> }.into_any()),
        Stage::Done(ImportOutcome::Imported { created, updated, unchanged }) => Some(view! {
            <p role="status" class="success" data-testid="import-summary">
                {format!("Imported: {created} created, {updated} updated, {unchanged} unchanged.")}
            </p>
        }.into_any()),
        Stage::Done(ImportOutcome::Refused(_)) => Some(view! {
            <p role="alert" class="form-error">"Nothing was imported: the file has problems."</p>
        }.into_any()),
        Stage::Failed(message) => Some(view! { <p role="alert" class="form-error">{message}</p> }.into_any()),
    }
    }
}

#[component]
fn Problems(stage: RwSignal<Stage>) -> impl IntoView {
    let problems = move || match stage.get() {
        Stage::Checked { check, .. } => check.problems,
        Stage::Done(ImportOutcome::Refused(problems)) => problems,
        _ => Vec::new(),
    };
    move || {
        let problems: Vec<RowProblem> = problems();
        (!problems.is_empty()).then(|| view! {
            <table class="data-table" aria-label="Problems in the file">
                <thead><tr><th scope="col">"Line"</th><th scope="col">"Column"</th><th scope="col">"Problem"</th></tr></thead>
                <tbody>
                    {problems.into_iter().map(|problem| view! {
                        <tr data-line=problem.line>
                            <td>{problem.line}</td><td>{problem.column}</td><td>{problem.message}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })
    }
}

#[component]
fn ImportButton(stage: RwSignal<Stage>, file: StoredValue<File>) -> impl IntoView {
    let ready = move || matches!(stage.get(), Stage::Checked { ref check, total } if check.problems.is_empty() && total > 0);
    let import = move |_| {
        let File { text, rows } = file.get_value();
        stage.set(Stage::Importing { total: rows });
        leptos::task::spawn_local(async move {
            match send_file(text).await {
                Ok(outcome) => stage.set(Stage::Done(outcome)),
                Err(error) => stage.set(Stage::Failed(error.to_string())),
            }
        });
    };
    view! {
        <button type="button" class="button" disabled=move || !ready() on:click=import>"Import parts"</button>
    }
}

/// Posts the whole file to be applied (`IMPORT_PATH`); only browsers send
/// files.
#[cfg(feature = "hydrate")]
async fn send_file(text: String) -> Result<ImportOutcome, AppError> {
    use wasm_bindgen_futures::JsFuture;
    use web_sys::wasm_bindgen::{JsCast, JsValue};

    let unreachable = |error: JsValue| AppError::Transport(format!("{error:?}"));
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&text));
    let headers = web_sys::Headers::new().map_err(unreachable)?;
    headers
        .set("content-type", "text/csv; charset=utf-8")
        .map_err(unreachable)?;
    init.set_headers(&headers);
    let window = web_sys::window().ok_or_else(|| AppError::Transport("no window".into()))?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(super::model::IMPORT_PATH, &init))
            .await
            .map_err(unreachable)?
            .dyn_into()
            .map_err(unreachable)?;
    let body = JsFuture::from(response.text().map_err(unreachable)?)
        .await
        .map_err(unreachable)?
        .as_string()
        .unwrap_or_default();
    if response.ok() {
        serde_json::from_str(&body).map_err(|_| AppError::Internal)
    } else {
        Err(serde_json::from_str(&body).unwrap_or(AppError::Internal))
    }
}

#[cfg(not(feature = "hydrate"))]
async fn send_file(_: String) -> Result<ImportOutcome, AppError> {
    Err(AppError::Internal)
}
