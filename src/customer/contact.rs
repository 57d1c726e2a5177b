use serde::{Deserialize, Serialize};

use super::{Email, Phone, optional, optional_parsed, required};
use crate::FieldError;

/// The contact form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactDraft {
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub primary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactSpec {
    pub first_name: String,
    pub last_name: String,
    pub title: Option<String>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub primary: bool,
}

impl ContactDraft {
    pub fn validate(&self) -> Result<ContactSpec, Vec<FieldError>> {
        let mut errors = Vec::new();
        let first_name = required(&mut errors, "first_name", &self.first_name, 100);
        let last_name = required(&mut errors, "last_name", &self.last_name, 100);
        let title = optional(&mut errors, "title", &self.title, 100);
        let email = optional_parsed(&mut errors, "email", &self.email, 255, Email::parse);
        let phone = optional_parsed(&mut errors, "phone", &self.phone, 50, Phone::parse);
        let unreachable = email.is_none() && phone.is_none();
        let reach_refused = errors
            .iter()
            .any(|error| error.field == "email" || error.field == "phone");
        if unreachable && !reach_refused {
            errors.push(FieldError::new(
                "email",
                "Give an email address or a phone number to reach them.",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ContactSpec {
            first_name,
            last_name,
            title,
            email,
            phone,
            primary: matches!(self.primary.trim(), "yes" | "on" | "true"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_needs_a_name_and_a_way_to_reach_them() {
        let errors = ContactDraft {
            first_name: "Ann".into(),
            ..ContactDraft::default()
        }
        .validate()
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(fields, ["last_name", "email"]);
    }

    #[test]
    fn a_phone_number_is_digits_that_can_be_dialled() {
        let errors = ContactDraft {
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            phone: "abc".into(),
            ..ContactDraft::default()
        }
        .validate()
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(fields, ["phone"]);
    }

    #[test]
    fn a_malformed_email_is_reported_at_its_field() {
        let errors = ContactDraft {
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            email: "ann.lee@".into(),
            ..ContactDraft::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].message,
            "Enter an email address such as name@hospital.org."
        );
    }
}
