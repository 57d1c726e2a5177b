//! The shop-floor tablet without a network. The service worker (served
//! by the host as `/sw.js`) keeps the shop-floor pages a person opened and
//! the writes they make while the network is down; this module is the
//! page's side of it: the `Outbox` every page reads (what waits to be
//! sent, what the server refused, whether the browser is online, how old
//! the data shown is, whether a new version waits) and the bar that says
//! so under the header.
//!
//! The outbox is filled only by the worker's messages, which arrive after
//! hydration: the server and the hydrating browser both draw it empty, so
//! a page that shows kept writes (a card moved offline, a value waiting)
//! hydrates as the server drew it and redraws when the message comes.

mod model;
mod status;
#[cfg(feature = "hydrate")]
mod worker;

pub use model::{Kept, KeptState, KeptWrite};
pub use status::OfflineStatus;

use leptos::prelude::*;
use torvan::workflow::{TaskNumber, TaskStatus};
use uuid::Uuid;

/// This moment by the device's clock (RFC 3339), sent with a write whose
/// time matters (a timer's start or stop): kept offline and sent later,
/// it is still recorded when it was made. `None` on the server.
pub fn tapped_now() -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        web_sys::js_sys::Date::new_0().to_iso_string().as_string()
    }
    #[cfg(not(feature = "hydrate"))]
    None
}

/// What the page knows of the network and the kept writes.
#[derive(Clone, Copy)]
pub struct Outbox {
    /// The signed-in person's kept writes, in the order they will be sent.
    pub kept: RwSignal<Vec<Kept>>,
    pub online: RwSignal<bool>,
    /// When the data on the screen was read from the server ("10:42").
    pub data_from: RwSignal<Option<String>>,
    /// A new version of the app is installed and waits for a reload.
    pub update_waiting: RwSignal<bool>,
    /// Raised each time kept writes reached the server: pages read again.
    pub delivered: RwSignal<u64>,
    started: StoredValue<bool>,
}

impl Outbox {
    pub fn provide() {
        provide_context(Self {
            kept: RwSignal::new(Vec::new()),
            online: RwSignal::new(true),
            data_from: RwSignal::new(None),
            update_waiting: RwSignal::new(false),
            delivered: RwSignal::new(0),
            started: StoredValue::new(false),
        });
    }

    pub fn get() -> Self {
        expect_context()
    }

    /// Starts listening to the service worker for `user` (once per page load).
    pub fn start(self, user: Uuid) {
        if self.started.get_value() {
            return;
        }
        self.started.set_value(true);
        #[cfg(feature = "hydrate")]
        worker::listen(self, user);
        #[cfg(not(feature = "hydrate"))]
        let _ = user;
    }

    /// The writes still waiting to be sent.
    pub fn waiting(&self) -> usize {
        self.kept
            .with(|kept| kept.iter().filter(|kept| kept.is_waiting()).count())
    }

    /// Where each card with a waiting move is going (the last move wins).
    pub fn waiting_moves(&self) -> Vec<(TaskNumber, TaskStatus)> {
        self.kept.with(|kept| {
            kept.iter()
                .filter(|kept| kept.is_waiting())
                .filter_map(|kept| match kept.write() {
                    KeptWrite::Move { task, to } => Some((task, to)),
                    _ => None,
                })
                .collect()
        })
    }

    /// The last kept result for a QC item, waiting or refused.
    pub fn result_for_item(&self, item: Uuid) -> Option<Kept> {
        self.kept.with(|kept| {
            kept.iter()
                .rev()
                .find(
                    |kept| matches!(kept.write(), KeptWrite::Record { item: of, .. } if of == item),
                )
                .cloned()
        })
    }

    /// Forgets a refused write the person has read.
    pub fn dismiss(&self, seq: u64) {
        #[cfg(feature = "hydrate")]
        worker::post(&serde_json::json!({ "type": "discard", "seq": seq }));
        #[cfg(not(feature = "hydrate"))]
        let _ = seq;
    }

    /// Signing out: the worker forgets this person's kept pages and writes.
    pub fn forget(&self) {
        #[cfg(feature = "hydrate")]
        worker::post(&serde_json::json!({ "type": "sign-out" }));
    }

    /// Lets the waiting version take over; the page reloads when it has.
    pub fn update(&self) {
        #[cfg(feature = "hydrate")]
        worker::apply_update();
    }
}
