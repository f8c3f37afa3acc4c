//! Writing a batch of checked rows: the products (publication folded in), their codes, history
//! and file uses in a few multi-row statements, and the batch's audit records.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    Created,
    Updated,
    Unchanged,
}

pub(super) struct Outcome {
    pub(super) product_id: i64,
    pub(super) change: Change,
    pub(super) published: bool,
    /// Pictures first recorded by this row.
    pub(super) new_media: Vec<String>,
}

/// The products a batch wrote (each may be in the change feed; marking one too many only
/// sends its lookups to the database for a moment).
pub(super) fn changed_products(outcomes: &[Outcome]) -> Vec<i64> {
    outcomes.iter().map(|o| o.product_id).collect()
}

/// Writes a batch: the products (publication folded in), their codes and their history, each
/// in a few multi-row statements: per-statement overhead, not the data, is what bounds a
/// million-row import.
pub(super) async fn write_batch(
    tx: &mut store::Tx,
    principal: &Principal,
    rows: &[ValidRow],
) -> Result<Vec<Outcome>, sqlx::Error> {
    let now = now_ms();
    let merged = existing_drafts(tx, rows).await?;
    let mut outcomes = Vec::with_capacity(rows.len());
    let mut changed: Vec<store::catalog::ChangedProduct> = Vec::new();
    // The files each written draft and published copy shows (media_uses), by product.
    let mut draft_uses: Vec<(i64, Vec<String>)> = Vec::new();
    let mut published_uses: Vec<(i64, Vec<String>)> = Vec::new();
    let mut sheets = Vec::with_capacity(rows.len());
    let mut media_of_row = Vec::with_capacity(rows.len());
    for (v, stored) in rows.iter().zip(merged) {
        let mut new_media = Vec::new();
        for m in &v.media {
            if store::catalog::insert_media(tx, m, principal.org_id, now).await? {
                new_media.push(m.hash.clone());
            }
        }
        media_of_row.push(new_media);
        let sheet = match stored {
            Some(existing) => merge_csv_fields(existing, &v.sheet),
            None => v.sheet.clone(),
        };
        let json = serde_json::to_string(&sheet).map_err(|e| sqlx::Error::Encode(e.into()))?;
        sheets.push((sheet, json));
    }
    let writes: Vec<store::catalog::ProductWrite> = rows
        .iter()
        .zip(&sheets)
        .map(|(v, (sheet, json))| store::catalog::ProductWrite {
            brand_id: v.brand,
            key: &v.product_key,
            sheet,
            json,
            publish: v.publish,
        })
        .collect();
    let results = store::catalog::upsert_products(tx, &writes, now).await?;
    for (((v, (sheet, json)), new_media), written) in rows.iter().zip(sheets).zip(media_of_row).zip(results) {
        let outcome = match written {
            store::catalog::Upsert::Created(id) => {
                Outcome { product_id: id, change: Change::Created, published: v.publish, new_media }
            }
            store::catalog::Upsert::Updated(id, _) => {
                Outcome { product_id: id, change: Change::Updated, published: v.publish, new_media }
            }
            store::catalog::Upsert::Unchanged => {
                let republished = match v.publish {
                    true => store::catalog::publish_unchanged(tx, v.brand, &v.product_key, &sheet, now).await?,
                    false => None,
                };
                Outcome {
                    product_id: republished.unwrap_or(0),
                    change: Change::Unchanged,
                    published: republished.is_some(),
                    new_media,
                }
            }
        };
        if let store::catalog::Upsert::Created(id) | store::catalog::Upsert::Updated(id, _) = written {
            draft_uses.push((id, sheet.media_hashes().map(str::to_string).collect()));
        }
        if outcome.published {
            published_uses.push((outcome.product_id, sheet.media_hashes().map(str::to_string).collect()));
        }
        if let store::catalog::Upsert::Created(id) | store::catalog::Upsert::Updated(id, _) = written {
            let version = match written {
                store::catalog::Upsert::Updated(_, version) => version,
                _ => 1,
            };
            changed.push(store::catalog::ChangedProduct {
                id,
                version,
                replaced: outcome.change == Change::Updated,
                gtins: sheet.gtins.clone(),
                sheet: json,
            });
        }
        outcomes.push(outcome);
    }
    store::catalog::write_codes_and_history(tx, &changed, "import", &principal.label, now).await?;
    store::media::replace_uses_of_many(tx, store::media::UseKind::Product, &uses(&draft_uses)).await?;
    store::media::replace_uses_of_many(tx, store::media::UseKind::ProductPublished, &uses(&published_uses)).await?;
    Ok(outcomes)
}

fn uses(of: &[(i64, Vec<String>)]) -> Vec<(i64, Vec<&str>)> {
    of.iter().map(|(id, hashes)| (*id, hashes.iter().map(String::as_str).collect())).collect()
}

/// The stored drafts CSV rows merge into (JSON rows replace whole sheets), fetched per brand.
async fn existing_drafts(tx: &mut store::Tx, rows: &[ValidRow]) -> Result<Vec<Option<ProductSheet>>, sqlx::Error> {
    let mut wanted: BTreeMap<i64, Vec<&str>> = BTreeMap::new();
    for v in rows.iter().filter(|v| v.merge) {
        wanted.entry(v.brand).or_default().push(&v.product_key);
    }
    let mut found: HashMap<(i64, String), ProductSheet> = HashMap::new();
    for (brand, keys) in wanted {
        for (key, sheet) in store::catalog::drafts_by_keys(tx, brand, &keys).await? {
            found.insert((brand, key), sheet);
        }
    }
    Ok(rows.iter().map(|v| if v.merge { found.remove(&(v.brand, v.product_key.clone())) } else { None }).collect())
}

/// One audit record per written batch, naming every product it changed, by owner.
pub(super) async fn audit_batch(
    tx: &mut store::Tx,
    principal: &Principal,
    rows: &[ValidRow],
    outcomes: &[Outcome],
) -> Result<(), sqlx::Error> {
    #[derive(Default)]
    struct Changed {
        created: Vec<i64>,
        updated: Vec<i64>,
        published: Vec<i64>,
        media: Vec<String>,
    }
    let mut by_owner: BTreeMap<i64, Changed> = BTreeMap::new();
    for (v, o) in rows.iter().zip(outcomes) {
        let entry = by_owner.entry(v.owner_org_id).or_default();
        match o.change {
            Change::Created => entry.created.push(o.product_id),
            Change::Updated => entry.updated.push(o.product_id),
            Change::Unchanged => {}
        }
        if o.published {
            entry.published.push(o.product_id);
        }
        entry.media.extend(o.new_media.iter().cloned());
    }
    for (owner, Changed { created, updated, published, media }) in by_owner {
        if created.is_empty() && updated.is_empty() && published.is_empty() && media.is_empty() {
            continue;
        }
        let event = AuditEvent::by(
            principal,
            "catalog.import",
            "products",
            format!("{} products", created.len() + updated.len() + published.len()),
        )
        .scope(owner)
        .detail(serde_json::json!({"created": created, "updated": updated, "published": published, "media": media}));
        store::audit::append(tx, &event).await?;
    }
    Ok(())
}
