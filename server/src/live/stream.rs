//! `GET /api/live/tasks`: a signed-in board's stream of task changes.
//!
//! Who may read tasks gets `task` events (the change as JSON) that pass
//! the board's filter (`work_center`, `order`), `resync` when the server
//! may have missed some or the board fell behind, and a comment every
//! 15 s that keeps proxies from closing a quiet stream. The stream ends
//! when the session does (checked every minute, without counting as
//! activity) and when the server shuts down. The session middleware
//! refuses the anonymous before this runs; compression leaves
//! `text/event-stream` alone (tower-http's default predicate), so every
//! event leaves as it is written.

use std::convert::Infallible;
use std::time::Duration;

use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, Stream};
use serde::Deserialize;
use sqlx::PgPool;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::{Instant, Interval, interval_at};
use torvan::session::SessionPolicy;
use torvan::workflow::WorkCenterCode;
use torvan::{Action, Resource};
use torvan_app::auth::guard::SessionUser;
use torvan_app::auth::sessions;
use torvan_app::live::{RESYNC_EVENT, TASK_EVENT, TaskChange, TaskFilter};
use uuid::Uuid;

use super::News;
use crate::http::AppState;

const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How often an open stream checks that its session still stands.
const SESSION_CHECK: Duration = Duration::from_secs(60);

/// The board's filter as its query names it.
#[derive(Deserialize)]
pub struct FilterQuery {
    work_center: Option<String>,
    order: Option<String>,
}

impl FilterQuery {
    fn parse(self) -> Result<TaskFilter, String> {
        let work_center = self
            .work_center
            .map(|code| WorkCenterCode::parse(&code).map_err(|error| error.to_string()))
            .transpose()?;
        let order = self
            .order
            .map(|id| Uuid::parse_str(&id).map_err(|_| format!("`{id}` is not an order's id")))
            .transpose()?;
        Ok(TaskFilter { work_center, order })
    }
}

pub async fn tasks(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Query(query): Query<FilterQuery>,
) -> Response {
    let session = match user {
        None => return StatusCode::UNAUTHORIZED.into_response(),
        Some(Extension(session))
            if !session.must_change_password && session.user.may(Resource::Tasks, Action::Read) =>
        {
            session
        }
        Some(_) => return StatusCode::FORBIDDEN.into_response(),
    };
    let filter = match query.parse() {
        Ok(filter) => filter,
        Err(message) => return (StatusCode::BAD_REQUEST, message).into_response(),
    };
    let board = Board {
        news: state.live.subscribe().await,
        filter,
        pool: state.pool.clone(),
        session_id: session.session_id,
        policy: state.auth.sessions,
        session_check: interval_at(Instant::now() + SESSION_CHECK, SESSION_CHECK),
    };
    let mut response = Sse::new(board.events())
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    // A reverse proxy (nginx) would otherwise hold events back to fill its buffer.
    response
        .headers_mut()
        .insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

/// One open board: what it hears, what it shows, whose session it is.
struct Board {
    news: broadcast::Receiver<News>,
    filter: TaskFilter,
    pool: PgPool,
    session_id: Uuid,
    policy: SessionPolicy,
    session_check: Interval,
}

impl Board {
    fn events(self) -> impl Stream<Item = Result<Event, Infallible>> {
        stream::unfold(self, |mut board| async move {
            let event = board.next().await?;
            Some((Ok(event), board))
        })
    }

    /// The next event for this board; `None` ends the stream.
    async fn next(&mut self) -> Option<Event> {
        loop {
            tokio::select! {
                heard = self.news.recv() => match heard {
                    Ok(News::Task(change)) if self.filter.admits(&change) => {
                        return Some(task_event(&change));
                    }
                    Ok(News::Task(_)) => {}
                    // A board that fell behind lost events: it refetches.
                    Ok(News::Resync) | Err(RecvError::Lagged(_)) => {
                        return Some(Event::default().event(RESYNC_EVENT).data(""));
                    }
                    Ok(News::ShuttingDown) | Err(RecvError::Closed) => return None,
                },
                _ = self.session_check.tick() => {
                    if !self.session_stands().await {
                        return None;
                    }
                }
            }
        }
    }

    /// Whether the session is still active and may still read tasks. A
    /// database that cannot say keeps the stream: the listener's own
    /// reconnect tells the board to resync when it is back.
    async fn session_stands(&self) -> bool {
        let role = async {
            let mut conn = self.pool.acquire().await?;
            sessions::role_while_active(
                &mut conn,
                self.session_id,
                &self.policy,
                chrono::Utc::now(),
            )
            .await
        };
        match role.await {
            Ok(Some(role)) => torvan::permits(role, Resource::Tasks, Action::Read),
            Ok(None) => false,
            Err(error) => {
                tracing::warn!(%error, "cannot check a live board's session");
                true
            }
        }
    }
}

fn task_event(change: &TaskChange) -> Event {
    Event::default()
        .event(TASK_EVENT)
        .json_data(change)
        .unwrap_or_else(|_| Event::default().event(RESYNC_EVENT).data(""))
}
