//! The live channel of the shop-floor boards: what the server tells an
//! open board when a task changes, and the one hook a page calls to hear
//! it.
//!
//! The server relays every task change, from whichever app server made
//! it, as a server-sent event (`task`), and `resync` when it may have
//! missed some (its database listener reconnected, or this board fell
//! behind). A board does not patch itself from events: an event only says
//! "look again", and the board refetches what it shows. So a missed event
//! costs nothing that the next refetch does not repair, and reconnecting
//! after a network drop is a refetch too.
//!
//! A page uses it like this:
//!
//! ```ignore
//! let live = use_task_events(TaskFilter::work_center(code));
//! // Refetched on every relevant change and on every reconnect.
//! let board = Resource::new(move || live.changes.get(), move |_| load_board(code.clone()));
//! view! { <LiveStatus live/> /* the board from `board` */ }
//! ```
//!
//! On the server render the hook is inert: `changes` stays 0 and the
//! connection `Connecting`, so the hydrated page starts from the same state.

#[cfg(feature = "hydrate")]
mod browser;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use torvan::workflow::WorkCenterCode;
use uuid::Uuid;

/// The server's stream of task changes (`GET`, server-sent events).
pub const TASKS_PATH: &str = "/api/live/tasks";
/// The event of one statement's changes to tasks of one work center.
pub const TASK_EVENT: &str = "task";
/// The event that says changes may have been missed: refetch.
pub const RESYNC_EVENT: &str = "resync";

/// What one statement changed at one work center, as the database's
/// trigger tells it (`migrations/…_task_events.sql`): the order and build
/// when it touched one of each, the task, its assignee and version when it
/// touched one task (a move, a timer). `tasks` counts the tasks touched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskChange {
    pub work_center: String,
    pub order: Option<Uuid>,
    pub build: Option<Uuid>,
    pub task: Option<Uuid>,
    pub assignee: Option<Uuid>,
    pub version: Option<i32>,
    pub tasks: i64,
}

/// What a board shows, so it hears only about that: a work center, an
/// order, both, or (no filter) everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskFilter {
    pub work_center: Option<WorkCenterCode>,
    pub order: Option<Uuid>,
}

impl TaskFilter {
    pub fn work_center(code: WorkCenterCode) -> Self {
        Self {
            work_center: Some(code),
            order: None,
        }
    }

    pub fn order(id: Uuid) -> Self {
        Self {
            work_center: None,
            order: Some(id),
        }
    }

    /// Whether a board with this filter shows something `change` touched.
    /// A change across several orders names none and reaches every order's
    /// board: refetching once too often is cheap, missing a change is not.
    pub fn admits(&self, change: &TaskChange) -> bool {
        let center = self
            .work_center
            .as_ref()
            .is_none_or(|code| code.as_str() == change.work_center);
        let order = match (self.order, change.order) {
            (Some(wanted), Some(changed)) => wanted == changed,
            _ => true,
        };
        center && order
    }

    /// The stream's address with this filter as its query.
    pub fn url(&self) -> String {
        let mut query = Vec::new();
        if let Some(code) = &self.work_center {
            query.push(format!("work_center={}", code.as_str()));
        }
        if let Some(order) = self.order {
            query.push(format!("order={order}"));
        }
        if query.is_empty() {
            TASKS_PATH.to_owned()
        } else {
            format!("{TASKS_PATH}?{}", query.join("&"))
        }
    }
}

/// How the board's stream stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    Connecting,
    Live,
    /// The connection dropped; the browser is reconnecting by itself.
    Reconnecting,
    /// The server refused the stream (signed out): no more retries.
    Stopped,
}

impl Connection {
    pub fn label(self) -> &'static str {
        match self {
            Self::Connecting => "Connecting…",
            Self::Live => "Live",
            Self::Reconnecting => "Reconnecting…",
            Self::Stopped => "Not live: reload the page",
        }
    }

    fn class(self) -> &'static str {
        match self {
            Self::Connecting => "live-status connecting",
            Self::Live => "live-status live",
            Self::Reconnecting => "live-status reconnecting",
            Self::Stopped => "live-status stopped",
        }
    }
}

/// A board's live channel: `changes` counts the times it should refetch
/// (bursts of events within `COALESCE_MS` count once), `connection` how
/// the stream stands.
#[derive(Debug, Clone, Copy)]
pub struct LiveTasks {
    pub changes: ReadSignal<u64>,
    pub connection: ReadSignal<Connection>,
}

/// Events closer together than this bump `changes` once: a generation or
/// a busy minute on the floor refetches a board a few times, not a
/// hundred.
pub const COALESCE_MS: u64 = 150;

/// Opens the live channel for `filter` while the calling component lives
/// (a new filter opens a new stream, the old one is closed).
pub fn use_task_events(filter: impl Into<Signal<TaskFilter>>) -> LiveTasks {
    let (changes, set_changes) = signal(0_u64);
    let (connection, set_connection) = signal(Connection::Connecting);
    let filter = filter.into();
    // Effects run only in the browser: the server render stays inert.
    Effect::new(move || {
        let url = filter.get().url();
        #[cfg(feature = "hydrate")]
        browser::open(&url, set_changes, set_connection);
        #[cfg(not(feature = "hydrate"))]
        let _ = (url, set_changes, set_connection);
    });
    LiveTasks {
        changes,
        connection,
    }
}

/// The channel's state, announced politely to screen readers.
#[component]
pub fn LiveStatus(live: LiveTasks) -> impl IntoView {
    view! {
        <span class=move || live.connection.get().class() role="status">
            {move || live.connection.get().label()}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(work_center: &str, order: Option<Uuid>) -> TaskChange {
        TaskChange {
            work_center: work_center.into(),
            order,
            build: None,
            task: None,
            assignee: None,
            version: None,
            tasks: 1,
        }
    }

    fn welding() -> WorkCenterCode {
        WorkCenterCode::parse("WELDING").unwrap()
    }

    #[test]
    fn a_work_center_board_hears_only_its_work_center() {
        let filter = TaskFilter::work_center(welding());
        assert!(filter.admits(&change("WELDING", None)));
        assert!(!filter.admits(&change("CUTTING", None)));
    }

    #[test]
    fn an_order_board_hears_its_order_and_changes_across_orders() {
        let (mine, other) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let filter = TaskFilter::order(mine);
        assert!(filter.admits(&change("QC", Some(mine))));
        assert!(!filter.admits(&change("QC", Some(other))));
        assert!(filter.admits(&change("QC", None)));
    }

    #[test]
    fn no_filter_hears_everything() {
        assert!(TaskFilter::default().admits(&change("SHIPPING", Some(Uuid::from_u128(3)))));
    }

    #[test]
    fn the_filter_is_the_streams_query() {
        assert_eq!(TaskFilter::default().url(), "/api/live/tasks");
        let both = TaskFilter {
            work_center: Some(welding()),
            order: Some(Uuid::from_u128(1)),
        };
        assert_eq!(
            both.url(),
            "/api/live/tasks?work_center=WELDING&order=00000000-0000-0000-0000-000000000001"
        );
    }
}
