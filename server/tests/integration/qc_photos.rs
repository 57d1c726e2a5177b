//! QC photos through the host's routes into the embedded S3 store: a JPEG
//! and a PNG are stored with rows that agree with their objects (checksum,
//! size, dimensions, thumbnail); a file that is not a photo, one over 20 MB
//! and one for a signed checklist or another checklist's item are refused
//! in words; a replay of a stored id writes nothing; only QC uploads, every
//! role that reads QC views, procurement does not; a failing store leaves
//! no row and tells the inspector to try again.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, RgbImage};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use torvan::qc_photo::MAX_PHOTO_BYTES;
use torvan_app::error::AppError;
use torvan_app::quality::photos::PhotoSummary;
use torvan_server::storage::MULTIPART_ABOVE;
use uuid::Uuid;

use crate::support::demo::{self, users};
use crate::support::{Reply, TestApp, USER_AGENT, arranging, refusal};

/// A checklist in progress with one item and one defect on that item.
struct Checklist {
    id: Uuid,
    item: Uuid,
    defect: Uuid,
}

/// The one place these tests make a checklist: the demo's final-QC
/// checklist of the first unit of the order in final QC, under way, with a
/// visual item that asks for a photo and an open defect on it.
async fn open_checklist(pool: &PgPool) -> Checklist {
    let mut conn = arranging(pool).await;
    let id: Uuid = sqlx::query_scalar(
        "UPDATE quality.qc_checklists SET status = 'IN_PROGRESS'
         WHERE id = (SELECT c.id FROM quality.qc_checklists c
                     JOIN orders.orders o ON o.id = c.order_id
                     JOIN orders.sink_builds b ON b.id = c.build_id
                     WHERE o.order_number = $1 AND c.phase = 'FINAL_QC'
                     ORDER BY b.build_number LIMIT 1)
         RETURNING id",
    )
    .bind(demo::orders::IN_FINAL_QC)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    let item: Uuid = sqlx::query_scalar(
        "INSERT INTO quality.qc_checklist_items
             (checklist_id, item_number, category, description, item_type, photo_required)
         VALUES ($1, 100, 'Welds', 'Basin welds free of pits', 'VISUAL_INSPECTION', TRUE)
         RETURNING id",
    )
    .bind(id)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    let defect: Uuid = sqlx::query_scalar(
        "INSERT INTO quality.qc_defects
             (checklist_item_id, checklist_id, build_id, defect_number, severity, description,
              created_by)
         SELECT $1, c.id, c.build_id, b.build_number || '-D1', 'MINOR',
                'Pit in the left basin weld', $2
         FROM quality.qc_checklists c JOIN orders.sink_builds b ON b.id = c.build_id
         WHERE c.id = $3
         RETURNING id",
    )
    .bind(item)
    .bind(users::ADMIN_ID)
    .bind(id)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    Checklist { id, item, defect }
}

/// A `width` × `height` photo with a gradient (so it compresses as a photo
/// does, not to nothing), encoded as `format`.
fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x * y) % 251) as u8])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    if format == ImageFormat::Jpeg {
        JpegEncoder::new_with_quality(&mut bytes, 90)
            .encode_image(&image)
            .unwrap();
    } else {
        image.write_to(&mut bytes, format).unwrap();
    }
    bytes.into_inner()
}

/// Uploads `bytes` as photo `id` of `checklist` (and `query`'s item or
/// defect), as the capture component does.
async fn put(app: &TestApp, cookie: &str, id: Uuid, query: &str, bytes: Vec<u8>) -> Reply {
    let request = Request::put(format!("/files/qc-photos/{id}?{query}"))
        .header("content-type", "image/jpeg")
        .header("user-agent", USER_AGENT)
        .header("sec-fetch-site", "same-origin")
        .header("cookie", cookie)
        .body(Body::from(bytes))
        .unwrap();
    app.send(request).await
}

fn on_item(checklist: &Checklist) -> String {
    format!("checklist={}&item={}", checklist.id, checklist.item)
}

/// The photo's rows as stored: (document's type, status, size, checksum,
/// bucket, key, dimensions; the photo row's checksum, key, thumbnail key).
#[derive(Debug, sqlx::FromRow)]
struct Rows {
    document_type: String,
    status: String,
    document_bytes: i64,
    document_checksum: String,
    bucket_name: String,
    document_key: String,
    dimensions: serde_json::Value,
    uploaded_by: Uuid,
    photo_checksum: String,
    object_key: String,
    thumbnail_key: String,
    item_id: Option<Uuid>,
    defect_id: Option<Uuid>,
}

async fn rows(pool: &PgPool, id: Uuid) -> Rows {
    sqlx::query_as(
        "SELECT d.document_type::text, d.status::text, d.file_size_bytes AS document_bytes,
                d.checksum_sha256 AS document_checksum, d.bucket_name, d.object_key AS document_key,
                d.dimensions, d.uploaded_by, p.checksum_sha256 AS photo_checksum, p.object_key,
                p.thumbnail_key, p.checklist_item_id AS item_id, p.defect_id
         FROM quality.qc_photos p JOIN files.documents d ON d.id = p.document_id
         WHERE p.id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// How many photos and documents exist.
async fn counts(pool: &PgPool) -> (i64, i64) {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM quality.qc_photos), (SELECT count(*) FROM files.documents)",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn object(app: &TestApp, key: &str) -> Vec<u8> {
    let found = app.storage.get(key).await.unwrap();
    found.body.collect().await.unwrap().into_bytes().to_vec()
}

fn sha256(bytes: &[u8]) -> String {
    torvan::text::hex(&Sha256::digest(bytes))
}

fn summary(reply: &Reply) -> PhotoSummary {
    serde_json::from_str(&reply.body).unwrap_or_else(|error| panic!("{error}: {reply:?}"))
}

/// The message a refused upload names at the photo.
fn photo_message(reply: &Reply) -> String {
    match refusal(reply) {
        Some(AppError::Invalid { field, message }) if field == "photo" => message,
        other => panic!("not refused at the photo: {other:?} ({reply:?})"),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_jpeg_and_a_png_are_stored_with_rows_that_agree_with_their_objects(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;
    let checklist = open_checklist(&pool).await;
    let jpeg = picture(1200, 900, ImageFormat::Jpeg);
    let png = picture(640, 480, ImageFormat::Png);
    let (jpeg_id, png_id) = (Uuid::new_v4(), Uuid::new_v4());

    let stored = put(&app, &cookie, jpeg_id, &on_item(&checklist), jpeg.clone()).await;
    assert_eq!(stored.status, StatusCode::CREATED, "{stored:?}");
    let on_defect = format!("checklist={}&defect={}", checklist.id, checklist.defect);
    let stored_png = put(&app, &cookie, png_id, &on_defect, png.clone()).await;
    assert_eq!(stored_png.status, StatusCode::CREATED, "{stored_png:?}");

    let answered = summary(&stored);
    assert_eq!(
        (answered.id, answered.item_id, answered.defect_id),
        (jpeg_id, Some(checklist.item), None)
    );
    assert_eq!((answered.width, answered.height), (1200, 900));
    assert_eq!(answered.bytes, jpeg.len() as i64);

    for (id, bytes, extension, (width, height)) in [
        (jpeg_id, &jpeg, "jpg", (1200, 900)),
        (png_id, &png, "png", (640, 480)),
    ] {
        let rows = rows(&pool, id).await;
        let key = format!("qc/{}/{id}.{extension}", checklist.id);
        assert_eq!(
            (rows.document_type.as_str(), rows.status.as_str()),
            ("QC_PHOTO", "ACTIVE")
        );
        assert_eq!(
            (rows.object_key.as_str(), rows.document_key.as_str()),
            (key.as_str(), key.as_str())
        );
        assert_eq!(
            rows.thumbnail_key,
            format!("qc/{}/{id}-thumb.jpg", checklist.id)
        );
        assert_eq!(rows.bucket_name, app.storage.bucket());
        assert_eq!(rows.document_bytes, bytes.len() as i64);
        assert_eq!(rows.photo_checksum, sha256(bytes));
        assert_eq!(rows.document_checksum, rows.photo_checksum);
        assert_eq!(
            rows.dimensions,
            serde_json::json!({"width": width, "height": height})
        );
        assert_eq!(rows.uploaded_by, user_id(&pool, users::QC).await);

        assert_eq!(&object(&app, &rows.object_key).await, bytes);
        let thumbnail = image::load_from_memory(&object(&app, &rows.thumbnail_key).await).unwrap();
        assert_eq!(thumbnail.width().max(thumbnail.height()), 320);
    }
    let png_rows = rows(&pool, png_id).await;
    assert_eq!(
        (png_rows.item_id, png_rows.defect_id),
        (None, Some(checklist.defect))
    );

    let listed = torvan_app::quality::photos::queries::photos_of_checklist(
        &mut pool.acquire().await.unwrap(),
        checklist.id,
    )
    .await
    .unwrap();
    let ids: Vec<Uuid> = listed.iter().map(|photo| photo.id).collect();
    assert_eq!(ids, [jpeg_id, png_id]);
    assert_eq!(listed[0], answered);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_photo_above_the_multipart_size_is_stored_whole(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;
    let checklist = open_checklist(&pool).await;
    // Noise does not compress: 1800 × 1800 RGB is some 9.7 MB of PNG.
    let noise = RgbImage::from_fn(1800, 1800, |x, y| {
        let n =
            (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)).wrapping_mul(2_246_822_519);
        image::Rgb([(n >> 24) as u8, (n >> 16) as u8, (n >> 8) as u8])
    });
    let mut png = std::io::Cursor::new(Vec::new());
    noise.write_to(&mut png, ImageFormat::Png).unwrap();
    let png = png.into_inner();
    assert!(png.len() > MULTIPART_ABOVE, "{} bytes", png.len());
    let id = Uuid::new_v4();

    let stored = put(&app, &cookie, id, &on_item(&checklist), png.clone()).await;

    assert_eq!(stored.status, StatusCode::CREATED, "{stored:?}");
    let rows = rows(&pool, id).await;
    assert_eq!(object(&app, &rows.object_key).await, png);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_text_file_named_jpg_is_refused_as_not_a_photo(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;
    let checklist = open_checklist(&pool).await;
    let text = b"Basin welds checked, all fine.\n".to_vec();

    let refused = put(&app, &cookie, Uuid::new_v4(), &on_item(&checklist), text).await;

    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        photo_message(&refused),
        "The file is not a photo: send a JPEG, PNG or WebP image."
    );
    assert_eq!(counts(&pool).await, (0, 0));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_truncated_jpeg_is_refused_as_unreadable(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;
    let checklist = open_checklist(&pool).await;
    let mut jpeg = picture(800, 600, ImageFormat::Jpeg);
    jpeg.truncate(600);

    let refused = put(&app, &cookie, Uuid::new_v4(), &on_item(&checklist), jpeg).await;

    assert!(
        photo_message(&refused).contains("cannot be read"),
        "{refused:?}"
    );
    assert_eq!(counts(&pool).await, (0, 0));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_photo_of_21_mb_is_refused_for_its_size(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;
    let checklist = open_checklist(&pool).await;
    let mut large = picture(64, 64, ImageFormat::Jpeg);
    large.resize(21 * 1024 * 1024, 0);
    assert!(large.len() > MAX_PHOTO_BYTES);

    let refused = put(&app, &cookie, Uuid::new_v4(), &on_item(&checklist), large).await;

    assert!(
        photo_message(&refused).contains("larger than 20 MB"),
        "{refused:?}"
    );
    assert_eq!(counts(&pool).await, (0, 0));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_replay_answers_the_stored_photo_and_other_bytes_under_its_id_are_refused(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;
    let checklist = open_checklist(&pool).await;
    let jpeg = picture(400, 300, ImageFormat::Jpeg);
    let id = Uuid::new_v4();
    let first = put(&app, &cookie, id, &on_item(&checklist), jpeg.clone()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{first:?}");
    let audited = audit_rows(&pool).await;

    let replay = put(&app, &cookie, id, &on_item(&checklist), jpeg).await;
    let other = put(
        &app,
        &cookie,
        id,
        &on_item(&checklist),
        picture(300, 400, ImageFormat::Jpeg),
    )
    .await;

    assert_eq!(replay.status, StatusCode::OK);
    assert_eq!(summary(&replay), summary(&first));
    assert_eq!(other.status, StatusCode::CONFLICT);
    assert_eq!(counts(&pool).await, (1, 1));
    assert_eq!(audit_rows(&pool).await, audited);
}

async fn user_id(pool: &PgPool, email: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM auth.users WHERE email = $1")
        .bind(email)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn audit_rows(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit.audit_log")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_signed_checklist_and_another_checklists_item_take_no_photo(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;
    let checklist = open_checklist(&pool).await;
    let foreign = format!("checklist={}&item={}", checklist.id, Uuid::new_v4());

    let wrong_item = put(
        &app,
        &cookie,
        Uuid::new_v4(),
        &foreign,
        picture(64, 64, ImageFormat::Jpeg),
    )
    .await;
    sqlx::query("UPDATE quality.qc_checklists SET status = 'PASSED' WHERE id = $1")
        .bind(checklist.id)
        .execute(&mut arranging(&pool).await)
        .await
        .unwrap();
    let signed = put(
        &app,
        &cookie,
        Uuid::new_v4(),
        &on_item(&checklist),
        picture(64, 64, ImageFormat::Jpeg),
    )
    .await;
    let nowhere = put(
        &app,
        &cookie,
        Uuid::new_v4(),
        &format!("checklist={}", Uuid::new_v4()),
        picture(64, 64, ImageFormat::Jpeg),
    )
    .await;

    assert_eq!(
        refusal(&wrong_item),
        Some(AppError::invalid(
            "item",
            "That item is not on this checklist."
        ))
    );
    assert!(
        matches!(refusal(&signed), Some(AppError::Invalid { field, .. }) if field == "checklist"),
        "{signed:?}"
    );
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert_eq!(counts(&pool).await, (0, 0));
}

#[sqlx::test(migrations = "../migrations")]
async fn only_qc_uploads_every_qc_reader_views_and_procurement_does_not(pool: PgPool) {
    let (app, qc) = TestApp::demo_signed_in(&pool, users::QC).await;
    let assembler = app.sign_in(users::ASSEMBLER, demo::PASSWORD).await.unwrap();
    let procurement = app
        .sign_in(users::PROCUREMENT, demo::PASSWORD)
        .await
        .unwrap();
    let checklist = open_checklist(&pool).await;
    let jpeg = picture(400, 300, ImageFormat::Jpeg);
    let id = Uuid::new_v4();

    let by_assembler = put(&app, &assembler, id, &on_item(&checklist), jpeg.clone()).await;
    let by_qc = put(&app, &qc, id, &on_item(&checklist), jpeg.clone()).await;

    assert_eq!(refusal(&by_assembler), Some(AppError::Forbidden));
    assert_eq!(by_qc.status, StatusCode::CREATED);
    let photo = app
        .get(&format!("/files/qc-photos/{id}"), Some(&assembler))
        .await;
    assert_eq!(photo.status, StatusCode::OK);
    assert_eq!(photo.headers["content-type"], "image/jpeg");
    assert_eq!(photo.headers["cache-control"], "private");
    assert_eq!(
        photo.headers["content-length"],
        jpeg.len().to_string().as_str()
    );
    let thumbnail = app
        .get(
            &format!("/files/qc-photos/{id}/thumbnail"),
            Some(&assembler),
        )
        .await;
    assert_eq!(thumbnail.status, StatusCode::OK);
    assert_eq!(thumbnail.headers["content-type"], "image/jpeg");
    for path in [
        format!("/files/qc-photos/{id}"),
        format!("/files/qc-photos/{id}/thumbnail"),
    ] {
        assert_eq!(
            app.get(&path, Some(&procurement)).await.status,
            StatusCode::FORBIDDEN
        );
        // Signed out, a GET is sent to the sign-in page as every page is.
        let signed_out = app.get(&path, None).await;
        assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
        assert_eq!(signed_out.headers["location"], "/login");
    }
    let unknown = app
        .get(&format!("/files/qc-photos/{}", Uuid::new_v4()), Some(&qc))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let malformed = app
        .get("/files/qc-photos/not-an-id/thumbnail", Some(&qc))
        .await;
    assert_eq!(malformed.status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_failing_file_store_leaves_no_row_and_says_try_again(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;
    let checklist = open_checklist(&pool).await;
    app.break_storage();

    let refused = put(
        &app,
        &cookie,
        Uuid::new_v4(),
        &on_item(&checklist),
        picture(400, 300, ImageFormat::Jpeg),
    )
    .await;

    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        photo_message(&refused),
        "The photo was not saved: the file store is unavailable. Try again."
    );
    assert_eq!(counts(&pool).await, (0, 0));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_photo_whose_rows_cannot_be_written_leaves_no_object_behind(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::QC).await;
    let checklist = open_checklist(&pool).await;
    // The database refuses the photo's row after both objects are stored.
    sqlx::raw_sql(
        "CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS
             $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
         CREATE TRIGGER refuse_photos BEFORE INSERT ON quality.qc_photos
             FOR EACH ROW EXECUTE FUNCTION refuse_for_test();",
    )
    .execute(&mut arranging(&pool).await)
    .await
    .unwrap();

    let refused = put(
        &app,
        &cookie,
        Uuid::new_v4(),
        &on_item(&checklist),
        picture(400, 300, ImageFormat::Jpeg),
    )
    .await;

    assert_eq!(refusal(&refused), Some(AppError::Internal));
    assert_eq!(counts(&pool).await, (0, 0));
    let listed = app
        .storage
        .client()
        .list_objects_v2()
        .bucket(app.storage.bucket())
        .prefix("qc/")
        .send()
        .await
        .unwrap();
    let keys: Vec<_> = listed.contents().iter().filter_map(|o| o.key()).collect();
    assert!(keys.is_empty(), "{keys:?}");
}
