//! The inspector's camera button: takes or chooses a photo, reduces it in
//! the browser to `MAX_LONG_SIDE` (a tablet's 12-megapixel photo becomes a
//! few hundred kilobytes before it crosses the shop's Wi-Fi), uploads it
//! with a progress bar and shows its thumbnail once stored. The photo's id
//! is made here before the first try, and a failed upload keeps the reduced
//! photo in memory: Retry sends the same bytes under the same id, which the
//! server answers with the photo it may already have stored. Nothing is
//! lost silently: until a photo is stored it says "Not saved — retry".

use leptos::prelude::*;
use uuid::Uuid;

use super::model::{PhotoSummary, PhotoTarget};
use crate::routes;

/// Where an upload stands. Only the browser's handlers move it past
/// `Idle`, so the server's build sees most of it unused.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Stage {
    Idle,
    Reducing,
    Uploading {
        percent: u32,
    },
    /// No connection: the device keeps the photo and sends it later.
    Kept,
    /// Not stored. `retry`: sending the same photo again may succeed (the
    /// network or the file store failed); otherwise the message says what
    /// to do instead.
    Failed {
        message: String,
        retry: bool,
    },
}

/// The photo chosen and not stored yet: kept for a retry under its id.
#[derive(Clone)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
struct Pending {
    id: Uuid,
    #[cfg(feature = "hydrate")]
    blob: send_wrapper::SendWrapper<web_sys::Blob>,
}

#[component]
pub fn PhotoCapture(
    checklist: Uuid,
    /// The checklist item the photos show, if any.
    #[prop(optional)]
    item: Option<Uuid>,
    /// The defect the photos show, if any.
    #[prop(optional)]
    defect: Option<Uuid>,
    /// The photos already stored for this checklist, item or defect.
    stored: Vec<PhotoSummary>,
) -> impl IntoView {
    let target = PhotoTarget {
        checklist,
        item,
        defect,
    };
    let photos = RwSignal::new(stored.into_iter().map(|photo| photo.id).collect::<Vec<_>>());
    let stage = RwSignal::new(Stage::Idle);
    let pending = StoredValue::new(None::<Pending>);
    let busy = move || matches!(stage.get(), Stage::Reducing | Stage::Uploading { .. });

    view! {
        <div class="photo-capture">
            <ul class="photo-thumbnails">
                {move || {
                    photos
                        .get()
                        .into_iter()
                        .map(|id| {
                            view! {
                                <li>
                                    <a href=routes::qc_photo(id) target="_blank">
                                        <img src=routes::qc_photo_thumbnail(id) alt="QC photo"/>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <label class="photo-capture-button" class:disabled=busy>
                "Take or choose a photo"
                <input
                    type="file"
                    accept="image/*"
                    capture="environment"
                    disabled=busy
                    on:change=move |event| choose(event, target, stage, pending, photos)
                />
            </label>
            {move || match stage.get() {
                Stage::Idle => None,
                Stage::Reducing => {
                    Some(view! { <p role="status">"Preparing the photo…"</p> }.into_any())
                }
                Stage::Uploading { percent } => {
                    Some(
                        view! {
                            <p role="status" class="photo-progress">
                                <progress max=100 value=percent aria-label="Upload progress"></progress>
                                {format!(" Uploading… {percent} %")}
                            </p>
                        }
                            .into_any(),
                    )
                }
                Stage::Kept => {
                    Some(
                        view! {
                            <p role="status" class="kept" data-testid="photo-kept">
                                "No connection — the photo is kept on this device and sent when the connection returns."
                            </p>
                        }
                            .into_any(),
                    )
                }
                Stage::Failed { message, retry: true } => {
                    Some(
                        view! {
                            <div role="alert" class="photo-not-saved">
                                <strong>"Not saved — retry"</strong>
                                <p>{message}</p>
                                <button
                                    type="button"
                                    class="photo-retry"
                                    on:click=move |_| {
                                        if let Some(photo) = pending.get_value() {
                                            send(photo, target, stage, pending, photos);
                                        }
                                    }
                                >
                                    "Retry"
                                </button>
                            </div>
                        }
                            .into_any(),
                    )
                }
                Stage::Failed { message, retry: false } => {
                    Some(
                        view! {
                            <p role="alert" class="photo-not-saved">
                                <strong>"Not saved: "</strong>
                                {message}
                            </p>
                        }
                            .into_any(),
                    )
                }
            }}
        </div>
    }
}

/// A photo was taken or chosen: reduce it, keep it under a new id, send it.
#[cfg(feature = "hydrate")]
fn choose(
    event: leptos::ev::Event,
    target: PhotoTarget,
    stage: RwSignal<Stage>,
    pending: StoredValue<Option<Pending>>,
    photos: RwSignal<Vec<Uuid>>,
) {
    use web_sys::wasm_bindgen::JsCast;
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    // Cleared so that choosing the same file again is a change too.
    input.set_value("");
    stage.set(Stage::Reducing);
    leptos::task::spawn_local(async move {
        let blob = browser::reduce(file).await;
        let photo = Pending {
            id: browser::new_id(),
            blob: send_wrapper::SendWrapper::new(blob),
        };
        pending.set_value(Some(photo.clone()));
        send(photo, target, stage, pending, photos);
    });
}

#[cfg(not(feature = "hydrate"))]
fn choose(
    _: leptos::ev::Event,
    _: PhotoTarget,
    _: RwSignal<Stage>,
    _: StoredValue<Option<Pending>>,
    _: RwSignal<Vec<Uuid>>,
) {
}

/// Uploads the kept photo; on success shows it and forgets the bytes.
#[cfg(feature = "hydrate")]
fn send(
    photo: Pending,
    target: PhotoTarget,
    stage: RwSignal<Stage>,
    pending: StoredValue<Option<Pending>>,
    photos: RwSignal<Vec<Uuid>>,
) {
    stage.set(Stage::Uploading { percent: 0 });
    let path = target.upload_path(photo.id);
    leptos::task::spawn_local(async move {
        let progress = move |percent| stage.set(Stage::Uploading { percent });
        match browser::upload(&path, &photo.blob, progress).await {
            Ok(None) => {
                pending.set_value(None);
                stage.set(Stage::Kept);
            }
            Ok(Some(stored)) => {
                pending.set_value(None);
                photos.update(|photos| {
                    if !photos.contains(&stored.id) {
                        photos.push(stored.id);
                    }
                });
                stage.set(Stage::Idle);
            }
            Err((message, retry)) => stage.set(Stage::Failed { message, retry }),
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn send(
    _: Pending,
    _: PhotoTarget,
    _: RwSignal<Stage>,
    _: StoredValue<Option<Pending>>,
    _: RwSignal<Vec<Uuid>>,
) {
}

/// What only a browser does: decode, scale and encode an image on a canvas,
/// draw random bytes, and send a body with upload progress.
#[cfg(feature = "hydrate")]
mod browser {
    use torvan::qc_photo::{MAX_LONG_SIDE, fit_within};
    use uuid::Uuid;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::js_sys::{Function, Promise};
    use web_sys::wasm_bindgen::closure::Closure;
    use web_sys::wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Blob, File, ProgressEvent, XmlHttpRequest};

    use crate::error::AppError;
    use crate::quality::photos::PhotoSummary;

    /// JPEG quality of a reduced photo: no visible loss at this size.
    const JPEG_QUALITY: f64 = 0.85;

    /// A version 4 id from the browser's random source (`crypto.getRandomValues`,
    /// which unlike `randomUUID` needs no secure context).
    pub fn new_id() -> Uuid {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|window| window.crypto().ok())
            .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).ok());
        if filled.is_none() {
            // No browser without Web Crypto runs this app's WASM.
            leptos::logging::error!("crypto.getRandomValues is unavailable");
        }
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    /// The photo at most `MAX_LONG_SIDE` on its long side, as a JPEG; the
    /// file itself when it is already small and of a kind the server takes,
    /// or when the browser cannot decode it (the server says why).
    pub async fn reduce(file: File) -> Blob {
        let original: Blob = file.clone().into();
        match scaled(&file).await {
            Some(Some(blob)) => blob,
            Some(None) | None => original,
        }
    }

    /// `None`: could not decode; `Some(None)`: no need to reduce.
    async fn scaled(file: &File) -> Option<Option<Blob>> {
        let window = web_sys::window()?;
        let decoding = window.create_image_bitmap_with_blob(file).ok()?;
        let bitmap: web_sys::ImageBitmap = JsFuture::from(decoding).await.ok()?.dyn_into().ok()?;
        let (width, height) = (bitmap.width(), bitmap.height());
        let taken = matches!(
            file.type_().as_str(),
            "image/jpeg" | "image/png" | "image/webp"
        );
        if width.max(height) <= MAX_LONG_SIDE && taken {
            return Some(None);
        }
        let (to_width, to_height) = fit_within(width, height, MAX_LONG_SIDE);
        let canvas: web_sys::HtmlCanvasElement = window
            .document()?
            .create_element("canvas")
            .ok()?
            .dyn_into()
            .ok()?;
        canvas.set_width(to_width);
        canvas.set_height(to_height);
        let context: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").ok()??.dyn_into().ok()?;
        context
            .draw_image_with_image_bitmap_and_dw_and_dh(
                &bitmap,
                0.0,
                0.0,
                f64::from(to_width),
                f64::from(to_height),
            )
            .ok()?;
        bitmap.close();
        let encoded = Promise::new(&mut |resolve: Function, _| {
            let quality = JsValue::from_f64(JPEG_QUALITY);
            if canvas
                .to_blob_with_type_and_encoder_options(&resolve, "image/jpeg", &quality)
                .is_err()
            {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
            }
        });
        let blob = JsFuture::from(encoded)
            .await
            .ok()?
            .dyn_into::<Blob>()
            .ok()?;
        Some(Some(blob))
    }

    /// PUTs `blob` to `path`, reporting the percentage sent; the stored
    /// photo (`None`: kept by the device's service worker, sent later), or
    /// the message to show and whether a retry may succeed.
    pub async fn upload(
        path: &str,
        blob: &Blob,
        progress: impl Fn(u32) + 'static,
    ) -> Result<Option<PhotoSummary>, (String, bool)> {
        let unreachable = || (AppError::Transport(String::new()).to_string(), true);
        let xhr = XmlHttpRequest::new().map_err(|_| unreachable())?;
        xhr.open_with_async("PUT", path, true)
            .map_err(|_| unreachable())?;
        let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |event: ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                progress((event.loaded() / event.total() * 100.0).round() as u32);
            }
        });
        // A file of a type the browser does not know has none: bare bytes.
        let content_type = match blob.type_() {
            known if !known.is_empty() => known,
            _ => "application/octet-stream".to_owned(),
        };
        xhr.set_request_header("content-type", &content_type)
            .map_err(|_| unreachable())?;
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        }
        // `loadend` follows every outcome: loaded, failed, aborted, timed out.
        let finished = Promise::new(&mut |resolve: Function, _| {
            xhr.set_onloadend(Some(&resolve));
        });
        xhr.send_with_opt_blob(Some(blob))
            .map_err(|_| unreachable())?;
        let _ = JsFuture::from(finished).await;
        drop(on_progress);
        let status = xhr.status().unwrap_or(0);
        let body = xhr.response_text().ok().flatten().unwrap_or_default();
        if status == 0 {
            return Err(unreachable());
        }
        if (200..300).contains(&status) {
            return serde_json::from_str(&body)
                .map(Some)
                .map_err(|_| unreachable());
        }
        let error = serde_json::from_str::<AppError>(&body).unwrap_or(AppError::Internal);
        if error == AppError::Queued {
            return Ok(None);
        }
        let message = error.to_string();
        // The network or the store failed, or the server was busy: the same
        // bytes may go through. Anything else would be refused again.
        let retry = status >= 500 || status == 408 || status == 429;
        Err((message, retry))
    }
}
