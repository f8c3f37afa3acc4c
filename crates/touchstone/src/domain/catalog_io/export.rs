//! Exporting the catalog a principal edits, in either import format, so that importing the
//! file back changes nothing.

use std::io::Write;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{csv_cells, write_csv_record, Format, ImportImage, ImportRow, CSV_COLUMNS};
use crate::domain::media::MediaStore;
use crate::domain::policy::Principal;
use crate::error::{AppError, AppResult};
use crate::store::{self, Db};

/// How an export gives a product's pictures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportImages {
    /// As `media:<sha256>` references (CSV) or stored hashes (JSON Lines): compact, for
    /// importing back into the same Touchstone.
    #[default]
    Reference,
    /// As `data:` URIs: a self-contained file that imports into any Touchstone.
    Embed,
}

/// Writes every product of the brands the principal may edit (all, for the console), in
/// brand-key then product-key order, in pages so that memory stays bounded.
pub async fn export<W: Write>(
    db: &Db,
    media: &MediaStore,
    principal: &Principal,
    format: Format,
    images: ExportImages,
    mut out: W,
) -> AppResult<u64> {
    let is_csv = format == Format::Csv;
    if is_csv {
        write_csv_record(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()).collect())?;
    }
    let mut written = 0;
    let mut after = 0;
    let scope = if principal.is_console() { None } else { Some(principal.org_id) };
    loop {
        let page = store::catalog::export_page(db.reader(), scope, after, 1000).await?;
        let Some(last) = page.last() else { break };
        after = last.product_id;
        for p in page {
            let mut row = ImportRow {
                brand_key: p.brand_key,
                brand_name: Some(p.brand_name),
                sector: Some(p.sector),
                product_key: p.product_key,
                publish: p.published_is_current,
                sheet: p.draft,
                images: vec![],
            };
            if images == ExportImages::Embed {
                embed_images(media, &mut row).await?;
            }
            if is_csv {
                write_csv_record(&mut out, csv_cells(&row))?;
            } else {
                serde_json::to_writer(&mut out, &row).map_err(|e| AppError::Internal(e.into()))?;
                out.write_all(b"\n").map_err(|e| AppError::Internal(e.into()))?;
            }
            written += 1;
        }
    }
    out.flush().map_err(|e| AppError::Internal(e.into()))?;
    Ok(written)
}

/// Moves the gallery into the row's own pictures as `data:` URIs (a file missing from the store
/// stays a reference, so the export still says which picture it was).
async fn embed_images(media: &MediaStore, row: &mut ImportRow) -> AppResult<()> {
    let mut kept = Vec::new();
    for image in std::mem::take(&mut row.sheet.images) {
        let Some(bytes) = crate::domain::media::stored_bytes(media, &image.hash).await? else {
            kept.push(image);
            continue;
        };
        let mime = media::sniff(&bytes).map(|k| k.mime()).unwrap_or("application/octet-stream");
        row.images.push(ImportImage {
            src: format!("data:{mime};base64,{}", data_encoding::BASE64.encode(&bytes)),
            label: image.label,
            caption: image.caption,
        });
    }
    row.sheet.images = kept;
    Ok(())
}
