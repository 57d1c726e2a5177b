//! The browser's side of the channel: one `EventSource`, closed when its
//! owner (the calling effect) runs again or is disposed.
//!
//! `EventSource` reconnects by itself after a network drop; its `open`
//! after an error is when the board catches up (one more bump). A refusal
//! (401 when the session is gone, 403) is no stream at all: the browser
//! closes the source for good rather than retry, and the board says it is
//! no longer live.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use web_sys::wasm_bindgen::JsCast;
use web_sys::wasm_bindgen::closure::Closure;
use web_sys::{Event, EventSource};

use super::{COALESCE_MS, Connection, RESYNC_EVENT, TASK_EVENT};

/// An open source and the callbacks it calls, which must live as long.
struct Source {
    source: EventSource,
    _callbacks: Vec<Closure<dyn FnMut(Event)>>,
}

pub(super) fn open(url: &str, changes: WriteSignal<u64>, connection: WriteSignal<Connection>) {
    let source = match EventSource::new(url) {
        Ok(source) => source,
        Err(error) => {
            leptos::logging::warn!("cannot open the live channel: {error:?}");
            connection.set(Connection::Stopped);
            return;
        }
    };
    let bump = coalesced(changes);
    let listen = |name: &str, callback: Closure<dyn FnMut(Event)>| {
        let added =
            source.add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
        if let Err(error) = added {
            leptos::logging::warn!("cannot listen for `{name}`: {error:?}");
        }
        callback
    };

    let on_change = {
        let bump = bump.clone();
        Closure::<dyn FnMut(Event)>::new(move |_| bump())
    };
    let on_resync = {
        let bump = bump.clone();
        Closure::<dyn FnMut(Event)>::new(move |_| bump())
    };
    let dropped = Rc::new(Cell::new(false));
    let on_open = {
        let dropped = dropped.clone();
        Closure::<dyn FnMut(Event)>::new(move |_| {
            // Back after a drop: what changed meanwhile was not heard.
            if dropped.replace(false) {
                bump();
            }
            connection.try_set(Connection::Live);
        })
    };
    let on_error = {
        let source = source.clone();
        Closure::<dyn FnMut(Event)>::new(move |_| {
            if source.ready_state() == EventSource::CLOSED {
                connection.try_set(Connection::Stopped);
            } else {
                dropped.set(true);
                connection.try_set(Connection::Reconnecting);
            }
        })
    };
    let callbacks = vec![
        listen(TASK_EVENT, on_change),
        listen(RESYNC_EVENT, on_resync),
        listen("open", on_open),
        listen("error", on_error),
    ];
    let open = SendWrapper::new(Source {
        source,
        _callbacks: callbacks,
    });
    on_cleanup(move || open.source.close());
}

/// A bump of `changes` that waits `COALESCE_MS` for the rest of a burst.
fn coalesced(changes: WriteSignal<u64>) -> Rc<dyn Fn()> {
    let waiting = Rc::new(Cell::new(false));
    Rc::new(move || {
        if waiting.replace(true) {
            return;
        }
        let waiting = waiting.clone();
        set_timeout(
            move || {
                waiting.set(false);
                // The board may be gone by now; then nobody is told.
                changes.try_update(|count| *count += 1);
            },
            Duration::from_millis(COALESCE_MS),
        );
    })
}
