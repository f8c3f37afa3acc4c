//! Demo data for `touchstone serve --demo`: organisations on every side of the platform and a
//! user for each role, all signing in with [`DEMO_PASSWORD`]. Seeding is idempotent.

use crate::domain::audit::AuditEvent;
use crate::domain::catalog::{ImageLabel, ImageRef, ProductSheet};
use crate::domain::directory::{self, NewOrganisation, NewUser};
use crate::domain::media::{MediaStore, StoredMedia};
use crate::domain::policy::Principal;
use crate::error::{AppError, AppResult};
use crate::store::{self, Db};
use media::draw::Variant;

pub const DEMO_PASSWORD: &str = "touchstone-demo";

/// (organisation, kind, country, [(e-mail, name, role, language)])
type DemoOrg =
    (&'static str, &'static str, &'static str, &'static [(&'static str, &'static str, &'static str, &'static str)]);

pub const DEMO_ORGANISATIONS: &[DemoOrg] = &[
    ("Touchstone Operations", "operator", "FR", &[("admin@touchstone.demo", "Platform Admin", "platform_admin", "en")]),
    (
        "Douane française (démo)",
        "customs",
        "FR",
        &[
            ("officer@douane.demo", "Camille Martin", "officer", "fr"),
            ("chief@douane.demo", "Nadia Benali", "org_admin", "fr"),
            ("analyst@douane.demo", "Hugo Lefèvre", "analyst", "fr"),
        ],
    ),
    ("UK Border Force (demo)", "customs", "GB", &[("officer@border.demo", "Sam Taylor", "officer", "en")]),
    ("Police nationale (démo)", "police", "FR", &[("coordinator@police.demo", "Julien Moreau", "coordinator", "fr")]),
    // An agency without an access grant yet: it sees what it can ask for, and asks.
    (
        "Gendarmerie nationale (démo)",
        "police",
        "FR",
        &[("coordinator@gendarmerie.demo", "Inès Garnier", "coordinator", "fr")],
    ),
    ("Maison Lumière (demo)", "rights_holder", "FR", &[("brand@lumiere.demo", "Claire Dubois", "org_admin", "en")]),
    ("Brand Protection Partners (demo)", "representative", "GB", &[("agent@bpp.demo", "Alex Morgan", "officer", "en")]),
    ("Nordwerk Group (demo)", "rights_holder", "DE", &[("brand@nordwerk.demo", "Jonas Weber", "org_admin", "en")]),
];

/// The rights holders that own the demo brands, in turn: brand `i` belongs to
/// `BRAND_OWNERS[i % BRAND_OWNERS.len()]`.
pub const BRAND_OWNERS: &[(&str, &str)] = &[
    ("Maison Lumière (demo)", "FR"),
    ("Nordwerk Group (demo)", "DE"),
    ("Aurora Pharma (demo)", "CH"),
    ("Kastell Automotive (demo)", "DE"),
    ("Solano Electronics (demo)", "JP"),
    ("Bella Cosmetics (demo)", "IT"),
    ("Corvin Tobacco (demo)", "GB"),
    ("Dalton Toys & Drinks (demo)", "US"),
];

/// How many demo brands `serve --demo` creates.
pub const DEMO_BRANDS: usize = 400;
pub const DEMO_PRODUCTS_PER_BRAND: usize = 3;

/// Creates and publishes the demo catalog's missing brands and products. The first brands of
/// Maison Lumière are delegated to the demo representative.
pub async fn seed_catalog(db: &Db, files: &MediaStore, brands: usize, products_per_brand: usize) -> AppResult<usize> {
    use crate::demo_catalog as gen;
    use crate::domain::catalog;
    let console = Principal::console();
    let mut owners = Vec::new();
    for (name, country) in BRAND_OWNERS {
        let org = match store::directory::find_organisation_by_name(db.reader(), name).await? {
            Some(o) => o,
            None => {
                let input = NewOrganisation {
                    name: name.to_string(),
                    kind: "rights_holder".into(),
                    country: country.to_string(),
                    email_domains: Vec::new(),
                };
                directory::create_organisation(db, &console, &input).await?
            }
        };
        owners.push(org.id);
    }
    let representative =
        store::directory::find_organisation_by_name(db.reader(), "Brand Protection Partners (demo)").await?;
    let mut created = 0;
    for i in 0..brands {
        if store::catalog::get_brand_by_key(db.reader(), &gen::brand_key(i)).await?.is_some() {
            continue;
        }
        let owner = owners[i % owners.len()];
        let brand = catalog::create_brand(db, &console, gen::brand(i, owner)).await?;
        catalog::publish_brand(db, &console, brand.id).await?;
        let pictures = store_pictures(db, files, &console, i, products_per_brand).await?;
        for (item, images) in pictures.into_iter().enumerate() {
            let mut product = gen::product(i, item);
            attach_pictures(i, &mut product.sheet, images);
            let p = catalog::create_product(db, &console, brand.id, product).await?;
            if i % 25 != 24 {
                // A few brands keep a product in draft, to show that officers do not see drafts.
                catalog::publish_product(db, &console, p.id).await?;
            }
        }
        if let (Some(rep), true) = (&representative, i % owners.len() == 0 && i < 5 * owners.len()) {
            catalog::delegate_brand(db, &console, brand.id, rep.id).await?;
        }
        created += 1;
    }
    Ok(created)
}

/// Creates whatever of the demo data is missing; returns the sign-ins as (e-mail, role).
pub async fn seed(db: &Db) -> AppResult<Vec<(&'static str, &'static str)>> {
    let console = Principal::console();
    let mut sign_ins = Vec::new();
    for (name, kind, country, users) in DEMO_ORGANISATIONS {
        // Each demo organisation owns the domain of its users' addresses, as vetting would give it.
        let mut email_domains: Vec<String> =
            users.iter().filter_map(|(email, ..)| email.split_once('@')).map(|(_, d)| d.to_string()).collect();
        email_domains.dedup();
        let org = match store::directory::find_organisation_by_name(db.reader(), name).await? {
            Some(o) => {
                if store::directory::email_domains_of(db.reader(), o.id).await?.is_empty() {
                    let input = directory::EmailDomains { email_domains };
                    directory::set_email_domains(db, &console, o.id, &input).await?;
                }
                o
            }
            None => {
                let input = NewOrganisation {
                    name: name.to_string(),
                    kind: kind.to_string(),
                    country: country.to_string(),
                    email_domains,
                };
                directory::create_organisation(db, &console, &input).await?
            }
        };
        for (email, display_name, role, language) in *users {
            let exists = store::directory::get_user_by_email(db.reader(), &crate::domain::types::Email::parse(email)?)
                .await?
                .is_some();
            if !exists {
                let input = NewUser {
                    email: email.to_string(),
                    display_name: display_name.to_string(),
                    organisation_id: org.id,
                    role: role.to_string(),
                    language: Some(language.to_string()),
                    password: Some(DEMO_PASSWORD.to_string()),
                };
                directory::create_user(db, &console, &input).await?;
            }
            sign_ins.push((*email, *role));
        }
    }
    seed_grant(db).await?;
    Ok(sign_ins)
}

/// Draws and stores the pictures of one brand's products (off the async runtime); returns,
/// per product, each picture's variant and content hash.
async fn store_pictures(
    db: &Db,
    files: &MediaStore,
    console: &Principal,
    brand_index: usize,
    products: usize,
) -> AppResult<Vec<Vec<(Variant, String)>>> {
    let drawn = tokio::task::spawn_blocking(move || -> Vec<Vec<(Variant, Vec<u8>)>> {
        (0..products).map(|item| crate::demo_catalog::pictures(brand_index, item)).collect()
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    let shape: Vec<Vec<Variant>> = drawn.iter().map(|p| p.iter().map(|(v, _)| *v).collect()).collect();
    let pngs: Vec<Vec<u8>> = drawn.into_iter().flatten().map(|(_, png)| png).collect();
    let lens: Vec<usize> = pngs.iter().map(Vec::len).collect();
    let mut hashes = files.put_all(pngs).await?.into_iter().zip(lens);
    let drawn: Vec<Vec<(Variant, String, usize)>> = shape
        .into_iter()
        .map(|variants| {
            variants
                .into_iter()
                .map(|v| {
                    let (hash, len) = hashes.next().expect("one hash per picture");
                    (v, hash, len)
                })
                .collect()
        })
        .collect();
    let mut tx = db.begin().await?;
    let now = db.now_ms();
    for (_, hash, len) in drawn.iter().flatten() {
        let m = StoredMedia {
            hash: hash.clone(),
            kind: "png".into(),
            byte_len: *len as i64,
            width: Some(320),
            height: Some(320),
            // Drawn at thumbnail size: the picture is its own thumbnail.
            thumbnail_hash: Some(hash.clone()),
        };
        store::catalog::insert_media(&mut tx, &m, console.org_id, now).await?;
    }
    store::audit::append(
        &mut tx,
        &AuditEvent::by(console, "media.demo_pictures", "brand", crate::demo_catalog::brand_key(brand_index))
            .detail(serde_json::json!({"pictures": drawn.iter().map(Vec::len).sum::<usize>()})),
    )
    .await?;
    tx.commit().await?;
    Ok(drawn.into_iter().map(|p| p.into_iter().map(|(v, h, _)| (v, h)).collect()).collect())
}

/// Puts the pictures of brand `brand_index`'s product in its gallery and beside the guide
/// indicators they illustrate.
fn attach_pictures(brand_index: usize, sheet: &mut ProductSheet, images: Vec<(Variant, String)>) {
    for (variant, hash) in images {
        let (label, indicator) = match variant {
            Variant::Genuine => (ImageLabel::Genuine, "logo reads exactly"),
            Variant::Misspelt => (ImageLabel::Counterfeit, "Misspelt"),
            Variant::WrongColour => (ImageLabel::Counterfeit, "Colour off"),
            Variant::MissingSeal => (ImageLabel::Counterfeit, "Seal missing"),
        };
        let shows = |g: &crate::domain::catalog::Indicator| g.text.get("en").is_some_and(|t| t.contains(indicator));
        if let Some(g) = sheet.guide.iter_mut().find(|g| shows(g) && g.image.is_none()) {
            g.image = Some(hash.clone());
        }
        let (en, fr, es) = crate::demo_catalog::caption(variant);
        sheet.images.push(ImageRef { hash, label, caption: crate::demo_catalog::text(brand_index, en, fr, es) });
    }
}

/// The demo police force works with the demo customs administration through an access grant.
async fn seed_grant(db: &Db) -> AppResult<()> {
    use crate::domain::coordination::{self, NewGrant, Scope};
    let customs = store::directory::find_organisation_by_name(db.reader(), "Douane française (démo)").await?;
    let police = store::directory::find_organisation_by_name(db.reader(), "Police nationale (démo)").await?;
    let (Some(customs), Some(police)) = (customs, police) else { return Ok(()) };
    if coordination::scopes_of(db, police.id, db.now_ms()).await? != Default::default() {
        return Ok(());
    }
    let expires = time::OffsetDateTime::now_utc().date() + time::Duration::days(365);
    let grant = NewGrant {
        grantee_organisation_id: police.id,
        scopes: vec![Scope::CatalogAlerts, Scope::CaseSharing, Scope::Coordination],
        reason: "Demo: joint work against counterfeit networks".into(),
        expires_on: expires.to_string(),
        grantor_organisation_id: Some(customs.id),
        request_id: None,
    };
    coordination::create_grant(db, &Principal::console(), grant).await?;
    Ok(())
}
