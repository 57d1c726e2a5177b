use std::path::Path;

use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder as ConnBuilder;
use s3s::auth::SimpleAuth;
use s3s::service::S3ServiceBuilder;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use super::StorageError;

/// An S3-compatible server on a random loopback port, keeping objects in a
/// folder. Its keys are random per start: only this process knows them.
pub struct EmbeddedS3 {
    pub endpoint: String,
    pub access_key: String,
    pub secret_key: String,
    accept_loop: JoinHandle<()>,
}

impl EmbeddedS3 {
    pub async fn start(data_dir: &Path) -> Result<Self, StorageError> {
        let failed = |source: std::io::Error| StorageError::Embedded {
            dir: data_dir.display().to_string(),
            source,
        };
        std::fs::create_dir_all(data_dir).map_err(failed)?;
        let fs = s3s_fs::FileSystem::new(data_dir)
            .map_err(|error| failed(std::io::Error::other(format!("{error:?}"))))?;

        let access_key = uuid::Uuid::new_v4().simple().to_string();
        let secret_key = format!(
            "{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        let mut builder = S3ServiceBuilder::new(fs);
        builder.set_auth(SimpleAuth::from_single(
            access_key.clone(),
            secret_key.clone(),
        ));
        let service = builder.build();

        let listener = TcpListener::bind(("127.0.0.1", 0)).await.map_err(failed)?;
        let endpoint = format!("http://{}", listener.local_addr().map_err(failed)?);
        let accept_loop = tokio::spawn(async move {
            let http = ConnBuilder::new(TokioExecutor::new());
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    continue;
                };
                // An answer written in pieces (headers, then a streamed
                // object) would otherwise wait out the client's delayed
                // acknowledgement: 40 ms on every small object read.
                if let Err(error) = socket.set_nodelay(true) {
                    tracing::debug!(%error, "embedded S3 connection without TCP_NODELAY");
                }
                let connection = http
                    .serve_connection(TokioIo::new(socket), service.clone())
                    .into_owned();
                tokio::spawn(async move {
                    if let Err(error) = connection.await {
                        tracing::debug!(%error, "embedded S3 connection ended");
                    }
                });
            }
        });
        tracing::info!(%endpoint, dir = %data_dir.display(), "embedded S3 server started");
        Ok(Self {
            endpoint,
            access_key,
            secret_key,
            accept_loop,
        })
    }
}

impl Drop for EmbeddedS3 {
    fn drop(&mut self) {
        self.accept_loop.abort();
    }
}
