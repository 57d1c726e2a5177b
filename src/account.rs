//! A user account's own details as an administrator types them: the email
//! address and names fit their `auth.users` columns, and a name is given.
//! The admin form takes these limits for `maxlength` and its hints, and
//! the server refuses longer text with both lengths.

use crate::text::limited;

/// `auth.users.email VARCHAR(255)`.
pub const EMAIL_LIMIT: usize = 255;
/// `auth.users.first_name` and `last_name VARCHAR(100)`.
pub const NAME_LIMIT: usize = 100;

/// A first or last name (`label` says which): trimmed, given, and within
/// its column.
pub fn name(raw: &str, label: &str) -> Result<String, String> {
    limited(raw, NAME_LIMIT)?.ok_or_else(|| format!("Enter the {label}."))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
