//! What a QC photo must be before any pixel is decoded, and where it is
//! kept: the formats taken (told by the file's first bytes, never by its
//! name or a header the client chose), the largest file, the long side the
//! browser reduces to and the thumbnail's, and the storage keys. Pure, so
//! the tablet reduces to the same bound the server states, and the keys
//! are made here and nowhere else: a client never names an object.

use std::fmt;

use uuid::Uuid;

/// The largest photo accepted, in bytes (20 MB).
pub const MAX_PHOTO_BYTES: usize = 20 * 1024 * 1024;

/// The long side, in pixels, the browser reduces a photo to before sending.
pub const MAX_LONG_SIDE: u32 = 2560;

/// The thumbnail's long side in pixels: a checklist row's preview.
pub const THUMBNAIL_LONG_SIDE: u32 = 320;

/// A photo's format, read from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoFormat {
    Jpeg,
    Png,
    Webp,
}

/// Why a file is not taken as a photo, in the inspector's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoRefusal {
    Empty,
    TooLarge,
    /// An iPhone or iPad photo: no decoder without C libraries reads it.
    Heic,
    NotAnImage,
    /// The first bytes promised an image the decoder could not read.
    Unreadable,
}

impl fmt::Display for PhotoRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "The file is empty: take or choose the photo again.",
            Self::TooLarge => {
                "The photo is larger than 20 MB: take it again at a lower resolution."
            }
            Self::Heic => {
                "HEIC photos cannot be stored: send a JPEG (set the camera to \"Most Compatible\")."
            }
            Self::NotAnImage => "The file is not a photo: send a JPEG, PNG or WebP image.",
            Self::Unreadable => "The photo cannot be read: the file is damaged or incomplete.",
        })
    }
}

impl PhotoFormat {
    /// The format the bytes are, by their signature; the size is checked
    /// first, so a file too large is refused for that whatever it holds.
    pub fn sniff(bytes: &[u8]) -> Result<Self, PhotoRefusal> {
        if bytes.is_empty() {
            return Err(PhotoRefusal::Empty);
        }
        if bytes.len() > MAX_PHOTO_BYTES {
            return Err(PhotoRefusal::TooLarge);
        }
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Ok(Self::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Ok(Self::Png)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Ok(Self::Webp)
        } else if is_heif(bytes) {
            Err(PhotoRefusal::Heic)
        } else {
            Err(PhotoRefusal::NotAnImage)
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Webp => "webp",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Webp => "image/webp",
        }
    }
}

/// An ISO base media file whose brand is one of HEIF's (`ftyp` box first).
fn is_heif(bytes: &[u8]) -> bool {
    const BRANDS: [&[u8; 4]; 6] = [b"heic", b"heix", b"hevc", b"heim", b"mif1", b"msf1"];
    bytes.len() >= 12 && &bytes[4..8] == b"ftyp" && BRANDS.iter().any(|b| &bytes[8..12] == *b)
}

/// The size `width` × `height` scaled down to fit `long_side` on its longer
/// side, keeping the ratio (each side at least 1 px); never scaled up.
pub fn fit_within(width: u32, height: u32, long_side: u32) -> (u32, u32) {
    let longer = width.max(height);
    if longer <= long_side {
        return (width, height);
    }
    let scale = |side: u32| {
        let scaled =
            (u64::from(side) * u64::from(long_side) + u64::from(longer) / 2) / u64::from(longer);
        u32::try_from(scaled).unwrap_or(long_side).max(1)
    };
    (scale(width), scale(height))
}

/// Where the photo itself is kept: one folder per checklist.
pub fn object_key(checklist: Uuid, photo: Uuid, format: PhotoFormat) -> String {
    format!("qc/{checklist}/{photo}.{}", format.extension())
}

/// Where the photo's thumbnail (always a JPEG) is kept, beside the photo.
pub fn thumbnail_key(checklist: Uuid, photo: Uuid) -> String {
    format!("qc/{checklist}/{photo}-thumb.jpg")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_head(head: &[u8]) -> Vec<u8> {
        let mut bytes = head.to_vec();
        bytes.resize(64, 0);
        bytes
    }

    #[test]
    fn jpeg_png_and_webp_are_told_by_their_first_bytes() {
        assert_eq!(
            PhotoFormat::sniff(&with_head(&[0xFF, 0xD8, 0xFF, 0xE0])),
            Ok(PhotoFormat::Jpeg)
        );
        assert_eq!(
            PhotoFormat::sniff(&with_head(b"\x89PNG\r\n\x1a\n")),
            Ok(PhotoFormat::Png)
        );
        assert_eq!(
            PhotoFormat::sniff(&with_head(b"RIFF\0\0\0\0WEBPVP8 ")),
            Ok(PhotoFormat::Webp)
        );
    }

    #[test]
    fn a_text_file_is_not_a_photo_whatever_its_name() {
        assert_eq!(
            PhotoFormat::sniff(b"Leak test passed, see notes"),
            Err(PhotoRefusal::NotAnImage)
        );
    }

    #[test]
    fn a_heic_photo_is_refused_with_a_request_for_jpeg() {
        let refusal = PhotoFormat::sniff(&with_head(b"\0\0\0\x18ftypheic")).unwrap_err();
        assert_eq!(refusal, PhotoRefusal::Heic);
        assert!(refusal.to_string().contains("send a JPEG"));
    }

    #[test]
    fn an_empty_file_and_one_over_20_mb_are_refused() {
        assert_eq!(PhotoFormat::sniff(&[]), Err(PhotoRefusal::Empty));
        let mut large = with_head(&[0xFF, 0xD8, 0xFF]);
        large.resize(MAX_PHOTO_BYTES + 1, 0);
        assert_eq!(PhotoFormat::sniff(&large), Err(PhotoRefusal::TooLarge));
        large.truncate(MAX_PHOTO_BYTES);
        assert_eq!(PhotoFormat::sniff(&large), Ok(PhotoFormat::Jpeg));
    }

    #[test]
    fn a_large_photo_is_scaled_to_the_long_side_keeping_its_ratio() {
        assert_eq!(fit_within(4032, 3024, MAX_LONG_SIDE), (2560, 1920));
        assert_eq!(fit_within(3024, 4032, MAX_LONG_SIDE), (1920, 2560));
        assert_eq!(fit_within(4000, 3000, THUMBNAIL_LONG_SIDE), (320, 240));
    }

    #[test]
    fn a_small_photo_is_never_scaled_up_and_a_sliver_keeps_a_pixel() {
        assert_eq!(fit_within(800, 600, MAX_LONG_SIDE), (800, 600));
        assert_eq!(fit_within(2560, 10, MAX_LONG_SIDE), (2560, 10));
        assert_eq!(fit_within(10_000, 1, THUMBNAIL_LONG_SIDE), (320, 1));
    }

    #[test]
    fn the_keys_sit_in_the_checklists_folder_with_the_formats_extension() {
        let checklist = Uuid::from_u128(1);
        let photo = Uuid::from_u128(2);
        assert_eq!(
            object_key(checklist, photo, PhotoFormat::Png),
            format!("qc/{checklist}/{photo}.png")
        );
        assert_eq!(
            thumbnail_key(checklist, photo),
            format!("qc/{checklist}/{photo}-thumb.jpg")
        );
    }
}
