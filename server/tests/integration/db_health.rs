//! The periodic database health check (`jobs::health`): one row per check
//! once per period however many servers run it, and the admin screen's
//! reading of the latest.

use std::time::Duration;

use sqlx::PgPool;
use torvan::DbEnum;
use torvan::db_health::{HealthCheck, HealthResult};
use torvan_app::admin::LatestHealthChecks;
use torvan_server::jobs::health::{PERIOD, check_once};

use crate::support::TestApp;
use crate::support::demo::users;

async fn stored(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM system.database_health_checks")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_check_writes_one_verdict_per_kind_and_the_admin_sees_the_latest(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    assert_eq!(
        app.run(&cookie, LatestHealthChecks {}).await,
        Ok(Vec::new())
    );

    let verdicts = check_once(&pool, PERIOD).await.unwrap();
    let checks: Vec<HealthCheck> = verdicts.iter().map(|verdict| verdict.check).collect();
    assert_eq!(checks, HealthCheck::ALL);
    assert_eq!(stored(&pool).await, 4);

    let shown = app.run(&cookie, LatestHealthChecks {}).await.unwrap();
    let connections = shown
        .iter()
        .find(|reading| reading.check == HealthCheck::Connections)
        .expect("the connections check is shown");
    // Its verdict depends on what else the test cluster serves meanwhile.
    assert!(
        connections.message.contains("connections in use"),
        "{}",
        connections.message
    );
    let replication = shown
        .iter()
        .find(|reading| reading.check == HealthCheck::ReplicationLag)
        .expect("the replication check is shown");
    assert_eq!(
        (replication.result, replication.message.as_str()),
        (HealthResult::Pass, "No replicas.")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn servers_whose_timers_fire_together_check_once_per_period(pool: PgPool) {
    let servers: Vec<_> = (0..4)
        .map(|_| {
            let pool = pool.clone();
            tokio::spawn(async move { check_once(&pool, PERIOD).await.unwrap().len() })
        })
        .collect();
    let mut written = Vec::new();
    for server in servers {
        written.push(server.await.unwrap());
    }
    written.sort();
    assert_eq!(written, [0, 0, 0, 4]);
    assert_eq!(stored(&pool).await, 4);

    // A period later, the next check runs.
    assert_eq!(check_once(&pool, Duration::ZERO).await.unwrap().len(), 4);
    assert_eq!(stored(&pool).await, 8);
}
