//! Objects in the app's bucket: stored whole, or in parts when large (S3
//! takes one request up to 5 GB, but a part that fails is retried alone and
//! parts travel side by side), read back as a stream, and removed.

use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use axum::body::Bytes;

use super::Storage;

/// Above this size an object is sent as a multipart upload, in parts of
/// this size (S3's smallest part is 5 MiB, the last one excepted).
pub const MULTIPART_ABOVE: usize = 8 * 1024 * 1024;

/// A failed object operation, with the store's own words for the log.
#[derive(Debug, thiserror::Error)]
#[error("S3 {operation} of `{key}` failed: {detail}")]
pub struct ObjectError {
    operation: &'static str,
    key: String,
    detail: String,
}

impl ObjectError {
    fn new(operation: &'static str, key: &str, error: impl std::error::Error) -> Self {
        Self {
            operation,
            key: key.to_owned(),
            detail: aws_sdk_s3::error::DisplayErrorContext(error).to_string(),
        }
    }
}

/// An object read back: its size, and its bytes as they arrive.
pub struct StoredObject {
    pub length: Option<i64>,
    pub body: ByteStream,
}

impl Storage {
    /// Stores `bytes` at `key` as `content_type`; in parts above
    /// `MULTIPART_ABOVE`, a part upload that fails being aborted.
    pub async fn put(
        &self,
        key: &str,
        bytes: Bytes,
        content_type: &str,
    ) -> Result<(), ObjectError> {
        if bytes.len() <= MULTIPART_ABOVE {
            return self
                .client
                .put_object()
                .bucket(&self.bucket)
                .key(key)
                .content_type(content_type)
                .body(ByteStream::from(bytes))
                .send()
                .await
                .map(|_| ())
                .map_err(|error| ObjectError::new("put", key, error));
        }
        let started = self
            .client
            .create_multipart_upload()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .send()
            .await
            .map_err(|error| ObjectError::new("multipart start", key, error))?;
        let upload_id = started.upload_id().unwrap_or_default().to_owned();
        match self.put_parts(key, &upload_id, bytes).await {
            Ok(()) => Ok(()),
            Err(error) => {
                let aborted = self
                    .client
                    .abort_multipart_upload()
                    .bucket(&self.bucket)
                    .key(key)
                    .upload_id(&upload_id)
                    .send()
                    .await;
                if let Err(abort) = aborted {
                    let abort = ObjectError::new("multipart abort", key, abort);
                    tracing::warn!(%abort, "a failed multipart upload was left behind");
                }
                Err(error)
            }
        }
    }

    async fn put_parts(&self, key: &str, upload_id: &str, bytes: Bytes) -> Result<(), ObjectError> {
        let uploads =
            (0..bytes.len())
                .step_by(MULTIPART_ABOVE)
                .enumerate()
                .map(|(index, start)| {
                    let end = (start + MULTIPART_ABOVE).min(bytes.len());
                    let part_number = i32::try_from(index + 1).unwrap_or(i32::MAX);
                    let part = bytes.slice(start..end);
                    async move {
                        let sent = self
                            .client
                            .upload_part()
                            .bucket(&self.bucket)
                            .key(key)
                            .upload_id(upload_id)
                            .part_number(part_number)
                            .body(ByteStream::from(part))
                            .send()
                            .await
                            .map_err(|error| ObjectError::new("part upload", key, error))?;
                        Ok::<_, ObjectError>(
                            CompletedPart::builder()
                                .part_number(part_number)
                                .set_e_tag(sent.e_tag().map(str::to_owned))
                                .build(),
                        )
                    }
                });
        let parts = futures::future::try_join_all(uploads).await?;
        self.client
            .complete_multipart_upload()
            .bucket(&self.bucket)
            .key(key)
            .upload_id(upload_id)
            .multipart_upload(
                CompletedMultipartUpload::builder()
                    .set_parts(Some(parts))
                    .build(),
            )
            .send()
            .await
            .map(|_| ())
            .map_err(|error| ObjectError::new("multipart completion", key, error))
    }

    /// The object at `key`, its bytes streamed as they come.
    pub async fn get(&self, key: &str) -> Result<StoredObject, ObjectError> {
        let object = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .map_err(|error| ObjectError::new("get", key, error))?;
        Ok(StoredObject {
            length: object.content_length,
            body: object.body,
        })
    }

    /// Removes the object at `key` (S3 answers success for a missing one).
    pub async fn delete(&self, key: &str) -> Result<(), ObjectError> {
        self.client
            .delete_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .map(|_| ())
            .map_err(|error| ObjectError::new("delete", key, error))
    }
}
