//! The bar under the header that says what the tablet's network means for
//! the person: "Offline — showing data from 10:42", the writes waiting to
//! be sent (and each one the server refused, with the server's reason
//! beside what the person did), and "Update available — Reload".

use leptos::prelude::*;
use uuid::Uuid;

use super::{Kept, KeptState, Outbox};

#[component]
pub fn OfflineStatus(user: Uuid) -> impl IntoView {
    let outbox = Outbox::get();
    Effect::new(move || outbox.start(user));
    let offline = move || {
        (!outbox.online.get()).then(|| {
            let from = outbox
                .data_from
                .get()
                .map(|time| format!(" — showing data from {time}"))
                .unwrap_or_default();
            view! {
                <p class="offline-banner" role="status" data-testid="offline-banner">
                    "Offline" {from} ". Changes you make are kept on this device and sent when the connection returns."
                </p>
            }
        })
    };
    let update = move || {
        outbox.update_waiting.get().then(|| {
            view! {
                <p class="update-banner" role="status">
                    "Update available — "
                    <button type="button" class="button subtle" on:click=move |_| outbox.update()>"Reload"</button>
                </p>
            }
        })
    };
    let kept = move || {
        let kept = outbox.kept.get();
        (!kept.is_empty()).then(|| {
            let waiting = kept.iter().filter(|kept| kept.is_waiting()).count();
            let refused = kept.len() - waiting;
            let mut summary = format!("Waiting to send ({waiting})");
            if refused > 0 {
                summary.push_str(&format!(" · not accepted ({refused})"));
            }
            let has_refused = refused > 0;
            let rows = kept
                .into_iter()
                .map(|kept| view! { <KeptRow kept/> })
                .collect_view();
            view! {
                // Open by itself when something was refused: that must be read.
                <details class="outbox" class:refused=has_refused open=has_refused data-testid="outbox">
                    <summary>{summary}</summary>
                    <ol class="outbox-list">{rows}</ol>
                </details>
            }
        })
    };
    view! { <div class="offline-status">{offline} {update} {kept}</div> }
}

#[component]
fn KeptRow(kept: Kept) -> impl IntoView {
    let outbox = Outbox::get();
    let yours = kept.write().describe();
    let queued = kept
        .queued_at
        .get(11..16)
        .map(|time| format!(" (made {time} UTC)"))
        .unwrap_or_default();
    match kept.state {
        KeptState::Waiting => view! {
            <li data-testid="outbox-waiting">{yours} <span class="muted">{queued}</span></li>
        }
        .into_any(),
        KeptState::Refused => {
            let reason = kept
                .refusal()
                .map(|error| error.to_string())
                .unwrap_or_default();
            let seq = kept.seq;
            view! {
                <li class="outbox-refused" role="alert" data-testid="outbox-refused">
                    <p><strong>"Not accepted: "</strong> {yours} <span class="muted">{queued}</span></p>
                    <p>"The server says: " {reason}</p>
                    <button type="button" class="button subtle" on:click=move |_| outbox.dismiss(seq)>"Dismiss"</button>
                </li>
            }
            .into_any()
        }
    }
}
