use std::process::ExitCode;

use torvan_server::{
    ServerError, audit_verify, backup, cli::Command, config, create_admin, db, roles, seed, serve,
    telemetry,
};

// Server-side rendering allocates many short-lived strings per request; the
// system allocator spent about a quarter of the server's CPU on them under
// load (BENCHMARKS.md, order list).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let command = match Command::from_args(std::env::args().skip(1)) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("{message}\n\n{}", Command::USAGE);
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => {
            println!("{}", Command::USAGE);
            return ExitCode::SUCCESS;
        }
        Command::PrintGrants => {
            println!("{}", roles::EXPECTED_GRANTS);
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    telemetry::init();

    let outcome = match command {
        Command::Serve => serve::run().await,
        Command::Migrate => migrate().await,
        Command::SeedDemo { force } => seed_demo(force).await,
        Command::CreateAdmin { email } => create_admin::run(&email).await,
        Command::AuditVerify => audit_verify::run().await,
        Command::Backup => backup::run().await,
        Command::Restore { key, into } => backup::run_restore(&key, &into).await,
        Command::Help | Command::PrintGrants => Ok(()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "torvan stopped with an error");
            eprintln!("torvan: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate() -> Result<(), ServerError> {
    let database = config::DatabaseConfig::from_env()?;
    let pool = db::connect(&database).await?;
    db::migrate_for(&database, &pool).await?;
    tracing::info!("migrations applied");
    Ok(())
}

async fn seed_demo(force: bool) -> Result<(), ServerError> {
    let database = config::DatabaseConfig::from_env()?;
    let pool = db::connect(&database).await?;
    db::migrate_for(&database, &pool).await?;
    if !force {
        seed::refuse_a_database_in_use(&pool).await?;
    }
    let report = seed::seed_demo(&pool).await?;
    tracing::info!(files = report.files, "demo data loaded");
    Ok(())
}
