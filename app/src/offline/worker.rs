//! The browser's side of the service worker: its messages into the
//! `Outbox`, the page's requests to it, the network's `online`/`offline`
//! events, and the update waiting to take over. Every listener lives as
//! long as the page (`forget`): there is one per page load.

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Date, JSON, Reflect};
use web_sys::wasm_bindgen::closure::Closure;
use web_sys::wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    MessageEvent, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

use super::{Kept, Outbox};

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on plain http from another host: then there is no outbox.
    Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .then(|| navigator.service_worker())
}

pub(super) fn listen(outbox: Outbox, user: Uuid) {
    let Some(window) = web_sys::window() else {
        return;
    };
    outbox.online.set(window.navigator().on_line());
    outbox.data_from.set(rendered_at());
    let on_network = Closure::<dyn FnMut()>::new(move || {
        let online = web_sys::window().is_some_and(|window| window.navigator().on_line());
        outbox.online.set(online);
        if online {
            hello(user);
        }
    });
    for name in ["online", "offline"] {
        let _ = window.add_event_listener_with_callback(name, on_network.as_ref().unchecked_ref());
    }
    on_network.forget();
    let Some(container) = container() else {
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let kind = Reflect::get(&data, &JsValue::from_str("type")).ok();
        if kind.and_then(|kind| kind.as_string()).as_deref() != Some("torvan-outbox") {
            return;
        }
        let entries = Reflect::get(&data, &JsValue::from_str("entries"))
            .ok()
            .and_then(|entries| JSON::stringify(&entries).ok())
            .and_then(|text| text.as_string());
        match entries.map(|text| serde_json::from_str::<Vec<Kept>>(&text)) {
            Some(Ok(kept)) => receive(outbox, kept),
            other => leptos::logging::warn!("unreadable outbox message: {other:?}"),
        }
    });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    hello(user);
    watch_for_update(outbox, &container);
}

/// Takes the worker's list; a waiting write that left it was delivered.
fn receive(outbox: Outbox, kept: Vec<Kept>) {
    let before: Vec<u64> = outbox.kept.with_untracked(|old| {
        old.iter()
            .filter(|kept| kept.is_waiting())
            .map(|kept| kept.seq)
            .collect()
    });
    let delivered = before.iter().any(|seq| {
        !kept
            .iter()
            .any(|kept| kept.seq == *seq && kept.is_waiting())
    });
    // The worker tells after every page load; a page redraws only on a change.
    if outbox.kept.with_untracked(|old| *old != kept) {
        outbox.kept.set(kept);
    }
    if delivered {
        outbox.data_from.set(Some(now_hh_mm()));
        outbox.delivered.update(|count| *count += 1);
    }
}

/// Tells the worker who is signed in; it then sends what this person left waiting.
fn hello(user: Uuid) {
    post(&serde_json::json!({ "type": "hello", "user": user }));
}

/// Posts `message` to the worker in charge of the page at once (before a
/// navigation that follows, as on sign-out), or to the active one once
/// there is one.
pub(super) fn post(message: &serde_json::Value) {
    let Some(container) = container() else {
        return;
    };
    let Ok(message) = JSON::parse(&message.to_string()) else {
        return;
    };
    if let Some(worker) = container.controller() {
        let _ = worker.post_message(&message);
        return;
    }
    leptos::task::spawn_local(async move {
        if let Some(registration) = ready(&container).await
            && let Some(worker) = registration.active()
        {
            let _ = worker.post_message(&message);
        }
    });
}

async fn ready(container: &ServiceWorkerContainer) -> Option<ServiceWorkerRegistration> {
    let promise = container.ready().ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// Marks an update waiting when a new worker has installed behind the
/// one in charge (a first install takes over by itself).
fn watch_for_update(outbox: Outbox, container: &ServiceWorkerContainer) {
    let container = container.clone();
    leptos::task::spawn_local(async move {
        let Some(registration) = ready(&container).await else {
            return;
        };
        let in_charge = container.controller().is_some();
        if registration.waiting().is_some() && in_charge {
            outbox.update_waiting.set(true);
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && in_charge {
                    outbox.update_waiting.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Asks the waiting worker to take over, then reloads under it.
pub(super) fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    leptos::task::spawn_local(async move {
        let waiting = ready(&container)
            .await
            .and_then(|registration| registration.waiting());
        if let (Some(worker), Ok(message)) = (waiting, JSON::parse(r#"{"type":"skip-waiting"}"#)) {
            let _ = worker.post_message(&message);
        }
    });
}

/// When the server drew this page (`<meta name="torvan-rendered-at">`),
/// as the tablet's clock reads: a kept page shows when it was kept.
fn rendered_at() -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector(r#"meta[name="torvan-rendered-at"]"#)
        .ok()??;
    let date = Date::new(&JsValue::from_str(&meta.get_attribute("content")?));
    (!date.get_time().is_nan()).then(|| hh_mm(&date))
}

fn now_hh_mm() -> String {
    hh_mm(&Date::new_0())
}

fn hh_mm(date: &Date) -> String {
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}
