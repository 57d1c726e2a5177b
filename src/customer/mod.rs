//! Customers as the order desk types them: the company, its addresses and
//! its contacts, each validated field by field before anything is saved.
//! Each form's `text_limit` is the one list of its fields' lengths (the
//! column lengths of `migrations/`): the validation reads it, and the page
//! takes it for each input's `maxlength` and the hint under it.

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

/// The most characters each text field of a form holds, by field name;
/// `None` for a field that is not free text.
type Limits = fn(&str) -> Option<usize>;

/// Trimmed text of at most the field's limit; empty is `None`.
fn optional(
    errors: &mut Vec<FieldError>,
    limits: Limits,
    field: &str,
    raw: &str,
) -> Option<String> {
    crate::text::limited(raw, limits(field).unwrap_or(usize::MAX))
        .map_err(|message| errors.push(FieldError::new(field, message)))
        .ok()
        .flatten()
}

/// Like `optional`, but empty is an error.
fn required(errors: &mut Vec<FieldError>, limits: Limits, field: &str, raw: &str) -> String {
    let before = errors.len();
    let value = optional(errors, limits, field, raw);
    if value.is_none() && errors.len() == before {
        errors.push(FieldError::new(field, "This field is required."));
    }
    value.unwrap_or_default()
}

/// Like `optional`, then read by `parse` (an email address, a phone number,
/// a website), whose refusal is the field's message.
fn optional_parsed<T, E: ToString>(
    errors: &mut Vec<FieldError>,
    limits: Limits,
    field: &str,
    raw: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Option<T> {
    let text = optional(errors, limits, field, raw)?;
    parse(&text)
        .map_err(|error| errors.push(FieldError::new(field, error.to_string())))
        .ok()
}
