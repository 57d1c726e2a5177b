//! The database going away under a running app, and coming back: a person
//! is told within two seconds, in words, and nothing needs restarting.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use sqlx::PgPool;
use torvan_app::error::AppError;
use torvan_app::orders::ListOrders;

use crate::support::db_proxy::DbProxy;
use crate::support::demo::{self, users};
use crate::support::{Reply, TestApp};

/// How long a person may wait to be told the database is gone.
const TOLD_WITHIN: Duration = Duration::from_secs(2);

/// Where the test cluster of `pool` listens.
async fn cluster_of(pool: &PgPool) -> SocketAddr {
    let options = pool.connect_options();
    tokio::net::lookup_host((options.get_host(), options.get_port()))
        .await
        .unwrap()
        .next()
        .unwrap()
}

/// The app over the same database as `pool`, reached through `proxy`, with
/// the pool settings every server uses.
async fn app_behind(proxy: &DbProxy, pool: &PgPool) -> TestApp {
    let options = (*pool.connect_options())
        .clone()
        .host(&proxy.addr.ip().to_string())
        .port(proxy.addr.port());
    TestApp::new(torvan_server::db::pool_options(4).connect_lazy_with(options)).await
}

/// The demo app reached through a proxy, and a coordinator's session.
async fn signed_in_behind_a_proxy(pool: &PgPool) -> (DbProxy, TestApp, String) {
    torvan_server::seed::seed_demo(pool).await.unwrap();
    let proxy = DbProxy::start(cluster_of(pool).await).await;
    let app = app_behind(&proxy, pool).await;
    let cookie = app
        .sign_in(users::COORDINATOR, demo::PASSWORD)
        .await
        .unwrap();
    (proxy, app, cookie)
}

async fn timed<T>(request: impl Future<Output = T>) -> (T, Duration) {
    let started = Instant::now();
    let answer = request.await;
    (answer, started.elapsed())
}

#[sqlx::test(migrations = "../migrations")]
async fn a_page_says_in_words_within_two_seconds_that_the_database_is_unreachable(pool: PgPool) {
    let (proxy, app, cookie) = signed_in_behind_a_proxy(&pool).await;

    proxy.cut();
    let (page, waited): (Reply, _) = timed(app.get("/orders", Some(&cookie))).await;
    assert!(waited < TOLD_WITHIN, "told after {waited:?}");
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(page.headers["retry-after"], "60");
    // The page is what a person reads: its words are the test.
    assert!(page.body.contains("TORVAN cannot reach its database"));
    assert!(page.body.contains("Nothing you saved is lost"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_server_function_answers_unavailable_within_two_seconds_for_the_form_to_show(
    pool: PgPool,
) {
    let (proxy, app, cookie) = signed_in_behind_a_proxy(&pool).await;

    proxy.cut();
    let list = ListOrders {
        filter: Default::default(),
    };
    let (answer, waited) = timed(app.run(&cookie, list)).await;
    assert!(waited < TOLD_WITHIN, "told after {waited:?}");
    assert_eq!(answer.unwrap_err(), AppError::Unavailable);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_app_works_again_as_soon_as_the_database_is_back(pool: PgPool) {
    let (proxy, app, cookie) = signed_in_behind_a_proxy(&pool).await;
    assert_eq!(
        app.get("/orders", Some(&cookie)).await.status,
        StatusCode::OK
    );

    proxy.cut();
    let down = app.get("/orders", Some(&cookie)).await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);

    proxy.mend();
    let list = ListOrders {
        filter: Default::default(),
    };
    assert!(!app.run(&cookie, list).await.unwrap().rows.is_empty());
    assert_eq!(
        app.get("/orders", Some(&cookie)).await.status,
        StatusCode::OK
    );
}
