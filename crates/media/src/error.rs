//! Why an upload was refused.

use thiserror::Error;

/// Why an uploaded file was refused.
///
/// [`Display`](std::fmt::Display) gives a sentence to show to the person who
/// uploaded the file; [`MediaError::code`] gives a stable identifier for logs,
/// metrics, translations and API clients.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MediaError {
    /// Zero bytes were received.
    #[error("The file is empty. Choose the file again and re-upload it.")]
    EmptyFile,
    /// The upload is larger than [`Limits::max_bytes`](crate::Limits::max_bytes).
    #[error(
        "The file is {} but at most {} is accepted. Send a smaller or more compressed version.",
        human_size(*size),
        human_size(*max)
    )]
    FileTooLarge {
        /// Size of the upload in bytes.
        size: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// The magic bytes are not those of a JPEG, PNG, WebP or PDF file.
    #[error("Only JPEG, PNG and WebP images and PDF documents are accepted.")]
    UnsupportedType,
    /// The image header announces more pixels, or a longer edge, than allowed
    /// (or decoding it would need more memory than allowed).
    #[error(
        "The image is {width} × {height} pixels, which is too large: at most {} megapixels and {max_dimension} \
         pixels per side are accepted. Scale it down and upload it again.",
        max_pixels / 1_000_000
    )]
    TooManyPixels {
        /// Width announced by the header.
        width: u32,
        /// Height announced by the header.
        height: u32,
        /// [`Limits::max_pixels`](crate::Limits::max_pixels).
        max_pixels: u64,
        /// [`Limits::max_dimension`](crate::Limits::max_dimension).
        max_dimension: u32,
    },
    /// The file has the right signature but cannot be decoded; the string says why.
    #[error("The file appears to be damaged or incomplete ({0}). Save or export it again and re-upload it.")]
    Corrupt(String),
}

impl MediaError {
    /// A stable snake_case identifier of the error, safe to match on.
    pub fn code(&self) -> &'static str {
        match self {
            MediaError::EmptyFile => "empty_file",
            MediaError::FileTooLarge { .. } => "file_too_large",
            MediaError::UnsupportedType => "unsupported_type",
            MediaError::TooManyPixels { .. } => "too_many_pixels",
            MediaError::Corrupt(_) => "corrupt_file",
        }
    }
}

/// Sizes as people read them ("14.3 MB"); binary units, as the limits are.
fn human_size(bytes: usize) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    const KIB: f64 = 1024.0;
    // Precision loss only matters beyond 2^52 bytes.
    #[allow(clippy::cast_precision_loss)]
    let b = bytes as f64;
    if b >= MIB {
        format!("{:.1} MB", b / MIB)
    } else if b >= KIB {
        format!("{:.0} KB", b / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_distinct_stable_code() {
        let errors = [
            MediaError::EmptyFile,
            MediaError::FileTooLarge { size: 2, max: 1 },
            MediaError::UnsupportedType,
            MediaError::TooManyPixels { width: 1, height: 1, max_pixels: 1, max_dimension: 1 },
            MediaError::Corrupt("x".into()),
        ];
        let codes: Vec<_> = errors.iter().map(MediaError::code).collect();
        assert_eq!(codes, ["empty_file", "file_too_large", "unsupported_type", "too_many_pixels", "corrupt_file"]);
    }

    #[test]
    fn messages_tell_the_person_what_to_do() {
        let e = MediaError::FileTooLarge { size: 20 * 1024 * 1024, max: 15 * 1024 * 1024 };
        assert_eq!(
            e.to_string(),
            "The file is 20.0 MB but at most 15.0 MB is accepted. Send a smaller or more compressed version."
        );
        let e = MediaError::TooManyPixels { width: 60000, height: 60000, max_pixels: 50_000_000, max_dimension: 12000 };
        assert!(e.to_string().contains("60000 × 60000"), "{e}");
        assert!(e.to_string().contains("50 megapixels"), "{e}");
        assert_eq!(
            MediaError::UnsupportedType.to_string(),
            "Only JPEG, PNG and WebP images and PDF documents are accepted."
        );
    }
}
