//! Customers as the order desk types them: the company, its addresses and
//! its contacts, each validated field by field before anything is saved.

mod address;
mod company;
mod contact;
mod email;
mod phone;
mod website;

pub use address::{AddressDraft, AddressSpec, AddressType};
pub use company::{CompanyDraft, CompanySpec, CustomerType};
pub use contact::{ContactDraft, ContactSpec};
pub use email::{Email, NotAnEmail};
pub use phone::{NotAPhone, Phone};
pub use website::{NotAWebsite, Website};

use crate::FieldError;

/// Trimmed text of at most `max` characters; empty is `None`.
fn optional(errors: &mut Vec<FieldError>, field: &str, raw: &str, max: usize) -> Option<String> {
    crate::text::limited(raw, max)
        .map_err(|message| errors.push(FieldError::new(field, message)))
        .ok()
        .flatten()
}

/// Like `optional`, but empty is an error.
fn required(errors: &mut Vec<FieldError>, field: &str, raw: &str, max: usize) -> String {
    let before = errors.len();
    let value = optional(errors, field, raw, max);
    if value.is_none() && errors.len() == before {
        errors.push(FieldError::new(field, "This field is required."));
    }
    value.unwrap_or_default()
}

/// Like `optional`, then read by `parse` (an email address, a phone number,
/// a website), whose refusal is the field's message.
fn optional_parsed<T, E: ToString>(
    errors: &mut Vec<FieldError>,
    field: &str,
    raw: &str,
    max: usize,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Option<T> {
    let text = optional(errors, field, raw, max)?;
    parse(&text)
        .map_err(|error| errors.push(FieldError::new(field, error.to_string())))
        .ok()
}
