//! BOM templates for administrators: the list per family, and an editor
//! whose formulas, conditions and patterns are checked as they are typed,
//! with a preview against a configuration that saves nothing.

mod api;
mod checks;
#[cfg(feature = "ssr")]
mod duplicate;
mod editor;
mod list_page;
#[cfg(feature = "ssr")]
mod preview;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
mod save;

pub use api::*;
pub use editor::TemplatePage;
pub use list_page::TemplatesPage;
