//! QC photo uploads through the app into its S3 store (issue #16,
//! BENCHMARKS.md "#16 photos"): the time from sending a 4 MB photo to its
//! thumbnail arriving, and upload throughput in MB/s.
//!
//! ```text
//! PHOTO_SERVER=http://127.0.0.1:3000 PHOTO_CHECKLIST=<uuid> \
//! cargo run --release -p torvan-server --example photo_upload
//! ```
//!
//! As the demo QC inspector, against the open checklist `PHOTO_CHECKLIST`:
//! `PHOTO_ROUNDS` (20) photos of about 4 MB (a JPEG of 2560 × 1920, the
//! long side the tablet reduces to, at the quality that comes closest),
//! one after another, each a `PUT` under a new id and then a `GET` of its
//! thumbnail (two uncounted first); then `PHOTO_UPLOADERS` (4) connections
//! uploading `PHOTO_ROUNDS` such photos each at once; then `PHOTO_ROUNDS`
//! / 4 photos of about 12 MB (a PNG, stored in parts above 8 MB). Every
//! upload must answer 201 and every thumbnail 200 with a body, or the run
//! fails. `scripts/bench/photos` makes the checklist and runs the server.

mod load;

use std::io::Cursor;
use std::time::{Duration, Instant};

use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, RgbImage};
use load::{Connection, Failure, authority, ms, setting, sign_in, summary};
use uuid::Uuid;

const MB: f64 = 1_000_000.0;

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let server = authority(&setting("PHOTO_SERVER", "http://127.0.0.1:3000"));
    let checklist: Uuid = setting("PHOTO_CHECKLIST", "").parse()?;
    let rounds: usize = setting("PHOTO_ROUNDS", "20").parse()?;
    let uploaders: usize = setting("PHOTO_UPLOADERS", "4").parse()?;
    let cookie = sign_in(&server, "qc@torvan.test", "torvan-demo-2026").await?;

    let photo = jpeg_near(4_000_000);
    let mut connection = Connection::open(&server, &cookie).await?;
    let mut to_thumbnail = Vec::with_capacity(rounds);
    let mut uploads = Vec::with_capacity(rounds);
    for round in 0..rounds + 2 {
        let (upload, whole) = upload_and_thumbnail(&mut connection, checklist, &photo).await?;
        if round >= 2 {
            uploads.push(upload);
            to_thumbnail.push(whole);
        }
    }
    let mut thumbnails: Vec<Duration> = to_thumbnail
        .iter()
        .zip(&uploads)
        .map(|(whole, upload)| *whole - *upload)
        .collect();
    println!(
        "{:.2} MB JPEG, one at a time: upload to thumbnail {}; the upload alone {}, {:.1} MB/s; the thumbnail's GET {}",
        photo.len() as f64 / MB,
        summary(&mut to_thumbnail)?,
        summary(&mut uploads.clone())?,
        rate(photo.len(), &uploads),
        summary(&mut thumbnails)?,
    );

    let started = Instant::now();
    let mut running = Vec::with_capacity(uploaders);
    for _ in 0..uploaders {
        let (server, cookie, photo) = (server.clone(), cookie.clone(), photo.clone());
        running.push(tokio::spawn(async move {
            let mut connection = Connection::open(&server, &cookie).await?;
            for _ in 0..rounds {
                upload(&mut connection, checklist, &photo).await?;
            }
            Ok::<_, Failure>(())
        }));
    }
    for uploader in running {
        uploader.await??;
    }
    let wall = started.elapsed();
    println!(
        "{uploaders} uploaders × {rounds} photos at once: {:.1} MB/s in all ({:.1} s)",
        (photo.len() * uploaders * rounds) as f64 / MB / wall.as_secs_f64(),
        wall.as_secs_f64()
    );

    let large = noise_png(2000, 2000);
    let mut large_uploads = Vec::new();
    for _ in 0..(rounds / 4).max(1) {
        large_uploads.push(upload(&mut connection, checklist, &large).await?);
    }
    println!(
        "{:.2} MB PNG (multipart), one at a time: upload {}; {:.1} MB/s",
        large.len() as f64 / MB,
        summary(&mut large_uploads.clone())?,
        rate(large.len(), &large_uploads)
    );
    Ok(())
}

/// Bytes per second of `timings`, each moving `size` bytes.
fn rate(size: usize, timings: &[Duration]) -> f64 {
    let total: f64 = timings.iter().map(|took| ms(*took) / 1000.0).sum();
    (size * timings.len()) as f64 / MB / total
}

/// One photo stored under a new id: the time its `PUT` took.
async fn upload(
    connection: &mut Connection,
    checklist: Uuid,
    photo: &[u8],
) -> Result<Duration, Failure> {
    let path = format!("/files/qc-photos/{}?checklist={checklist}", Uuid::new_v4());
    let started = Instant::now();
    let reply = connection.put(&path, "image/jpeg", photo).await?;
    if reply.status != 201 {
        return Err(format!("{path} answered {}: {}", reply.status, reply.body).into());
    }
    Ok(started.elapsed())
}

/// The upload's time, and the time from sending it to its thumbnail's
/// last byte, as the capture component shows it.
async fn upload_and_thumbnail(
    connection: &mut Connection,
    checklist: Uuid,
    photo: &[u8],
) -> Result<(Duration, Duration), Failure> {
    let id = Uuid::new_v4();
    let started = Instant::now();
    let reply = connection
        .put(
            &format!("/files/qc-photos/{id}?checklist={checklist}"),
            "image/jpeg",
            photo,
        )
        .await?;
    let uploaded = started.elapsed();
    if reply.status != 201 {
        return Err(format!("upload answered {}: {}", reply.status, reply.body).into());
    }
    let thumbnail = connection
        .get(&format!("/files/qc-photos/{id}/thumbnail"))
        .await?;
    if thumbnail.status != 200 || thumbnail.body.is_empty() {
        return Err(format!("thumbnail answered {}", thumbnail.status).into());
    }
    Ok((uploaded, started.elapsed()))
}

/// A 2560 × 1920 JPEG of gradients and noise, at the quality whose size
/// comes closest to `target` bytes.
fn jpeg_near(target: usize) -> Vec<u8> {
    let image = RgbImage::from_fn(2560, 1920, |x, y| {
        let n = scramble(x, y);
        image::Rgb([
            ((x / 10) as u8).wrapping_add((n >> 28) as u8),
            ((y / 8) as u8).wrapping_add((n >> 20) as u8 & 0x3f),
            (n >> 8) as u8,
        ])
    });
    (40..=98)
        .step_by(2)
        .map(|quality| {
            let mut bytes = Vec::new();
            JpegEncoder::new_with_quality(&mut bytes, quality)
                .encode_image(&image)
                .expect("a JPEG encodes");
            bytes
        })
        .min_by_key(|bytes| bytes.len().abs_diff(target))
        .expect("qualities to try")
}

/// A PNG of noise, which does not compress: some 3 bytes a pixel.
fn noise_png(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        let n = scramble(x, y);
        image::Rgb([(n >> 24) as u8, (n >> 16) as u8, (n >> 8) as u8])
    });
    let mut bytes = Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, ImageFormat::Png)
        .expect("a PNG encodes");
    bytes.into_inner()
}

fn scramble(x: u32, y: u32) -> u32 {
    (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)).wrapping_mul(2_246_822_519)
}
