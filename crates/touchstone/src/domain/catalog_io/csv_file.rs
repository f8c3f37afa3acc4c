//! The CSV form of catalog rows: one product per row, list cells separated by `|`, one column
//! per language for each text, cells escaped against spreadsheet formulas.

use std::io::{Read, Write};

use super::{ImportImage, ImportRow, RowError};
use crate::domain::catalog::{ImageLabel, ProductSheet, Sector};
use crate::domain::localized::{self, Localized, AS_WRITTEN};
use crate::error::{AppError, AppResult, ErrorCode};

/// The CSV columns, in export order. Lists use `|` between items. Each text has a column per
/// language, `<text>_<language>` (`name_fr`), and one without a language (`name`) for a text
/// written without one, which readers take for the brand's fallback language's version.
pub const CSV_COLUMNS: &[&str] = &[
    "brand_key",
    "brand_name",
    "sector",
    "product_key",
    "name",
    "name_en",
    "name_fr",
    "name_es",
    "name_ar",
    "description",
    "description_en",
    "description_fr",
    "description_es",
    "description_ar",
    "gtins",
    "model_numbers",
    "category",
    "hs_code",
    "packaging",
    "packaging_en",
    "packaging_fr",
    "packaging_es",
    "packaging_ar",
    "only_sold_in",
    "never_sold_in",
    "images",
    "publish",
];

/// A text's cells: the text as written, then one version per content language.
fn text_cells(text: &Localized) -> impl Iterator<Item = String> + '_ {
    std::iter::once(text.get(AS_WRITTEN).unwrap_or_default().to_string())
        .chain(localized::content_languages().iter().map(|l| text.get(l.as_str()).unwrap_or_default().to_string()))
}

/// A text read from its columns (`base` and `base_<language>`).
fn text_of(get: impl Fn(&str) -> String, base: &str) -> Localized {
    let mut text = Localized::as_written(get(base));
    for l in localized::content_languages() {
        text.set(l.as_str(), get(&format!("{base}_{}", l.as_str())));
    }
    text
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Parses CSV rows; each item is a data row number and the row or why it cannot be read.
pub fn csv_rows<R: Read>(reader: R) -> impl Iterator<Item = (u64, Result<ImportRow, RowError>)> {
    let mut csv = csv::ReaderBuilder::new().flexible(false).trim(csv::Trim::All).from_reader(reader);
    let headers = csv.headers().cloned();
    let mut records = csv.into_records();
    let mut row = 0u64;
    let mut header_checked = false;
    std::iter::from_fn(move || {
        if !header_checked {
            header_checked = true;
            let missing: Vec<&str> = match &headers {
                Ok(h) => ["brand_key", "product_key", "category"]
                    .into_iter()
                    .filter(|c| !h.iter().any(|x| x == *c))
                    .collect(),
                Err(_) => vec!["brand_key"],
            };
            if !missing.is_empty() {
                return Some((
                    0,
                    Err(RowError {
                        row: 0,
                        column: missing.join(", "),
                        code: ErrorCode::MissingColumns,
                        message: format!(
                            "The header must name the columns {}; see the documentation for the full list.",
                            missing.join(", ")
                        ),
                    }),
                ));
            }
        }
        let record = records.next()?;
        row += 1;
        let headers = headers.as_ref().ok()?;
        Some((
            row,
            record
                .map_err(|e| RowError {
                    row,
                    column: String::new(),
                    code: ErrorCode::MalformedCsv,
                    message: format!("This row cannot be read as CSV: {e}"),
                })
                .and_then(|r| csv_record(row, headers, &r)),
        ))
    })
}

fn csv_record(row: u64, headers: &csv::StringRecord, r: &csv::StringRecord) -> Result<ImportRow, RowError> {
    let get = |name: &str| {
        headers.iter().position(|h| h == name).and_then(|i| r.get(i)).map(csv_unescape).unwrap_or("").to_string()
    };
    if let Some(unknown) = headers.iter().find(|h| !CSV_COLUMNS.contains(h)) {
        return Err(RowError {
            row,
            column: unknown.to_string(),
            code: ErrorCode::UnknownColumn,
            message: format!("The column '{unknown}' is not one Touchstone knows; remove or rename it."),
        });
    }
    let sector = match get("sector").as_str() {
        "" => None,
        s => Some(Sector::parse(s).ok_or_else(|| RowError {
            row,
            column: "sector".into(),
            code: ErrorCode::InvalidSector,
            message: format!("'{s}' is not a sector; use one of: {}.", Sector::names()),
        })?),
    };
    let publish = match get("publish").to_ascii_lowercase().as_str() {
        "" | "no" | "false" | "0" => false,
        "yes" | "true" | "1" => true,
        other => {
            return Err(RowError {
                row,
                column: "publish".into(),
                code: ErrorCode::InvalidFlag,
                message: format!("'{other}' is not yes or no."),
            })
        }
    };
    let images = csv_images(row, &get("images"))?;
    Ok(ImportRow {
        brand_key: get("brand_key"),
        brand_name: Some(get("brand_name")).filter(|s| !s.is_empty()),
        sector,
        product_key: get("product_key"),
        sheet: ProductSheet {
            names: text_of(get, "name"),
            descriptions: text_of(get, "description"),
            gtins: split_list(&get("gtins")),
            model_numbers: split_list(&get("model_numbers")),
            category: get("category"),
            hs_code: Some(get("hs_code")).filter(|s| !s.is_empty()),
            packaging: text_of(get, "packaging"),
            only_sold_in: split_list(&get("only_sold_in")),
            never_sold_in: split_list(&get("never_sold_in")),
            images: vec![],
            guide: vec![],
            security_features: vec![],
            supply_chain: Default::default(),
            prices: None,
        },
        publish,
        images,
    })
}

/// The `images` cell: entries separated by `|`, each `label:src` with an optional caption: `#`
/// then the caption as written, and `#<language>=` before each language's version, e.g.
/// `genuine:pictures/tote.png#en=Even stitching#fr=Coutures régulières|counterfeit:media:9f86…`.
fn csv_images(row: u64, cell: &str) -> Result<Vec<ImportImage>, RowError> {
    let mut images = Vec::new();
    for (n, entry) in cell.split('|').map(str::trim).filter(|e| !e.is_empty()).enumerate() {
        let err = |code: ErrorCode, message: String| RowError {
            row,
            column: "images".into(),
            code,
            message: format!("Picture {}: {message}", n + 1),
        };
        let Some((label, rest)) = entry.split_once(':') else {
            return Err(err(
                ErrorCode::InvalidImageEntry,
                "write each picture as label:source, e.g. genuine:pictures/tote.png#Caption.".into(),
            ));
        };
        let label = ImageLabel::parse(label).ok_or_else(|| {
            err(
                ErrorCode::InvalidImageLabel,
                format!("'{}' is not a label; use one of: {}.", label.trim(), ImageLabel::names()),
            )
        })?;
        let (src, caption) = rest.split_once('#').unwrap_or((rest, ""));
        images.push(ImportImage { src: src.trim().to_string(), label, caption: caption_of(caption) });
    }
    Ok(images)
}

/// Where a language's caption starts in `cell`: `#`, the language's code and `=`, spaces
/// allowed between them. Returns (where the `#` is, the language, where its text starts).
fn caption_marks(cell: &str) -> Vec<(usize, &'static str, usize)> {
    let mut marks = Vec::new();
    for (at, _) in cell.match_indices('#') {
        let after = cell[at + 1..].trim_start();
        for l in localized::content_languages() {
            let text = after.strip_prefix(l.as_str()).and_then(|r| r.trim_start().strip_prefix('='));
            if let Some(text) = text {
                marks.push((at, l.as_str(), cell.len() - text.len()));
            }
        }
    }
    marks
}

/// A caption from what follows the first `#` of an image entry.
fn caption_of(after_hash: &str) -> Localized {
    let cell = format!("#{after_hash}");
    let marks = caption_marks(&cell);
    let first = marks.first().map_or(cell.len(), |m| m.0);
    let mut caption = Localized::as_written(cell.get(1..first).unwrap_or_default().trim());
    for (n, (_, lang, start)) in marks.iter().enumerate() {
        let end = marks.get(n + 1).map_or(cell.len(), |m| m.0);
        caption.set(lang, cell[*start..end].trim());
    }
    caption
}

/// A caption as an image entry ends: the inverse of [`caption_of`].
fn caption_cell(caption: &Localized) -> String {
    // A caption cannot hold the entry separator; a slash reads the same to a person.
    let clean = |t: &str| t.replace('|', "/");
    let mut out = caption.get(AS_WRITTEN).map(|t| format!("#{}", clean(t))).unwrap_or_default();
    for (lang, text) in caption.iter().filter(|(k, _)| *k != AS_WRITTEN) {
        out.push_str(&format!("#{lang}={}", clean(text)));
    }
    out
}

pub(super) fn write_csv_record<W: Write>(out: &mut W, cells: Vec<String>) -> AppResult<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(cells).map_err(|e| AppError::Internal(e.into()))?;
    let bytes = w.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    out.write_all(&bytes).map_err(|e| AppError::Internal(e.into()))
}

/// Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
/// return, that spreadsheets strip before doing so): OWASP's list for CSV injection.
const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `cell` is one or more `'` followed by a trigger: what [`csv_escape`] writes.
fn is_escaped(cell: &str) -> bool {
    let rest = cell.trim_start_matches('\'');
    rest.len() < cell.len() && rest.starts_with(FORMULA_TRIGGERS)
}

/// A cell as written to a CSV export: a cell a spreadsheet would run as a formula (a planted
/// `=HYPERLINK(…)` in a description) gets a leading `'`, which spreadsheets read as "text".
/// A cell that already is quotes before a trigger (`'=x`) gets one more, so that the import,
/// which takes exactly one away ([`csv_unescape`]), gives back what was stored. A plain
/// number (`-5`, `-0.25`) is left as it is: a spreadsheet reads it as a number, never a
/// formula, and people editing the file expect to see it so.
fn csv_escape(cell: String) -> String {
    let plain_number = |c: &str| {
        let digits = c.strip_prefix('-').unwrap_or(c);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
        !whole.is_empty()
            && !fraction.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && fraction.bytes().all(|b| b.is_ascii_digit())
    };
    if (cell.starts_with(FORMULA_TRIGGERS) && !plain_number(&cell)) || is_escaped(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// A cell as read from a CSV import: the inverse of [`csv_escape`] (one `'` before a trigger
/// is taken away; any other cell is as written).
fn csv_unescape(cell: &str) -> &str {
    if is_escaped(cell) {
        &cell[1..]
    } else {
        cell
    }
}

/// A row's cells in the order of the CSV columns, escaped against formula injection.
pub fn csv_cells(r: &ImportRow) -> Vec<String> {
    csv_raw_cells(r).into_iter().map(csv_escape).collect()
}

fn csv_raw_cells(r: &ImportRow) -> Vec<String> {
    let s = &r.sheet;
    let mut cells = vec![
        r.brand_key.clone(),
        r.brand_name.clone().unwrap_or_default(),
        r.sector.map(|s| s.as_str().to_string()).unwrap_or_default(),
        r.product_key.clone(),
    ];
    cells.extend(text_cells(&s.names));
    cells.extend(text_cells(&s.descriptions));
    cells.extend([
        s.gtins.join("|"),
        s.model_numbers.join("|"),
        s.category.clone(),
        s.hs_code.clone().unwrap_or_default(),
    ]);
    cells.extend(text_cells(&s.packaging));
    cells.extend([
        s.only_sold_in.join("|"),
        s.never_sold_in.join("|"),
        csv_image_cell(r),
        if r.publish { "yes".into() } else { "no".into() },
    ]);
    cells
}

/// The gallery as an `images` cell: stored pictures as `media:` references, then the row's own.
fn csv_image_cell(r: &ImportRow) -> String {
    let entry = |label: ImageLabel, src: &str, caption: &Localized| format!("{label}:{src}{}", caption_cell(caption));
    r.sheet
        .images
        .iter()
        .map(|i| entry(i.label, &format!("media:{}", i.hash), &i.caption))
        .chain(r.images.iter().map(|i| entry(i.label, &i.src, &i.caption)))
        .collect::<Vec<_>>()
        .join("|")
}

/// Fields a CSV row carries replace the stored ones; the rest (guide, pictures, supply
/// chain…) are kept, so a spreadsheet round trip does not wipe them.
pub(super) fn merge_csv_fields(mut stored: ProductSheet, csv: &ProductSheet) -> ProductSheet {
    stored.names = csv.names.clone();
    stored.descriptions = csv.descriptions.clone();
    stored.gtins = csv.gtins.clone();
    stored.model_numbers = csv.model_numbers.clone();
    stored.category = csv.category.clone();
    stored.hs_code = csv.hs_code.clone();
    stored.packaging = csv.packaging.clone();
    stored.only_sold_in = csv.only_sold_in.clone();
    stored.never_sold_in = csv.never_sold_in.clone();
    // An empty `images` cell keeps the gallery: most spreadsheets carry no pictures.
    if !csv.images.is_empty() {
        stored.images = csv.images.clone();
    }
    stored
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_a_column_per_language_and_one_as_written() {
        let header: Vec<&str> = CSV_COLUMNS.iter().copied().filter(|c| c.starts_with("packaging")).collect();
        assert_eq!(header, ["packaging", "packaging_en", "packaging_fr", "packaging_es", "packaging_ar"]);
        let text = Localized::as_written("Box").with("fr", "Boîte");
        let cells: Vec<String> = text_cells(&text).collect();
        assert_eq!(cells, ["Box", "", "Boîte", "", ""]);
        let get = |c: &str| match c {
            "packaging" => "Box".to_string(),
            "packaging_fr" => "Boîte".to_string(),
            _ => String::new(),
        };
        assert_eq!(text_of(get, "packaging"), text);
    }

    #[test]
    fn captions_carry_their_languages_and_come_back_the_same() {
        let caption = caption_of("Front#en=Front view# fr = Vue de face#es=");
        assert_eq!(caption, Localized::as_written("Front").with("en", "Front view").with("fr", "Vue de face"));
        assert_eq!(caption_cell(&caption), "#Front#en=Front view#fr=Vue de face");
        assert_eq!(caption_of(&caption_cell(&caption)[1..]), caption);
        assert_eq!(caption_of("No. #5 seal"), Localized::as_written("No. #5 seal"), "a # alone is text");
        assert_eq!(caption_of("fr=Vue"), Localized::one("fr", "Vue"));
        assert_eq!(caption_cell(&Localized::new()), "");
    }
}
