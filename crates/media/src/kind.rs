//! File types we accept and how they are recognised.

/// The kinds of file Touchstone accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaKind {
    /// JPEG photo.
    Jpeg,
    /// PNG image (screenshots, scans, drawings).
    Png,
    /// WebP image.
    Webp,
    /// PDF document (guides for officers).
    Pdf,
}

impl MediaKind {
    /// The MIME type to serve the file with.
    pub fn mime(self) -> &'static str {
        match self {
            MediaKind::Jpeg => "image/jpeg",
            MediaKind::Png => "image/png",
            MediaKind::Webp => "image/webp",
            MediaKind::Pdf => "application/pdf",
        }
    }

    /// The usual file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            MediaKind::Jpeg => "jpg",
            MediaKind::Png => "png",
            MediaKind::Webp => "webp",
            MediaKind::Pdf => "pdf",
        }
    }

    /// Whether this kind is a raster image (as opposed to a document).
    pub fn is_image(self) -> bool {
        !matches!(self, MediaKind::Pdf)
    }
}

/// Recognises a file from its first bytes only.
///
/// The client's content type and file name are deliberately not an input:
/// both are chosen by the sender and say nothing about what the decoder will
/// actually be fed.
pub fn sniff(bytes: &[u8]) -> Option<MediaKind> {
    // SOI marker followed by the start of the next marker.
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(MediaKind::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(MediaKind::Png)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(MediaKind::Webp)
    } else if bytes.starts_with(b"%PDF-") {
        // The PDF specification lets readers find the header within the first
        // 1024 bytes; we insist on offset 0 so a polyglot (e.g. an HTML page
        // with a PDF header further down) is not accepted as a PDF.
        Some(MediaKind::Pdf)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_recognised_from_its_magic_bytes() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Some(MediaKind::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Some(MediaKind::Png));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(MediaKind::Webp));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(MediaKind::Pdf));
    }

    #[test]
    fn riff_files_that_are_not_webp_and_short_prefixes_are_unknown() {
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt "), None);
        assert_eq!(sniff(b"RIFF"), None);
        assert_eq!(sniff(b"\xFF\xD8"), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"<html>%PDF-1.7"), None);
    }

    #[test]
    fn mime_types_and_extensions_match_the_kind() {
        assert_eq!(MediaKind::Jpeg.mime(), "image/jpeg");
        assert_eq!(MediaKind::Webp.extension(), "webp");
        assert_eq!(MediaKind::Pdf.mime(), "application/pdf");
        assert!(!MediaKind::Pdf.is_image());
        assert!(MediaKind::Png.is_image());
    }
}
