//! A user account as an administrator (or its owner) types it: the email
//! address follows the one rule for email addresses (`crate::email`) and is
//! kept lower-case, as sign-in matches it; names fit their `auth.users`
//! columns and are given; a new password meets the policy. The admin form
//! takes `NewUser::text_limit` for `maxlength` and its hints, and the
//! server refuses longer text with both lengths. An admin cannot lock
//! themselves out: they keep their own admin role and active status; nor
//! reset their own password, which is changed where the current one is
//! asked for.

use crate::email::Email;
use crate::password::check_new_password;
use crate::text::limited;
use crate::{FieldError, Role, UserStatus};

/// `auth.users.email VARCHAR(255)`.
pub const EMAIL_LIMIT: usize = 255;
/// `auth.users.first_name` and `last_name VARCHAR(100)`.
pub const NAME_LIMIT: usize = 100;

/// A first or last name (`label` says which): trimmed, given, and within
/// its column.
pub fn name(raw: &str, label: &str) -> Result<String, String> {
    limited(raw, NAME_LIMIT)?.ok_or_else(|| format!("Enter the {label}."))
}

/// An account's email address: trimmed, within its column, an `Email`,
/// and lower-case as a whole, so one person has one account whatever the
/// case they type it in.
pub fn email(raw: &str) -> Result<String, String> {
    let text = limited(raw, EMAIL_LIMIT)?.unwrap_or_default();
    let email = Email::parse(&text).map_err(|error| error.to_string())?;
    Ok(email.as_str().to_lowercase())
}

/// A new account's details, checked before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
}

impl NewUser {
    /// The most characters each text field of the new-user form holds.
    pub fn text_limit(field: &str) -> Option<usize> {
        match field {
            "email" => Some(EMAIL_LIMIT),
            "first_name" | "last_name" => Some(NAME_LIMIT),
            _ => None,
        }
    }

    /// The form's fields as typed; every refused field is reported at its
    /// name, the initial password at `password`.
    pub fn parse(
        email: &str,
        first_name: &str,
        last_name: &str,
        role: Role,
        password: &str,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut said_at = |field: &str, result: Result<String, String>| {
            result
                .map_err(|message| errors.push(FieldError::new(field, message)))
                .unwrap_or_default()
        };
        let email = said_at("email", self::email(email));
        let first_name = said_at("first_name", name(first_name, "first name"));
        let last_name = said_at("last_name", name(last_name, "last name"));
        if let Err(problem) = check_new_password(password, &email) {
            errors.push(FieldError::new("password", problem.to_string()));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            email,
            first_name,
            last_name,
            role,
        })
    }
}

/// A new password typed twice, for the account of `email`: the two must
/// agree and meet the policy.
pub fn new_password(new: &str, confirm: &str, email: &str) -> Result<(), FieldError> {
    if new != confirm {
        return Err(FieldError::new(
            "confirm_password",
            "The two new passwords differ.",
        ));
    }
    check_new_password(new, email)
        .map_err(|problem| FieldError::new("new_password", problem.to_string()))
}

/// The role an admin gives their own account: only admin, so no admin
/// shuts themselves out of administration.
pub fn own_role(role: Role) -> Result<(), FieldError> {
    match role {
        Role::Admin => Ok(()),
        _ => Err(FieldError::new(
            "role",
            "You cannot take the admin role from yourself.",
        )),
    }
}

/// The status an admin gives their own account: only active.
pub fn own_status(status: UserStatus) -> Result<(), FieldError> {
    match status {
        UserStatus::Active => Ok(()),
        _ => Err(FieldError::new(
            "status",
            "You cannot suspend or deactivate yourself.",
        )),
    }
}

/// Why an admin cannot reset their own password from the users screen: a
/// reset asks for no current password, so a borrowed session could take
/// over the account.
pub fn own_password_reset() -> FieldError {
    FieldError::new(
        "new_password",
        "Change your own password on the password page, where your current one is asked for.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::NotAnEmail;

    const PASSWORD: &str = "weld-bead-check-42";

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|error| error.field.as_str()).collect()
    }

    #[test]
    fn a_name_is_given_and_fits_its_column() {
        assert_eq!(name("  Ann ", "first name"), Ok("Ann".to_owned()));
        assert_eq!(
            name(" ", "last name"),
            Err("Enter the last name.".to_owned())
        );
        assert_eq!(
            name(&"n".repeat(101), "first name"),
            Err("At most 100 characters; this has 101.".to_owned())
        );
    }

    #[test]
    fn an_account_email_follows_the_one_email_rule_and_is_kept_lower_case() {
        assert_eq!(
            email(" Rosa.Tanaka@Torvan.TEST "),
            Ok("rosa.tanaka@torvan.test".to_owned())
        );
        for bad in [
            "",
            "rosa",
            "rosa@torvan",
            "rosa @torvan.test",
            "rosa@torvan..test",
        ] {
            assert_eq!(email(bad), Err(NotAnEmail.to_string()), "{bad}");
        }
        let long = format!("{}@torvan.test", "r".repeat(250));
        assert_eq!(
            email(&long),
            Err("At most 255 characters; this has 262.".to_owned())
        );
    }

    #[test]
    fn a_new_user_is_read_with_every_refused_field_named() {
        let user = NewUser::parse(
            "Rosa@Torvan.test",
            " Rosa ",
            "Tanaka",
            Role::Assembler,
            PASSWORD,
        )
        .unwrap();
        assert_eq!(
            (user.email.as_str(), user.first_name.as_str(), user.role),
            ("rosa@torvan.test", "Rosa", Role::Assembler)
        );
        let errors = NewUser::parse("rosa@", "", "Tanaka", Role::Assembler, "short").unwrap_err();
        assert_eq!(fields(&errors), ["email", "first_name", "password"]);
        assert_eq!(NewUser::text_limit("first_name"), Some(NAME_LIMIT));
    }

    #[test]
    fn the_initial_password_may_not_contain_the_email_name() {
        let errors = NewUser::parse(
            "rosa.tanaka@torvan.test",
            "Rosa",
            "Tanaka",
            Role::Assembler,
            "ROSA.TANAKA-2026",
        )
        .unwrap_err();
        assert_eq!(fields(&errors), ["password"]);
    }

    #[test]
    fn a_new_password_is_typed_twice_and_meets_the_policy() {
        assert_eq!(new_password(PASSWORD, PASSWORD, "qc@torvan.test"), Ok(()));
        assert_eq!(
            new_password(PASSWORD, "weld-bead-check-43", "qc@torvan.test")
                .unwrap_err()
                .field,
            "confirm_password"
        );
        assert_eq!(
            new_password("password1234", "password1234", "qc@torvan.test")
                .unwrap_err()
                .field,
            "new_password"
        );
    }

    #[test]
    fn an_admin_keeps_their_own_admin_role_and_active_status() {
        assert_eq!(own_role(Role::Admin), Ok(()));
        assert_eq!(own_role(Role::Assembler).unwrap_err().field, "role");
        assert_eq!(own_status(UserStatus::Active), Ok(()));
        assert_eq!(
            own_status(UserStatus::Suspended).unwrap_err().field,
            "status"
        );
    }
}
