//! The demo data set: realistic, deterministic and idempotent. Every row has a
//! fixed id and every insert skips rows already present, so a second run
//! changes nothing and writes no audit rows.

use sqlx::PgPool;
use torvan::SystemActor;

use crate::error::ServerError;

/// The SQL files of `server/seed/`, in name order, embedded at build time.
const SEED_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/seed_files.rs"));

/// The demo admin of `01_users.sql`, who approved the demo configurations
/// and so generates their BOMs.
const DEMO_ADMIN: uuid::Uuid = uuid::Uuid::from_u128(0x00000000_0000_4000_a000_000000000001);
/// The demo production coordinator, who approves and signs them.
const DEMO_COORDINATOR: uuid::Uuid = uuid::Uuid::from_u128(0x00000000_0000_4000_a000_000000000002);
/// The demo QC inspector, who signed the demo checklists off.
const DEMO_INSPECTOR: uuid::Uuid = uuid::Uuid::from_u128(0x00000000_0000_4000_a000_000000000004);
/// The demo assembler, who has done the demo tasks that are done.
const DEMO_ASSEMBLER: uuid::Uuid = uuid::Uuid::from_u128(0x00000000_0000_4000_a000_000000000005);

/// Refuses to load the demo into a database in real use: one that holds a
/// user the demo did not create (an administrator made with `create-admin`,
/// anyone added on the users screen). The demo adds an administrator whose
/// password is published, so loading it there would open the installation.
pub async fn refuse_a_database_in_use(pool: &PgPool) -> Result<(), ServerError> {
    let others = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM auth.users WHERE NOT (id = ANY($1))"#,
        &DEMO_USERS[..],
    )
    .fetch_one(pool)
    .await?;
    match others {
        0 => Ok(()),
        others => Err(ServerError::Input(format!(
            "this database holds {others} user(s) the demo did not create, so it looks like a \
             real installation, and the demo adds accounts whose password is published. Nothing \
             was loaded; run `torvan seed-demo --force` if this really is a demo database"
        ))),
    }
}

/// The ids of `01_users.sql`, one user per role.
const DEMO_USERS: [uuid::Uuid; 6] = [
    DEMO_ADMIN,
    DEMO_COORDINATOR,
    uuid::Uuid::from_u128(0x00000000_0000_4000_a000_000000000003),
    DEMO_INSPECTOR,
    uuid::Uuid::from_u128(0x00000000_0000_4000_a000_000000000005),
    uuid::Uuid::from_u128(0x00000000_0000_4000_a000_000000000006),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub files: usize,
}

/// Loads the demo data in one transaction, all of it or none of it, acting
/// as the `seed-demo` system actor.
pub async fn seed_demo(pool: &PgPool) -> Result<SeedReport, sqlx::Error> {
    let mut tx = torvan_app::db::begin_system(pool, SystemActor::SeedDemo).await?;
    for (name, sql) in SEED_FILES {
        tracing::debug!(file = name, "loading demo data");
        sqlx::raw_sql(sql).execute(&mut *tx).await?;
    }
    let people = torvan_app::boms::demo::DemoPeople {
        configuration_approver: DEMO_ADMIN,
        bom_approver: DEMO_COORDINATOR,
    };
    torvan_app::boms::demo::generate_missing(&mut tx, people)
        .await
        .map_err(|error| sqlx::Error::Protocol(format!("demo BOMs: {error}")))?;
    torvan_app::tasks::demo::generate_missing(&mut tx, DEMO_COORDINATOR, DEMO_ASSEMBLER)
        .await
        .map_err(|error| sqlx::Error::Protocol(format!("demo tasks: {error}")))?;
    let inspectors = torvan_app::quality::demo::DemoInspectors {
        creator: DEMO_COORDINATOR,
        inspector: DEMO_INSPECTOR,
        reviewer: DEMO_ADMIN,
    };
    torvan_app::quality::demo::generate_missing(&mut tx, &inspectors)
        .await
        .map_err(|error| sqlx::Error::Protocol(format!("demo checklists: {error}")))?;
    tx.commit().await?;
    Ok(SeedReport {
        files: SEED_FILES.len(),
    })
}
