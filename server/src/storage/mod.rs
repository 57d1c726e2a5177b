//! File storage in S3, through one client whatever the endpoint: AWS or any
//! S3-compatible service in production, an embedded one in dev and tests.

mod app_store;
mod embedded;
mod objects;

use aws_sdk_s3::Client;
use aws_sdk_s3::config::{BehaviorVersion, Credentials, Region};
use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};

use crate::config::StorageConfig;
use embedded::EmbeddedS3;
pub use objects::{MULTIPART_ABOVE, ObjectError, StoredObject};

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("cannot start the embedded S3 server in {dir}: {source}")]
    Embedded { dir: String, source: std::io::Error },
    #[error("bucket `{bucket}` is not reachable: {detail}")]
    Bucket { bucket: String, detail: String },
}

/// An S3 client bound to the app's bucket. Cloning shares the connection pool.
#[derive(Clone)]
pub struct Storage {
    client: Client,
    bucket: String,
    /// Kept so the embedded server lives as long as any handle to it.
    _embedded: Option<std::sync::Arc<EmbeddedS3>>,
}

impl Storage {
    /// Connects (starting the embedded server when no endpoint is configured)
    /// and makes sure the bucket exists, so a misconfiguration stops start-up.
    pub async fn start(config: &StorageConfig) -> Result<Self, StorageError> {
        let (storage, create_bucket) = match config {
            StorageConfig::External {
                endpoint,
                region,
                bucket,
                access_key_id,
                secret_access_key,
            } => {
                let client = client(endpoint, region, access_key_id, secret_access_key);
                (Self::new(client, bucket, None), false)
            }
            StorageConfig::Embedded { data_dir, bucket } => {
                let server = EmbeddedS3::start(data_dir).await?;
                let client = client(
                    &server.endpoint,
                    "us-east-1",
                    &server.access_key,
                    &server.secret_key,
                );
                (Self::new(client, bucket, Some(server)), true)
            }
        };
        if create_bucket && storage.check().await.is_err() {
            storage
                .client
                .create_bucket()
                .bucket(&storage.bucket)
                .send()
                .await
                .map_err(|error| storage.bucket_error(error))?;
        }
        storage.check().await?;
        Ok(storage)
    }

    fn new(client: Client, bucket: &str, embedded: Option<EmbeddedS3>) -> Self {
        Self {
            client,
            bucket: bucket.to_owned(),
            _embedded: embedded.map(std::sync::Arc::new),
        }
    }

    /// Whether the bucket answers: for start-up and the readiness probe.
    pub async fn check(&self) -> Result<(), StorageError> {
        self.client
            .head_bucket()
            .bucket(&self.bucket)
            .send()
            .await
            .map(|_| ())
            .map_err(|error| self.bucket_error(error))
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    pub fn bucket(&self) -> &str {
        &self.bucket
    }

    fn bucket_error(&self, error: impl std::error::Error) -> StorageError {
        StorageError::Bucket {
            bucket: self.bucket.clone(),
            detail: aws_sdk_s3::error::DisplayErrorContext(error).to_string(),
        }
    }
}

fn client(endpoint: &str, region: &str, access_key_id: &str, secret_access_key: &str) -> Client {
    // rustls with ring: the default aws-lc provider needs a long C build.
    let http_client = aws_smithy_http_client::Builder::new()
        .tls_provider(Provider::Rustls(CryptoMode::Ring))
        .build_https();
    let config = aws_sdk_s3::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .endpoint_url(endpoint)
        .region(Region::new(region.to_owned()))
        .credentials_provider(Credentials::new(
            access_key_id,
            secret_access_key,
            None,
            None,
            "torvan-config",
        ))
        .force_path_style(true)
        .http_client(http_client)
        .build();
    Client::from_conf(config)
}
