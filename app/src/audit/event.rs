//! Events the trail records that change no audited row: a session starting
//! or ending, an export. Each is one `audit.audit_log` row written in the
//! transaction of what it records, so the event and its cause commit
//! together. Who acts in that transaction (a system actor), and the
//! request's client address and user agent, are read from the settings
//! `db` gave the transaction, as the audit trigger reads them: an event row
//! and the row changes beside it always agree on where they came from.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::error::AppError;

/// What happened, as `audit_action` spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Login,
    Logout,
    Export,
}

impl Kind {
    fn as_db_str(self) -> &'static str {
        match self {
            Self::Login => "LOGIN",
            Self::Logout => "LOGOUT",
            Self::Export => "EXPORT",
        }
    }
}

/// One event: whose it is, about what, and in words.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub kind: Kind,
    /// The user the event is about (whose session started or ended, who
    /// exported), which is not always the one acting: an admin ends
    /// someone else's sessions.
    pub user_id: Uuid,
    pub session_id: Option<Uuid>,
    /// What the event concerns: a table (`user_sessions`) and its row.
    pub resource_type: &'a str,
    pub resource_id: Option<String>,
    /// What a reader of the trail is told ("signed out").
    pub description: &'a str,
    /// The arguments that say what the event covered (an export's filter).
    pub params: Option<serde_json::Value>,
}

/// Writes `event` to the trail in the caller's transaction.
pub async fn record(conn: &mut PgConnection, event: Event<'_>) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO audit.audit_log (action, resource_type, resource_id, user_id, user_email,
             user_role, session_id, system_actor, ip_address, user_agent, description,
             request_params)
         SELECT $1::text::audit_action, $2, $3, u.id, u.email, u.role, $4,
                NULLIF(current_setting('app.system_actor', true), ''),
                NULLIF(current_setting('app.client_address', true), '')::inet,
                NULLIF(current_setting('app.user_agent', true), ''),
                $5, $7
         FROM auth.users u WHERE u.id = $6",
        event.kind.as_db_str(),
        event.resource_type,
        event.resource_id,
        event.session_id.map(|id| id.to_string()),
        event.description,
        event.user_id,
        event.params,
    )
    .execute(conn)
    .await?;
    Ok(())
}
