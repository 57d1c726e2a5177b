//! What a BOM page's address names, read in one place so the page and its
//! print view ask the server for the same build and version.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What a BOM page's address names: the order, the sink's build number,
/// and the version and version to compare with, when given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Addressed {
    pub order_number: String,
    pub build_number: String,
    pub version: Option<i32>,
    pub compare_with: Option<i32>,
}

/// Reads the address as it changes; call inside a resource's source.
pub(super) fn addressed() -> impl Fn() -> Addressed + Copy + Send + Sync + 'static {
    let params = use_params_map();
    let query = use_query_map();
    move || {
        let (params, query) = (params.read(), query.read());
        let number = |key: &str| query.get(key).and_then(|value| value.parse().ok());
        Addressed {
            order_number: params.get("number").unwrap_or_default(),
            build_number: params.get("build").unwrap_or_default(),
            version: number("version"),
            compare_with: number("from"),
        }
    }
}
