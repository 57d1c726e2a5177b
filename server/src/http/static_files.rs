use std::path::{Path, PathBuf};

use axum::http::{HeaderValue, header};
use leptos::prelude::LeptosOptions;
use tower::Layer;
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

/// The built client (`/pkg`: WASM, JS, CSS), served pre-compressed when the
/// build left `.br`/`.gz` files beside them. File names carry no hash, so
/// browsers revalidate rather than cache blindly.
pub fn pkg(options: &LeptosOptions) -> SetResponseHeader<ServeDir, HeaderValue> {
    let files = ServeDir::new(pkg_dir(options))
        .precompressed_br()
        .precompressed_gzip();
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"))
        .layer(files)
}

/// Where the built client lies on disk.
pub fn pkg_dir(options: &LeptosOptions) -> PathBuf {
    Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref())
}
