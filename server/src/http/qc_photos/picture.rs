//! A photo's pixels: decoded once to prove the file is the image its first
//! bytes claim, to read its size as it is shown (the camera's orientation
//! applied) and to draw its thumbnail. CPU work: callers run it on the
//! blocking pool.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use torvan::qc_photo::{PhotoFormat, PhotoRefusal, THUMBNAIL_LONG_SIDE, fit_within};

/// JPEG quality of a thumbnail: a preview, not evidence.
const THUMBNAIL_QUALITY: u8 = 80;

/// The largest side decoded: a crafted file that claims more pixels than
/// any camera takes is refused before memory is spent on it.
const MAX_SIDE: u32 = 16_384;

/// What the decoder read: the photo's size and its thumbnail (a JPEG).
#[derive(Debug)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub thumbnail: Vec<u8>,
}

pub fn read(bytes: &[u8], format: PhotoFormat) -> Result<Picture, PhotoRefusal> {
    let image = decode(bytes, format).ok_or(PhotoRefusal::Unreadable)?;
    let (width, height) = (image.width(), image.height());
    let (to_width, to_height) = fit_within(width, height, THUMBNAIL_LONG_SIDE);
    let preview = image.thumbnail(to_width, to_height).into_rgb8();
    let mut thumbnail = Vec::new();
    JpegEncoder::new_with_quality(&mut thumbnail, THUMBNAIL_QUALITY)
        .encode_image(&preview)
        .map_err(|_| PhotoRefusal::Unreadable)?;
    Ok(Picture {
        width,
        height,
        thumbnail,
    })
}

fn decode(bytes: &[u8], format: PhotoFormat) -> Option<DynamicImage> {
    let format = match format {
        PhotoFormat::Jpeg => ImageFormat::Jpeg,
        PhotoFormat::Png => ImageFormat::Png,
        PhotoFormat::Webp => ImageFormat::WebP,
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().ok()?;
    let orientation = decoder.orientation().ok()?;
    let mut image = DynamicImage::from_decoder(decoder).ok()?;
    image.apply_orientation(orientation);
    Some(image)
}
