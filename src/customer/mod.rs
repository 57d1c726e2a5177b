//! Customers as the order desk types them: the company, its addresses and
//! its contacts, each validated field by field before anything is saved.
//! Each form's `text_limit` is the one list of its fields' lengths (the
//! column lengths of `migrations/`): the validation reads it, and the page
//! takes it for each input's `maxlength` and the hint under it.

mod address;
mod company;
mod contact;
mod phone;
mod website;

pub use crate::email::{Email, NotAnEmail};
pub use address::{AddressDraft, AddressSpec, AddressType};
pub use company::{CompanyDraft, CompanySpec, CustomerType};
pub use contact::{ContactDraft, ContactSpec};
pub use phone::{NotAPhone, Phone};
pub use website::{NotAWebsite, Website};
