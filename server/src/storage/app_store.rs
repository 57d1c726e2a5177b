//! The storage as the app's server code uses it (`torvan_app::objects`):
//! whole objects in and out, the store's own words kept for the log.

use axum::body::Bytes;
use futures::future::BoxFuture;
use torvan_app::objects::{ObjectStore, StoreFailure};

use super::Storage;

impl ObjectStore for Storage {
    fn put<'a>(
        &'a self,
        key: &'a str,
        bytes: Vec<u8>,
        content_type: &'a str,
    ) -> BoxFuture<'a, Result<(), StoreFailure>> {
        Box::pin(async move {
            Storage::put(self, key, Bytes::from(bytes), content_type)
                .await
                .map_err(|error| error.to_string())
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Vec<u8>, StoreFailure>> {
        Box::pin(async move {
            let object = Storage::get(self, key)
                .await
                .map_err(|error| error.to_string())?;
            let bytes = object
                .body
                .collect()
                .await
                .map_err(|error| format!("S3 read of `{key}` failed: {error}"))?;
            Ok(bytes.into_bytes().to_vec())
        })
    }
}
