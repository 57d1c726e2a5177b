//! One `LISTEN` per app server, relayed to every open board of that server.
//!
//! The listener holds one pooled connection for as long as it listens; it
//! is started by the first board that subscribes. When its connection
//! drops it reconnects with back-off and then tells every subscriber to
//! `Resync`: notifications sent meanwhile are lost, and only a refetch
//! recovers them. It stops when the pool closes.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgListener;
use tokio::sync::{broadcast, watch};
use torvan_app::live::TaskChange;

/// The channel the database's triggers notify (migration 35).
pub const CHANNEL: &str = "torvan_tasks";

/// Events a slow board may fall behind by before it is told to resync.
const BACKLOG: usize = 1024;
/// The first wait before reconnecting, doubled per failure up to the last.
const FIRST_RETRY: Duration = Duration::from_millis(250);
const LAST_RETRY: Duration = Duration::from_secs(10);
/// How long a new board waits for the listener to be in place: once its
/// stream has begun, every later commit reaches it. A database that does
/// not answer in time leaves the board waiting for the first `Resync`.
const READY_WAIT: Duration = Duration::from_secs(3);

/// What the hub tells its subscribers.
#[derive(Debug, Clone)]
pub enum News {
    Task(Arc<TaskChange>),
    /// Changes may have been missed: refetch.
    Resync,
    /// The server is stopping: end the stream, the browser reconnects to
    /// another.
    ShuttingDown,
}

/// The app server's listener and its subscribers. Cheap to clone.
#[derive(Clone)]
pub struct Hub {
    shared: Arc<Shared>,
}

struct Shared {
    pool: PgPool,
    news: broadcast::Sender<News>,
    listening: watch::Receiver<bool>,
    /// Taken by the first subscriber, which starts the listener with it.
    not_started: Mutex<Option<watch::Sender<bool>>>,
}

impl Hub {
    /// A hub over `pool`; nothing listens until a board subscribes.
    pub fn new(pool: PgPool) -> Self {
        let (news, _) = broadcast::channel(BACKLOG);
        let (started, listening) = watch::channel(false);
        Self {
            shared: Arc::new(Shared {
                pool,
                news,
                listening,
                not_started: Mutex::new(Some(started)),
            }),
        }
    }

    /// Everything heard from now on, once the listener is in place (or
    /// `READY_WAIT` has passed).
    pub async fn subscribe(&self) -> broadcast::Receiver<News> {
        self.start();
        let receiver = self.shared.news.subscribe();
        let mut listening = self.shared.listening.clone();
        let _ = tokio::time::timeout(READY_WAIT, listening.wait_for(|&ready| ready)).await;
        receiver
    }

    /// Ends every open stream (graceful shutdown waits for them).
    pub fn shut_down(&self) {
        let _ = self.shared.news.send(News::ShuttingDown);
    }

    fn start(&self) {
        let started = self
            .shared
            .not_started
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        if let Some(listening) = started {
            let (pool, news) = (self.shared.pool.clone(), self.shared.news.clone());
            tokio::spawn(listen(pool, news, listening));
        }
    }
}

/// Listens until the pool closes, reconnecting after every loss.
async fn listen(pool: PgPool, news: broadcast::Sender<News>, listening: watch::Sender<bool>) {
    let mut retry = FIRST_RETRY;
    let mut reconnecting = false;
    while !pool.is_closed() {
        match connect(&pool).await {
            Ok(mut listener) => {
                retry = FIRST_RETRY;
                listening.send_replace(true);
                if reconnecting {
                    tracing::info!("task listener reconnected; boards resync");
                    let _ = news.send(News::Resync);
                }
                let lost = relay(&mut listener, &news).await;
                listening.send_replace(false);
                if pool.is_closed() {
                    break;
                }
                tracing::warn!(error = %lost, "task listener lost its connection");
            }
            Err(error) => tracing::warn!(%error, ?retry, "task listener cannot connect"),
        }
        reconnecting = true;
        tokio::time::sleep(retry).await;
        retry = (retry * 2).min(LAST_RETRY);
    }
}

async fn connect(pool: &PgPool) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    // A lost connection ends `relay`, which reconnects (and resyncs) itself.
    listener.eager_reconnect(false);
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// Relays notifications until the connection is lost; why it was.
async fn relay(listener: &mut PgListener, news: &broadcast::Sender<News>) -> sqlx::Error {
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => {
                match serde_json::from_str::<TaskChange>(notification.payload()) {
                    // No subscriber is no error: nobody has a board open.
                    Ok(change) => _ = news.send(News::Task(Arc::new(change))),
                    Err(error) => tracing::error!(%error, payload = notification.payload(),
                        "a task notification the boards cannot read"),
                }
            }
            Ok(None) => {
                let closed = std::io::Error::new(std::io::ErrorKind::ConnectionAborted, "closed");
                return sqlx::Error::Io(closed);
            }
            Err(error) => return error,
        }
    }
}
