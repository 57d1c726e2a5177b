//! `torvan create-admin --email …`: how a real installation gets its first
//! user. The password is read from the terminal without echo, or from the
//! first line of standard input when it is not a terminal.

use std::io::{BufRead, IsTerminal};

use torvan::SystemActor;
use torvan::password::check_new_password;
use torvan_app::auth::password_hash;

use crate::{ServerError, config, db};

pub async fn run(email: &str) -> Result<(), ServerError> {
    let email = email.trim().to_lowercase();
    let password = read_password().map_err(ServerError::Input)?;
    check_new_password(&password, &email)
        .map_err(|problem| ServerError::Input(problem.to_string()))?;

    let database = config::DatabaseConfig::from_env()?;
    let pool = db::connect(&database).await?;
    db::migrate_for(&database, &pool).await?;
    let hash = password_hash::hash(password)
        .await
        .map_err(|error| ServerError::Input(error.to_string()))?;
    let mut tx = torvan_app::db::begin_system(&pool, SystemActor::CreateAdmin).await?;
    let created = sqlx::query!(
        "INSERT INTO auth.users (email, password_hash, role, first_name, last_name)
         VALUES ($1, $2, 'ADMIN', 'Administrator', $3)
         ON CONFLICT (email) DO NOTHING",
        email,
        hash,
        email.split('@').next().unwrap_or_default(),
    )
    .execute(&mut *tx)
    .await?;
    if created.rows_affected() == 0 {
        return Err(ServerError::Input(format!(
            "an account for {email} already exists"
        )));
    }
    tx.commit().await?;
    println!("administrator {email} created");
    Ok(())
}

fn read_password() -> Result<String, String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ").map_err(|error| error.to_string())?;
        let again = rpassword::prompt_password("Repeat it: ").map_err(|error| error.to_string())?;
        if first != again {
            return Err("the two passwords differ".into());
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|error| error.to_string())?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    Ok(password)
}
