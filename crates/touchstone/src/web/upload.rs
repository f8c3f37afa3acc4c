//! Multipart upload forms (a picture, a logo, a photo to identify): read field by field with the
//! file capped at the media limit, and checked against the reader's CSRF token.

use crate::error::{AppError, ErrorCode, ErrorKind};
use axum::extract::multipart::{Field, MultipartRejection};
use axum::extract::Multipart;

use super::Ctx;

/// Fields of the upload form other than the file are short.
const MAX_TEXT_FIELD: usize = 4096;

#[derive(Default)]
pub(super) struct UploadForm {
    pub(super) csrf: String,
    pub(super) version: String,
    pub(super) label: String,
    pub(super) caption: String,
    /// The language the caption is written in.
    pub(super) lang: String,
    pub(super) file: Option<Vec<u8>>,
}

/// An upload form read and checked: one that cannot be read is a 400, one without this
/// session's CSRF token a 403. `file_field` names the file's field.
pub(super) async fn checked_upload(
    ctx: &Ctx,
    multipart: Result<Multipart, MultipartRejection>,
    max_bytes: usize,
    file_field: &str,
) -> Result<UploadForm, AppError> {
    let multipart = multipart.map_err(|_| unreadable_form())?;
    let form = read_upload(multipart, max_bytes, file_field).await?;
    if !csrf_ok(&ctx.layout.csrf, &form.csrf) {
        return Err(csrf_refused());
    }
    Ok(form)
}

/// A multipart form without this session's CSRF token.
pub(super) fn csrf_refused() -> AppError {
    AppError::client(
        ErrorKind::Forbidden,
        ErrorCode::CsrfFailed,
        "This form has expired or did not come from Touchstone; reload the page and try again.",
    )
}

pub(super) fn unreadable_form() -> AppError {
    AppError::client(ErrorKind::BadRequest, ErrorCode::InvalidForm, "The upload form could not be read.")
}

/// Reads the multipart form, the file up to one byte past the media limit (as the API does),
/// so that the media check itself tells an oversized file apart.
async fn read_upload(mut multipart: Multipart, max_bytes: usize, file_field: &str) -> Result<UploadForm, AppError> {
    let bad = unreadable_form;
    let mut form = UploadForm::default();
    let mut fields = 0;
    while let Some(mut field) = multipart.next_field().await.map_err(|_| bad())? {
        fields += 1;
        if fields > 16 {
            return Err(bad());
        }
        let name = field.name().unwrap_or("").to_string();
        let limit = if name == file_field { max_bytes + 1 } else { MAX_TEXT_FIELD };
        let buf = capped(&mut field, limit).await?;
        let text = || String::from_utf8_lossy(&buf).into_owned();
        match name.as_str() {
            _ if name == file_field => {
                let oversized = buf.len() > max_bytes;
                form.file = Some(buf);
                if oversized {
                    // The rest of the body is not read: the file is refused anyway.
                    break;
                }
            }
            "csrf" => form.csrf = text(),
            "version" => form.version = text(),
            "label" => form.label = text(),
            "caption" => form.caption = text(),
            "lang" => form.lang = text(),
            _ => {}
        }
    }
    Ok(form)
}

/// A field's bytes, up to `limit`: a longer field is cut there, which the caller tells by the
/// length (the rest of it is skipped when the next field is read).
pub(super) async fn capped(field: &mut Field<'_>, limit: usize) -> Result<Vec<u8>, AppError> {
    let mut buf = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| unreadable_form())? {
        let room = limit.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if buf.len() >= limit {
            break;
        }
    }
    Ok(buf)
}

pub(super) fn csrf_ok(expected: &str, given: &str) -> bool {
    !expected.is_empty() && bool::from(subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), given.as_bytes()))
}
