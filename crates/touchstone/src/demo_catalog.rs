//! The demo catalog: 400 fictional brands (the figure the WCO's IPM tool had reached in 2012)
//! across sectors, each with products carrying valid GTINs under fictional GS1 company
//! prefixes, guides, security features, supply chains and contacts. Deterministic: the same
//! brand index always yields the same brand.
//!
//! The first [`TRANSLATED_BRANDS`] brands write their texts in English, French and Spanish; the
//! others in English only, so that the demo shows a card in the reader's language as well as
//! one in its fallback language, marked as not translated.

use crate::domain::catalog::{
    BrandSheet, Confidentiality, Contact, Indicator, IndicatorSide, NewBrand, NewProduct, Party, PartyRole, Prices,
    ProductSheet, Route, Section, Sector, SecurityFeature, SupplyChain, Trademark, TransportMode,
};
use crate::domain::localized::Localized;
use crate::domain::types::Language;

/// How many of the first brands have French and Spanish texts besides English.
pub const TRANSLATED_BRANDS: usize = 20;

/// A text of brand `i`: in English, French and Spanish for the first brands, else English.
pub fn text(i: usize, en: impl Into<String>, fr: impl Into<String>, es: impl Into<String>) -> Localized {
    let text = Localized::one("en", en);
    if i < TRANSLATED_BRANDS {
        text.with("fr", fr).with("es", es)
    } else {
        text
    }
}

const FIRST: &[&str] = &[
    "Vel", "Kast", "Lum", "Nord", "Aur", "Sol", "Mar", "Bel", "Cor", "Dal", "Eri", "Fal", "Gor", "Hal", "Iv", "Jor",
    "Kel", "Lor", "Mon", "Nev",
];
const SECOND: &[&str] = &["oria", "enbrück", "ière", "werk", "ora", "ano", "ella", "ton", "ix", "ura"];
const CITIES: &[(&str, &str)] = &[
    ("FR", "Lyon"),
    ("IT", "Milano"),
    ("DE", "Stuttgart"),
    ("GB", "Leeds"),
    ("ES", "Valencia"),
    ("CH", "Basel"),
    ("JP", "Osaka"),
    ("US", "Ohio"),
    ("PT", "Porto"),
    ("SE", "Malmö"),
];

/// The sector of brand `i`, and products typical of it: (category, HS code, product names).
fn sector_of(i: usize) -> (Sector, &'static str, &'static str, [&'static str; 3]) {
    match i % 9 {
        0 => (Sector::Apparel, "t-shirts", "610910", ["Classic tee", "Logo hoodie", "Track jacket"]),
        1 => (Sector::Luxury, "handbags", "420221", ["Signature tote", "Quilted clutch", "Monogram wallet"]),
        2 => (
            Sector::Pharmaceuticals,
            "analgesics",
            "300490",
            ["Pain relief 500 mg tablets", "Fever syrup 120 ml", "Migraine capsules"],
        ),
        3 => (Sector::SpareParts, "brake parts", "870830", ["Brake pad set", "Brake disc 280 mm", "Oil filter"]),
        4 => (
            Sector::Electronics,
            "chargers",
            "850440",
            ["USB-C charger 65 W", "Wireless earbuds", "Power bank 10000 mAh"],
        ),
        5 => (Sector::Cosmetics, "perfumes", "330300", ["Eau de parfum 50 ml", "Face cream 30 ml", "Lipstick"]),
        6 => (Sector::Tobacco, "cigarettes", "240220", ["Cigarettes king size", "Rolling tobacco 50 g", "Cigarillos"]),
        7 => (Sector::Toys, "dolls", "950300", ["Fashion doll", "Building set 500 pieces", "Plush bear"]),
        _ => (Sector::Beverages, "spirits", "220830", ["Single malt 70 cl", "Vodka 1 l", "Gin 70 cl"]),
    }
}

/// The colour of brand `i`'s products in the demo pictures.
pub fn colour(i: usize) -> [u8; 3] {
    const PALETTE: &[[u8; 3]] = &[
        [32, 64, 160],
        [170, 30, 40],
        [20, 120, 70],
        [230, 190, 40],
        [90, 40, 130],
        [240, 240, 235],
        [30, 30, 30],
        [200, 90, 20],
        [60, 150, 190],
        [150, 110, 80],
    ];
    PALETTE[(i / FIRST.len()) % PALETTE.len()]
}

/// The silhouette the demo pictures draw for brand `i`'s sector.
pub fn shape(i: usize) -> media::draw::Shape {
    use media::draw::Shape;
    match sector_of(i).0 {
        Sector::Apparel => Shape::Garment,
        Sector::Luxury => Shape::Bag,
        Sector::Pharmaceuticals => Shape::PillBox,
        Sector::SpareParts => Shape::BrakePart,
        Sector::Electronics => Shape::Device,
        Sector::Cosmetics | Sector::Beverages => Shape::Bottle,
        Sector::Tobacco => Shape::Pack,
        Sector::Toys => Shape::Toy,
        Sector::Other => Shape::Carton,
    }
}

/// The counterfeit variants pictured for a product: two of the three, in turn.
pub fn counterfeit_variants(item: usize) -> [media::draw::Variant; 2] {
    use media::draw::Variant;
    const ALL: [Variant; 3] = [Variant::Misspelt, Variant::WrongColour, Variant::MissingSeal];
    [ALL[item % 3], ALL[(item + 1) % 3]]
}

/// PNG pictures of a product: the genuine one, then its counterfeit variants.
pub fn pictures(brand_index: usize, item: usize) -> Vec<(media::draw::Variant, Vec<u8>)> {
    use media::draw::{draw_product_png, PictureSpec, Variant};
    let label = brand_name(brand_index);
    std::iter::once(Variant::Genuine)
        .chain(counterfeit_variants(item))
        .map(|variant| {
            let spec = PictureSpec {
                label: &label,
                shape: shape(brand_index),
                colour: colour(brand_index),
                variant,
                seed: (brand_index * 1000 + item) as u64,
            };
            (variant, draw_product_png(&spec, 320))
        })
        .collect()
}

pub fn brand_name(i: usize) -> String {
    let name = format!("{}{}", FIRST[i % FIRST.len()], SECOND[(i / FIRST.len()) % SECOND.len()]);
    // 20 × 10 = 200 distinct stems; a second round gets a house suffix.
    if i >= FIRST.len() * SECOND.len() {
        format!("{name} Maison")
    } else {
        name
    }
}

pub fn brand_key(i: usize) -> String {
    format!("demo-{i:04}")
}

/// A GTIN-13 with a correct check digit under the brand's fictional prefix (the 20–29
/// range is reserved for in-store use, so no real company holds these).
pub fn gtin(brand: usize, item: usize) -> String {
    let body = format!("2{:06}{:05}", brand, item);
    let digit = gs1::check_digit_mod10(&body).unwrap_or(0);
    format!("{body}{digit}")
}

pub fn company_prefix(brand: usize) -> String {
    format!("2{brand:06}")
}

pub fn brand(i: usize, owner_org_id: i64) -> NewBrand {
    let (sector, ..) = sector_of(i);
    let name = brand_name(i);
    let (country, _) = CITIES[i % CITIES.len()];
    let confidentiality = if i.is_multiple_of(3) {
        Confidentiality {
            sections: vec![Section::SupplyChain, Section::Prices],
            organisations: vec![],
            countries: vec!["FR".into(), country.into()],
        }
    } else {
        Confidentiality {
            sections: vec![Section::SecurityFeatures],
            organisations: vec![],
            countries: vec![country.into()],
        }
    };
    NewBrand {
        key: brand_key(i),
        owner_organisation_id: Some(owner_org_id),
        sheet: BrandSheet {
            aliases: vec![name.to_uppercase(), name.replace('ü', "ue").replace('è', "e")],
            name,
            sector,
            logo: None,
            trademarks: vec![
                Trademark {
                    office: "EUIPO".into(),
                    number: format!("0{:08}", 18_000_000 + i * 37),
                    nice_classes: vec![nice_class(sector)],
                    expires_on: Some(format!("20{}-06-30", 28 + i % 10)),
                },
                Trademark {
                    office: "WIPO".into(),
                    number: format!("{}", 1_400_000 + i * 11),
                    nice_classes: vec![nice_class(sector)],
                    expires_on: Some("2031-01-15".into()),
                },
            ],
            gs1_company_prefixes: vec![company_prefix(i)],
            contacts: vec![
                Contact {
                    country: Some("FR".into()),
                    name: text(
                        i,
                        "Brand protection — France",
                        "Protection de la marque — France",
                        "Protección de la marca — Francia",
                    ),
                    languages: vec!["fr".into(), "en".into()],
                    phone: Some(format!("+33 1 84 88 {:02} {:02}", i % 100, (i * 7) % 100)),
                    email: Some(format!("douane@{}.demo", brand_key(i))),
                    hours: text(i, "Mon–Fri 08:00–19:00 CET", "lun.–ven. 08:00–19:00 CET", "lun.–vie. 08:00–19:00 CET"),
                },
                Contact {
                    country: None,
                    name: text(
                        i,
                        "Global anti-counterfeiting desk",
                        "Service mondial anti-contrefaçon",
                        "Servicio mundial contra la falsificación",
                    ),
                    languages: vec!["en".into()],
                    phone: Some(format!("+44 20 3880 {:04}", i)),
                    email: Some(format!("customs@{}.demo", brand_key(i))),
                    hours: text(i, "24/7", "24 h/24, 7 j/7", "24 h, todos los días"),
                },
            ],
            confidentiality,
            fallback_language: Language::En,
        },
    }
}

fn nice_class(sector: Sector) -> u8 {
    match sector {
        Sector::Apparel => 25,
        Sector::Luxury => 18,
        Sector::Pharmaceuticals => 5,
        Sector::SpareParts => 12,
        Sector::Electronics => 9,
        Sector::Cosmetics => 3,
        Sector::Tobacco => 34,
        Sector::Toys => 28,
        Sector::Beverages | Sector::Other => 33,
    }
}

pub fn product(brand_index: usize, item: usize) -> NewProduct {
    let (_, category, hs, names) = sector_of(brand_index);
    let brand = brand_name(brand_index);
    let (made_in, city) = CITIES[(brand_index + item) % CITIES.len()];
    let base = names[item % names.len()];
    let (fr, es) = (french(base), spanish(base));
    let t = |en: String, fr: String, es: String| text(brand_index, en, fr, es);
    let misspelt = media::draw::misspell(&brand);
    let never = if brand_index.is_multiple_of(4) { vec!["NG".to_string(), "KP".to_string()] } else { vec![] };
    NewProduct {
        key: format!("p{item}"),
        sheet: ProductSheet {
            names: t(format!("{brand} {base}"), format!("{brand} — {fr}"), format!("{brand} — {es}")),
            descriptions: t(
                format!("{base} by {brand}, made in {city}. Sold with a serialised tamper seal."),
                format!("{fr} de {brand}, fabriqué à {city}. Vendu avec un scellé de sécurité numéroté."),
                format!("{es} de {brand}, fabricado en {city}. Se vende con un precinto de seguridad numerado."),
            ),
            gtins: vec![gtin(brand_index, item)],
            model_numbers: vec![format!("{}-{:03}", &brand.to_uppercase()[..3.min(brand.len())], item + 100)],
            category: category.into(),
            hs_code: Some(hs.into()),
            packaging: t(
                "Printed carton with holographic seal over the opening; barcode on the base.".into(),
                "Carton imprimé avec un scellé holographique sur l'ouverture ; code-barres sous le fond.".into(),
                "Caja de cartón impresa con un precinto holográfico sobre la apertura; código de barras en la base."
                    .into(),
            ),
            only_sold_in: vec![],
            never_sold_in: never,
            images: vec![],
            guide: vec![
                Indicator {
                    side: IndicatorSide::Genuine,
                    text: t(
                        format!("The logo reads exactly \"{brand}\", letters evenly spaced."),
                        format!("Le logo indique exactement « {brand} », lettres régulièrement espacées."),
                        format!("El logotipo dice exactamente «{brand}», con las letras espaciadas por igual."),
                    ),
                    image: None,
                    weight: 4,
                },
                Indicator {
                    side: IndicatorSide::Genuine,
                    text: t(
                        "The seal shows a colour-shifting hologram with a 10-character serial.".into(),
                        "Le scellé porte un hologramme qui change de couleur et un numéro de série de 10 caractères."
                            .into(),
                        "El precinto muestra un holograma que cambia de color y un número de serie de 10 caracteres."
                            .into(),
                    ),
                    image: None,
                    weight: 5,
                },
                Indicator {
                    side: IndicatorSide::Counterfeit,
                    text: t(
                        format!("Misspelt brand name (e.g. \"{misspelt}\")."),
                        format!("Nom de marque mal orthographié (par ex. « {misspelt} »)."),
                        format!("Nombre de marca mal escrito (p. ej., «{misspelt}»)."),
                    ),
                    image: None,
                    weight: 5,
                },
                Indicator {
                    side: IndicatorSide::Counterfeit,
                    text: t(
                        "Seal missing, or flat print instead of a hologram.".into(),
                        "Scellé absent, ou simple impression à la place d'un hologramme.".into(),
                        "Precinto ausente, o impresión plana en lugar de un holograma.".into(),
                    ),
                    image: None,
                    weight: 4,
                },
                Indicator {
                    side: IndicatorSide::Counterfeit,
                    text: t(
                        "Colour off the reference shade; blurred printing on the carton.".into(),
                        "Couleur différente de la teinte de référence ; impression floue sur le carton.".into(),
                        "Color distinto del tono de referencia; impresión borrosa en la caja.".into(),
                    ),
                    image: None,
                    weight: 2,
                },
            ],
            security_features: vec![
                SecurityFeature {
                    kind: t("hologram".into(), "hologramme".into(), "holograma".into()),
                    how_to_check: t(
                        "Tilt the seal: the logo turns from gold to green.".into(),
                        "Inclinez le scellé : le logo passe de l'or au vert.".into(),
                        "Incline el precinto: el logotipo pasa de dorado a verde.".into(),
                    ),
                },
                SecurityFeature {
                    kind: t("serialised code".into(), "code sérialisé".into(), "código serializado".into()),
                    how_to_check: t(
                        "The 10-character code under the seal is registered with the brand; send it to the contact."
                            .into(),
                        "Le code de 10 caractères sous le scellé est enregistré par la marque ; transmettez-le au contact."
                            .into(),
                        "El código de 10 caracteres bajo el precinto está registrado por la marca; envíelo al contacto."
                            .into(),
                    ),
                },
            ],
            supply_chain: SupplyChain {
                manufacturing_countries: vec![made_in.into()],
                parties: vec![
                    Party {
                        role: PartyRole::Manufacturer,
                        name: format!("{brand} Manufacturing {city}"),
                        identifier: Some(format!("{made_in}MFR{brand_index:05}")),
                        country: made_in.into(),
                        market: None,
                    },
                    Party {
                        role: PartyRole::Importer,
                        name: format!("{brand} Europe Logistics"),
                        identifier: Some(format!("FR{:011}", 40_000_000_000u64 + brand_index as u64)),
                        country: "FR".into(),
                        market: Some("FR".into()),
                    },
                ],
                routes: vec![Route {
                    origin: made_in.into(),
                    destination: "FR".into(),
                    mode: if made_in == "JP" || made_in == "US" { TransportMode::Sea } else { TransportMode::Road },
                }],
            },
            prices: Some(Prices {
                currency: "EUR".into(),
                retail_min: Some(20.0 + (brand_index % 50) as f64),
                retail_max: Some(60.0 + (brand_index % 50) as f64 * 3.0),
                usual_declared_value: Some(12.0 + (brand_index % 30) as f64),
            }),
        },
    }
}

fn french(base: &str) -> String {
    match base {
        "Classic tee" => "T-shirt classique",
        "Logo hoodie" => "Sweat à capuche logo",
        "Track jacket" => "Veste de survêtement",
        "Signature tote" => "Cabas signature",
        "Quilted clutch" => "Pochette matelassée",
        "Monogram wallet" => "Portefeuille monogramme",
        "Pain relief 500 mg tablets" => "Antidouleur 500 mg comprimés",
        "Fever syrup 120 ml" => "Sirop contre la fièvre 120 ml",
        "Migraine capsules" => "Gélules anti-migraine",
        "Brake pad set" => "Jeu de plaquettes de frein",
        "Brake disc 280 mm" => "Disque de frein 280 mm",
        "Oil filter" => "Filtre à huile",
        "USB-C charger 65 W" => "Chargeur USB-C 65 W",
        "Wireless earbuds" => "Écouteurs sans fil",
        "Power bank 10000 mAh" => "Batterie externe 10000 mAh",
        "Eau de parfum 50 ml" => "Eau de parfum 50 ml",
        "Face cream 30 ml" => "Crème visage 30 ml",
        "Lipstick" => "Rouge à lèvres",
        "Cigarettes king size" => "Cigarettes king size",
        "Rolling tobacco 50 g" => "Tabac à rouler 50 g",
        "Cigarillos" => "Cigarillos",
        "Fashion doll" => "Poupée mannequin",
        "Building set 500 pieces" => "Jeu de construction 500 pièces",
        "Plush bear" => "Ours en peluche",
        "Single malt 70 cl" => "Single malt 70 cl",
        "Vodka 1 l" => "Vodka 1 l",
        _ => "Gin 70 cl",
    }
    .to_string()
}

fn spanish(base: &str) -> String {
    match base {
        "Classic tee" => "Camiseta clásica",
        "Logo hoodie" => "Sudadera con capucha y logotipo",
        "Track jacket" => "Chaqueta deportiva",
        "Signature tote" => "Bolso tote emblemático",
        "Quilted clutch" => "Cartera de mano acolchada",
        "Monogram wallet" => "Billetera con monograma",
        "Pain relief 500 mg tablets" => "Analgésico 500 mg comprimidos",
        "Fever syrup 120 ml" => "Jarabe para la fiebre 120 ml",
        "Migraine capsules" => "Cápsulas contra la migraña",
        "Brake pad set" => "Juego de pastillas de freno",
        "Brake disc 280 mm" => "Disco de freno 280 mm",
        "Oil filter" => "Filtro de aceite",
        "USB-C charger 65 W" => "Cargador USB-C 65 W",
        "Wireless earbuds" => "Auriculares inalámbricos",
        "Power bank 10000 mAh" => "Batería externa 10000 mAh",
        "Eau de parfum 50 ml" => "Eau de parfum 50 ml",
        "Face cream 30 ml" => "Crema facial 30 ml",
        "Lipstick" => "Barra de labios",
        "Cigarettes king size" => "Cigarrillos king size",
        "Rolling tobacco 50 g" => "Tabaco de liar 50 g",
        "Cigarillos" => "Cigarritos",
        "Fashion doll" => "Muñeca de moda",
        "Building set 500 pieces" => "Juego de construcción 500 piezas",
        "Plush bear" => "Oso de peluche",
        "Single malt 70 cl" => "Whisky de malta 70 cl",
        "Vodka 1 l" => "Vodka 1 l",
        _ => "Ginebra 70 cl",
    }
    .to_string()
}

/// The captions of the demo pictures: (English, French, Spanish), by what the picture shows.
pub fn caption(variant: media::draw::Variant) -> (&'static str, &'static str, &'static str) {
    use media::draw::Variant;
    match variant {
        Variant::Genuine => (
            "Genuine: front, with the holographic seal",
            "Authentique : face avant, avec le scellé holographique",
            "Auténtico: parte delantera, con el precinto holográfico",
        ),
        Variant::Misspelt => (
            "Counterfeit: misspelt brand name",
            "Contrefaçon : nom de marque mal orthographié",
            "Falsificación: nombre de marca mal escrito",
        ),
        Variant::WrongColour => (
            "Counterfeit: colour off the reference shade",
            "Contrefaçon : couleur différente de la teinte de référence",
            "Falsificación: color distinto del tono de referencia",
        ),
        Variant::MissingSeal => {
            ("Counterfeit: seal missing", "Contrefaçon : scellé absent", "Falsificación: precinto ausente")
        }
    }
}

/// Writes `brands × products_per_brand` import rows, brand by brand, without holding them in
/// memory; returns how many were written.
pub fn write_import_file<W: std::io::Write>(
    mut out: W,
    format: crate::domain::catalog_io::Format,
    brands: usize,
    products_per_brand: usize,
) -> anyhow::Result<u64> {
    use crate::domain::catalog_io::{Format, ImportRow};
    let is_csv = format == Format::Csv;
    if is_csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(crate::domain::catalog_io::CSV_COLUMNS)?;
        out.write_all(&w.into_inner()?)?;
    }
    let mut n = 0;
    for b in 0..brands {
        let sector = brand(b, 0).sheet.sector;
        for item in 0..products_per_brand {
            let p = product(b, item);
            let row = ImportRow {
                brand_key: brand_key(b),
                brand_name: Some(brand_name(b)),
                sector: Some(sector),
                product_key: p.key,
                sheet: p.sheet,
                publish: true,
                images: vec![],
            };
            if is_csv {
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(crate::domain::catalog_io::csv_cells(&row))?;
                out.write_all(&w.into_inner()?)?;
            } else {
                serde_json::to_writer(&mut out, &row)?;
                out.write_all(b"\n")?;
            }
            n += 1;
        }
    }
    out.flush()?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_hundred_brands_have_distinct_names_and_keys() {
        let names: std::collections::HashSet<String> = (0..400).map(brand_name).collect();
        assert_eq!(names.len(), 400);
    }

    #[test]
    fn demo_gtins_have_valid_check_digits_and_sit_under_the_brand_prefix() {
        for b in [0, 7, 399] {
            for item in 0..3 {
                let g = gtin(b, item);
                assert!(gs1::Gtin::parse(&g).is_ok(), "{g}");
                assert!(g.starts_with(&company_prefix(b)));
            }
        }
    }

    #[test]
    fn the_first_brands_are_written_in_three_languages_and_the_others_in_english() {
        let first = product(0, 0).sheet;
        assert_eq!(first.missing_in("fr", "en"), 0);
        assert_eq!(first.missing_in("es", "en"), 0);
        assert!(first.missing_in("ar", "en") > 0, "Arabic readers see the fallback");
        let later = product(TRANSLATED_BRANDS, 0).sheet;
        assert_eq!(later.missing_in("en", "en"), 0);
        assert_eq!(later.missing_in("fr", "en"), later.all_texts().len());
    }

    #[test]
    fn every_demo_sheet_passes_validation() {
        for b in 0..18 {
            assert!(brand(b, 1).sheet.validated().is_ok(), "brand {b}");
            for item in 0..3 {
                let p = product(b, item).sheet.validated();
                assert!(p.is_ok(), "brand {b} item {item}: {:?}", p.err());
            }
        }
    }
}
