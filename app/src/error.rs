use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

/// The error every server function returns: only what a user may read.
/// Details are logged on the server where the error is created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please sign in to continue.")]
    Unauthorized,
    #[error("You do not have permission to do that.")]
    Forbidden,
    /// One message for an unknown email, a wrong password, a locked or a
    /// suspended account, so the answer reveals nothing about the account.
    #[error(
        "Sign-in failed: check your email and password. After 5 failed attempts the account is locked for 15 minutes."
    )]
    SignInFailed,
    /// Too many password checks from this address, for this account or
    /// for everyone at once: answered 429 with `Retry-After`, nothing checked.
    #[error("Too many attempts. Wait {}, then try again.", wait(.retry_after_seconds))]
    TooManyAttempts { retry_after_seconds: u64 },
    /// The password was set by an administrator, who knows it: until the
    /// user chooses their own, changing it is all they may do.
    #[error("Choose a new password first: an administrator set the one you signed in with.")]
    MustChangePassword,
    #[error("That record does not exist (any more).")]
    NotFound,
    /// The record changed since the page showed it; nothing was written.
    #[error(
        "Someone else changed this meanwhile. Reload the page to see their change, then try again."
    )]
    Conflict,
    /// Input that breaks a rule, reported at the field it concerns.
    #[error("{message}")]
    Invalid { field: String, message: String },
    /// A form or file with several fields that break rules, each reported
    /// at its field.
    #[error("{}", fields_summary(.0))]
    InvalidFields(Vec<torvan::FieldError>),
    /// Arguments the server could not read (malformed, of the wrong type,
    /// too long, or holding a NUL character); what was sent is not repeated.
    #[error("The request could not be read: a value is malformed, too long or of the wrong kind.")]
    BadRequest,
    #[error("TORVAN cannot reach its database. Nothing you saved is lost; try again in a minute.")]
    Unavailable,
    #[error("Something went wrong on our side. The details have been logged.")]
    Internal,
    /// The request never got an answer (no network, server down); the
    /// browser's own wording is kept for the console only.
    #[error("The server could not be reached. Check the connection, then reload the page.")]
    Transport(String),
    /// Said by the service worker, not the server: the network was down,
    /// so the write is kept on this device and sent when it returns.
    #[error("No connection: kept on this device, and sent when the connection returns.")]
    Queued,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let detail = value.to_string();
        // On the server these are arguments that could not be decoded. The
        // decoder's message quotes the input, which may be long and is the
        // caller's own: it is logged, shortened, and not sent back.
        if cfg!(feature = "ssr")
            && matches!(
                value,
                ServerFnErrorErr::Args(_)
                    | ServerFnErrorErr::MissingArg(_)
                    | ServerFnErrorErr::Deserialization(_)
            )
        {
            let shown: String = detail.chars().take(200).collect();
            leptos::logging::warn!("unreadable server function arguments: {shown}");
            return Self::BadRequest;
        }
        leptos::logging::warn!("server function failed: {detail}");
        Self::Transport(detail)
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                tracing::error!(%error, "database unavailable");
                Self::Unavailable
            }
            error => {
                tracing::error!(%error, "database error");
                Self::Internal
            }
        }
    }
}

/// A write refused by a named database constraint, said at the field it
/// concerns: `said_at` maps the constraint's name to the message a user
/// reads; any other error (or an unnamed constraint) stays a database error.
/// The one way a feature turns a unique, check or foreign-key violation
/// into a field message, so a race that slips past a form's own checks
/// still lands at the field.
#[cfg(feature = "ssr")]
impl AppError {
    pub fn from_constraint(
        error: sqlx::Error,
        said_at: impl FnOnce(&str) -> Option<AppError>,
    ) -> AppError {
        let refused = error
            .as_database_error()
            .and_then(|db| db.constraint())
            .and_then(said_at);
        refused.unwrap_or_else(|| error.into())
    }
}

#[cfg(feature = "ssr")]
impl From<torvan::UnknownVariant> for AppError {
    /// A value the database should never hold: a bug or a schema drift.
    fn from(error: torvan::UnknownVariant) -> Self {
        tracing::error!(%error, "unexpected value in the database");
        Self::Internal
    }
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    /// Each refused field with its message, in the form's order.
    pub fn problems(&self) -> Vec<(String, String)> {
        match self {
            Self::Invalid { field, message } => vec![(field.clone(), message.clone())],
            Self::InvalidFields(errors) => errors
                .iter()
                .map(|error| (error.field.clone(), error.message.clone()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The fields this error has a message for.
    pub fn fields(&self) -> Vec<String> {
        self.problems()
            .into_iter()
            .map(|(field, _)| field)
            .collect()
    }

    /// What a form says when this error kept it from being saved.
    pub fn form_message(&self) -> String {
        match self {
            Self::Transport(_) => {
                "Not saved: the server could not be reached. What you typed is kept; try again."
                    .to_owned()
            }
            other => other.to_string(),
        }
    }

    /// The message to show beside `field`, if this error concerns it.
    pub fn for_field(&self, field: &str) -> Option<String> {
        match self {
            Self::Invalid { field: at, message } if at == field => Some(message.clone()),
            Self::InvalidFields(errors) => errors
                .iter()
                .find(|error| error.field == field)
                .map(|error| error.message.clone()),
            _ => None,
        }
    }
}

/// A wait of `seconds`, in the largest unit a person reads it in.
fn wait(seconds: &u64) -> String {
    match *seconds {
        0..60 => torvan::plural::count(*seconds, "second", "seconds"),
        _ => torvan::plural::count(seconds.div_ceil(60), "minute", "minutes"),
    }
}

fn fields_summary(errors: &[torvan::FieldError]) -> String {
    match errors.len() {
        1 => errors[0].message.clone(),
        count => format!("{count} fields need attention; see the messages beside them."),
    }
}

/// An order or build number from a URL or a form that no record could
/// carry names nothing: the same answer as a well-formed number that is not
/// there.
impl From<torvan::order_number::MalformedNumber> for AppError {
    fn from(_: torvan::order_number::MalformedNumber) -> Self {
        Self::NotFound
    }
}

impl From<Vec<torvan::FieldError>> for AppError {
    fn from(errors: Vec<torvan::FieldError>) -> Self {
        Self::InvalidFields(errors)
    }
}

/// One refused field, as a parse that stops at the first problem reports it.
impl From<torvan::FieldError> for AppError {
    fn from(error: torvan::FieldError) -> Self {
        Self::Invalid {
            field: error.field,
            message: error.message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_throttled_sign_in_says_how_long_to_wait_in_words() {
        let wait = |retry_after_seconds| {
            AppError::TooManyAttempts {
                retry_after_seconds,
            }
            .to_string()
        };
        assert_eq!(wait(1), "Too many attempts. Wait 1 second, then try again.");
        assert_eq!(
            wait(45),
            "Too many attempts. Wait 45 seconds, then try again."
        );
        assert_eq!(
            wait(61),
            "Too many attempts. Wait 2 minutes, then try again."
        );
        assert_eq!(
            wait(900),
            "Too many attempts. Wait 15 minutes, then try again."
        );
    }
}
