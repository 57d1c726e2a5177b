//! The file store as the app's server code sees it: put and get of whole
//! objects by key. The server implements it on its S3 client (AWS, any
//! S3-compatible service, or the embedded one) and puts it in the context
//! of every server function, so a feature here stores a file in the same
//! transaction-shaped steps as its rows without knowing the endpoint.

use std::sync::Arc;

use futures::future::BoxFuture;

use crate::error::AppError;

/// Why the store did not do what was asked; logged, never shown.
pub type StoreFailure = String;

pub trait ObjectStore: Send + Sync {
    fn put<'a>(
        &'a self,
        key: &'a str,
        bytes: Vec<u8>,
        content_type: &'a str,
    ) -> BoxFuture<'a, Result<(), StoreFailure>>;

    fn get<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Vec<u8>, StoreFailure>>;
}

/// The store, as the request context holds it.
#[derive(Clone)]
pub struct Objects(pub Arc<dyn ObjectStore>);

/// What a person reads when the store fails: nothing was kept.
pub const STORE_DOWN: &str = "Nothing was saved: the file store is unavailable. Try again.";

impl Objects {
    /// The store of this request.
    pub fn of_request() -> Result<Self, AppError> {
        leptos::prelude::use_context::<Self>().ok_or_else(|| {
            tracing::error!("no object store in the request context");
            AppError::Internal
        })
    }
}
