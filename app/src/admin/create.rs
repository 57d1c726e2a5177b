//! Creating an account: one per email address whatever its case, said at
//! the email field when the address is taken. The administrator chose the
//! password, so the user must change it at their first sign-in.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::account::NewUser;
use uuid::Uuid;

use crate::error::AppError;

/// Adds the account `new` with its password hash, filed as created by
/// `created_by`.
pub async fn create(
    conn: &mut PgConnection,
    created_by: Uuid,
    new: &NewUser,
    password_hash: String,
) -> Result<(), AppError> {
    let inserted = sqlx::query!(
        "INSERT INTO auth.users
             (email, password_hash, role, first_name, last_name, created_by, must_change_password)
         VALUES ($1, $2, $3::text::user_role, $4, $5, $6, TRUE)
         ON CONFLICT ((lower(email))) DO NOTHING",
        new.email,
        password_hash,
        new.role.as_db_str(),
        new.first_name,
        new.last_name,
        created_by,
    )
    .execute(conn)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::invalid(
            "email",
            "An account with this email already exists.",
        ));
    }
    Ok(())
}
