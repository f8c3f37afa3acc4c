//! Pictures given in import rows: where each comes from (a `data:` URI, a stored file, a file
//! beside the import file), read without trusting it.

use std::path::{Component, Path, PathBuf};

use crate::domain::media::MediaStore;
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};

/// Where an import row's picture comes from, once its `src` is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ImageSource {
    /// The base64 text of a `data:` URI.
    Data(String),
    /// A file already stored, by its hash.
    Media(String),
    /// A file beside the import file (command line only).
    File(PathBuf),
}

/// Most characters of a `src` repeated in an error message.
const SRC_IN_MESSAGE: usize = 40;

pub(super) fn src_for_message(src: &str) -> String {
    let short: String = src.chars().take(SRC_IN_MESSAGE).collect();
    if short.len() < src.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Reads a picture's `src` without touching the file system or the database.
pub(super) fn image_source(src: &str) -> Result<ImageSource, (ErrorCode, String)> {
    let src = src.trim();
    if let Some(rest) = src.strip_prefix("data:") {
        let Some((mime, data)) = rest.split_once(";base64,") else {
            return Err((
                ErrorCode::InvalidDataUri,
                "a data: URI must be base64, e.g. data:image/png;base64,iVBORw0KGgo…".to_string(),
            ));
        };
        return match mime.trim().to_ascii_lowercase().as_str() {
            "image/png" | "image/jpeg" | "image/jpg" | "image/webp" => Ok(ImageSource::Data(data.to_string())),
            other => Err((
                ErrorCode::UnsupportedType,
                format!("'{other}' cannot be imported; give a JPEG, PNG or WebP picture."),
            )),
        };
    }
    if let Some(hash) = src.strip_prefix("media:") {
        let hash = hash.trim().to_ascii_lowercase();
        return if media::is_valid_hash(&hash) {
            Ok(ImageSource::Media(hash))
        } else {
            Err((
                ErrorCode::InvalidMediaReference,
                "a media: reference is followed by the 64-character hash of a stored file.".to_string(),
            ))
        };
    }
    if src.is_empty() {
        return Err((ErrorCode::Required, "give the picture's data: URI, media: reference or file path.".to_string()));
    }
    let path = Path::new(src);
    let escapes = src.starts_with('/')
        || src.starts_with('\\')
        || src.contains(':')
        || path.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes {
        return Err((
            ErrorCode::PathOutsideImportDir,
            format!(
                "'{}' leads outside the import file's folder; give a path relative to that folder, without '..'.",
                src_for_message(src)
            ),
        ));
    }
    Ok(ImageSource::File(path.to_path_buf()))
}

/// The bytes of a data: URI or of a file beside the import file, refused above the limit
/// before they are decoded or read.
pub(super) async fn read_image(media: &MediaStore, files_under: Option<&Path>, src: &str) -> AppResult<Vec<u8>> {
    let max = media.limits.max_bytes;
    let too_large = |len: usize| {
        AppError::client(
            ErrorKind::TooLarge,
            ErrorCode::FileTooLarge,
            format!(
                "The picture is {:.1} MB but at most {:.1} MB is accepted; send a smaller or more compressed version.",
                len as f64 / 1_048_576.0,
                max as f64 / 1_048_576.0
            ),
        )
    };
    let invalid = |code: ErrorCode, message: String| AppError::invalid("images", code, message);
    match image_source(src).map_err(|(code, message)| invalid(code, message))? {
        ImageSource::Media(_) => {
            Err(AppError::Internal(anyhow::anyhow!("media references join the gallery in check_row")))
        }
        ImageSource::Data(b64) => {
            if b64.len() / 4 * 3 > max + 3 {
                return Err(too_large(b64.len() / 4 * 3));
            }
            let clean: Vec<u8> = b64.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
            data_encoding::BASE64
                .decode(&clean)
                .or_else(|_| data_encoding::BASE64_NOPAD.decode(&clean))
                .map_err(|_| invalid(ErrorCode::InvalidDataUri, "the data: URI is not valid base64.".into()))
        }
        ImageSource::File(relative) => {
            let Some(base) = files_under.map(Path::to_path_buf) else {
                return Err(invalid(
                    ErrorCode::PathNotAllowed,
                    "file paths work only with `touchstone catalog import`; over the API give the picture as a data: URI."
                        .into(),
                ));
            };
            let shown = relative.display().to_string();
            enum Read {
                Bytes(Vec<u8>),
                NotFound,
                Outside,
                TooLarge(u64),
            }
            let read = tokio::task::spawn_blocking(move || -> std::io::Result<Read> {
                let path = match base.join(&relative).canonicalize() {
                    Ok(p) => p,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Read::NotFound),
                    Err(e) => return Err(e),
                };
                // A symbolic link may still lead out of the folder.
                if !path.starts_with(&base) {
                    return Ok(Read::Outside);
                }
                let len = std::fs::metadata(&path)?.len();
                if len > max as u64 {
                    return Ok(Read::TooLarge(len));
                }
                std::fs::read(&path).map(Read::Bytes)
            })
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
            match read {
                Ok(Read::Bytes(bytes)) => Ok(bytes),
                Ok(Read::Outside) => Err(invalid(
                    ErrorCode::PathOutsideImportDir,
                    format!("'{shown}' leads outside the import file's folder; keep pictures in or under that folder."),
                )),
                Ok(Read::NotFound) => Err(invalid(
                    ErrorCode::ImageNotFound,
                    format!("no file '{shown}' beside the import file; check the name and its folder."),
                )),
                Ok(Read::TooLarge(len)) => Err(too_large(len as usize)),
                Err(e) => Err(invalid(ErrorCode::ImageUnreadable, format!("'{shown}' cannot be read: {e}."))),
            }
        }
    }
}
