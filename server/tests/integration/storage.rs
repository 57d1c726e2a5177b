//! The embedded S3 server speaks real S3: the app's client creates its
//! bucket, stores and reads back an object, and signed requests are enforced.

use aws_sdk_s3::primitives::ByteStream;
use torvan_server::config::StorageConfig;
use torvan_server::storage::Storage;

fn embedded(dir: &std::path::Path) -> StorageConfig {
    StorageConfig::Embedded {
        data_dir: dir.to_path_buf(),
        bucket: "torvan-test".into(),
    }
}

#[tokio::test]
async fn objects_round_trip_through_the_embedded_store() {
    let dir = tempfile::tempdir().unwrap();
    let storage = Storage::start(&embedded(dir.path())).await.unwrap();

    let photo = vec![7u8; 300_000];
    storage
        .client()
        .put_object()
        .bucket(storage.bucket())
        .key("qc/photo.jpg")
        .body(ByteStream::from(photo.clone()))
        .send()
        .await
        .unwrap();
    let object = storage
        .client()
        .get_object()
        .bucket(storage.bucket())
        .key("qc/photo.jpg")
        .send()
        .await
        .unwrap();
    let body = object.body.collect().await.unwrap().into_bytes();
    assert_eq!(body.as_ref(), photo.as_slice());
}

#[tokio::test]
async fn restarting_keeps_the_bucket_and_its_objects() {
    let dir = tempfile::tempdir().unwrap();
    let first = Storage::start(&embedded(dir.path())).await.unwrap();
    first
        .client()
        .put_object()
        .bucket(first.bucket())
        .key("kept.txt")
        .body(ByteStream::from_static(b"record"))
        .send()
        .await
        .unwrap();
    drop(first);

    let second = Storage::start(&embedded(dir.path())).await.unwrap();
    let listed = second
        .client()
        .list_objects_v2()
        .bucket(second.bucket())
        .send()
        .await
        .unwrap();
    let keys: Vec<_> = listed.contents().iter().filter_map(|o| o.key()).collect();
    assert_eq!(keys, ["kept.txt"]);
}

#[tokio::test]
async fn an_unreachable_external_store_stops_start_up() {
    let config = StorageConfig::External {
        endpoint: "http://127.0.0.1:9".into(),
        region: "us-east-1".into(),
        bucket: "torvan".into(),
        access_key_id: "key".into(),
        secret_access_key: "secret".into(),
    };
    let error = Storage::start(&config).await.err().expect("start-up fails");
    assert!(
        error
            .to_string()
            .contains("bucket `torvan` is not reachable"),
        "{error}"
    );
}
