use serde::{Deserialize, Serialize};

use super::{Email, Phone};
use crate::FieldError;
use crate::text::{optional, optional_parsed, required, ticked};

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
    /// The most characters each text field holds: the columns of
    /// `public.customer_contacts`.
    pub fn text_limit(field: &str) -> Option<usize> {
        match field {
            "first_name" | "last_name" | "title" => Some(100),
            "email" => Some(255),
            "phone" => Some(50),
            _ => None,
        }
    }

    pub fn validate(&self) -> Result<ContactSpec, Vec<FieldError>> {
        let mut errors = Vec::new();
        let limits = Self::text_limit;
        let first_name = required(&mut errors, limits, "first_name", &self.first_name);
        let last_name = required(&mut errors, limits, "last_name", &self.last_name);
        let title = optional(&mut errors, limits, "title", &self.title);
        let email = optional_parsed(&mut errors, limits, "email", &self.email, Email::parse);
        let phone = optional_parsed(&mut errors, limits, "phone", &self.phone, Phone::parse);
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
            primary: ticked(&self.primary),
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
    fn a_job_title_longer_than_its_column_is_refused_at_its_field() {
        let errors = ContactDraft {
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            title: "t".repeat(101),
            email: "ann@mercy.org".into(),
            ..ContactDraft::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(errors[0].field, "title");
        assert_eq!(ContactDraft::text_limit("title"), Some(100));
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
