//! The demo's drawn product pictures: determinism, the variants, the font.

use media::draw::{
    draw_product, draw_product_png, glyph, label_text, misspell, render, render_text, wrong_colour, PictureSpec, Shape,
    Variant, FALLBACK_GLYPH, SUPPORTED_CHARS,
};
use media::{process, sniff, Limits, MediaKind};

const SIZE: u32 = 320;
const NAVY: [u8; 3] = [32, 78, 160];

fn spec(shape: Shape, variant: Variant) -> PictureSpec<'static> {
    PictureSpec { label: "Kastenbrück Maison", shape, colour: NAVY, variant, seed: 42 }
}

/// The seal's gold: warm, bright, clearly more red than green and little blue.
fn is_gold(p: &image::Rgb<u8>) -> bool {
    let [r, g, b] = p.0;
    r > 180 && (130..=215).contains(&g) && b < 110 && r > g + 20
}

fn gold_pixels_in_seal(drawing: &media::draw::Drawing) -> usize {
    let seal = drawing.seal;
    drawing
        .image
        .enumerate_pixels()
        .filter(|(x, y, p)| {
            let dx = f64::from(*x) + 0.5 - seal.x;
            let dy = f64::from(*y) + 0.5 - seal.y;
            dx * dx + dy * dy <= seal.radius * seal.radius && is_gold(p)
        })
        .count()
}

#[test]
fn the_same_spec_gives_byte_identical_png_twice() {
    for shape in Shape::ALL {
        for variant in Variant::ALL {
            let spec = spec(shape, variant);
            assert_eq!(draw_product_png(&spec, SIZE), draw_product_png(&spec, SIZE), "{shape:?} {variant:?}");
        }
    }
}

#[test]
fn different_variants_give_different_images() {
    for shape in Shape::ALL {
        let images: Vec<_> = Variant::ALL.iter().map(|&v| draw_product(&spec(shape, v), SIZE)).collect();
        for i in 0..images.len() {
            for j in i + 1..images.len() {
                assert_ne!(images[i], images[j], "{shape:?}: {:?} and {:?}", Variant::ALL[i], Variant::ALL[j]);
            }
        }
    }
}

#[test]
fn different_seeds_give_different_images_of_the_same_product() {
    let a = spec(Shape::Bag, Variant::Genuine);
    let b = PictureSpec { seed: 43, ..a };
    assert_ne!(draw_product(&a, SIZE), draw_product(&b, SIZE));
}

#[test]
fn the_genuine_picture_has_gold_seal_pixels_in_its_corner_and_the_missing_seal_variant_has_none() {
    for shape in Shape::ALL {
        let genuine = render(&spec(shape, Variant::Genuine), SIZE);
        let missing = render(&spec(shape, Variant::MissingSeal), SIZE);
        assert_eq!(genuine.seal, missing.seal, "{shape:?}: the seal area does not depend on the variant");
        // The seal sits in the upper-right part of the picture.
        assert!(genuine.seal.x > f64::from(SIZE) / 2.0 && genuine.seal.y < f64::from(SIZE) * 0.6, "{shape:?}");
        let area = std::f64::consts::PI * genuine.seal.radius * genuine.seal.radius;
        let gold = gold_pixels_in_seal(&genuine);
        assert!(gold as f64 > area * 0.3, "{shape:?}: only {gold} gold pixels in a seal of {area:.0}");
        assert_eq!(gold_pixels_in_seal(&missing), 0, "{shape:?}");
        // Nothing outside the seal is gold either: the seal is the only gold.
        let gold_anywhere = missing.image.pixels().filter(|p| is_gold(p)).count();
        assert_eq!(gold_anywhere, 0, "{shape:?}");
    }
}

#[test]
fn wrong_colour_differs_from_genuine_in_the_silhouettes_dominant_colour_by_a_clear_margin() {
    let colours = [NAVY, [200, 30, 40], [250, 250, 250], [20, 20, 20], [128, 128, 128], [240, 200, 60], [90, 160, 90]];
    for shape in Shape::ALL {
        for colour in colours {
            let genuine = render(&PictureSpec { colour, ..spec(shape, Variant::Genuine) }, SIZE);
            let wrong = render(&PictureSpec { colour, ..spec(shape, Variant::WrongColour) }, SIZE);
            assert_eq!(genuine.body, wrong.body, "{shape:?}: the same silhouette");
            let (mut sum, mut n) = (0.0, 0u32);
            for (mask, (a, b)) in genuine.body.pixels().zip(genuine.image.pixels().zip(wrong.image.pixels())) {
                if mask.0[0] == 0 {
                    continue;
                }
                let d: f64 = (0..3).map(|i| (f64::from(a.0[i]) - f64::from(b.0[i])).powi(2)).sum();
                sum += d.sqrt();
                n += 1;
            }
            assert!(n > SIZE * SIZE / 20, "{shape:?}: a silhouette of only {n} pixels");
            let mean = sum / f64::from(n);
            assert!(mean > 60.0, "{shape:?} {colour:?}: mean distance {mean:.1} over {n} pixels");
        }
    }
}

#[test]
fn the_silhouette_shows_the_requested_colour() {
    for shape in Shape::ALL {
        let drawing = render(&spec(shape, Variant::Genuine), SIZE);
        let (mut sum, mut n) = ([0.0; 3], 0.0);
        for (mask, p) in drawing.body.pixels().zip(drawing.image.pixels()) {
            if mask.0[0] != 0 {
                (0..3).for_each(|i| sum[i] += f64::from(p.0[i]));
                n += 1.0;
            }
        }
        for i in 0..3 {
            let mean = sum[i] / n;
            assert!((mean - f64::from(NAVY[i])).abs() < 25.0, "{shape:?}: channel {i} averages {mean:.0}");
        }
    }
}

#[test]
fn the_png_output_passes_the_crates_own_processing_and_has_the_requested_size() {
    for (shape, size) in Shape::ALL.into_iter().zip([320, 320, 200, 320, 480, 320, 96, 320, 640]) {
        for variant in Variant::ALL {
            let png = draw_product_png(&spec(shape, variant), size);
            assert_eq!(sniff(&png), Some(MediaKind::Png));
            let processed =
                process(&png, &Limits::default()).unwrap_or_else(|e| panic!("{shape:?} {variant:?} at {size}: {e}"));
            assert_eq!(processed.kind, MediaKind::Png);
            assert_eq!(processed.dimensions, Some((size, size)));
            let decoded = image::load_from_memory(&png).unwrap().to_rgb8();
            assert_eq!(decoded, draw_product(&spec(shape, variant), size), "the PNG is lossless");
        }
    }
}

#[test]
fn tiny_and_odd_sizes_still_draw() {
    for size in [1, 7, 33, 101] {
        for shape in Shape::ALL {
            let image = draw_product(&spec(shape, Variant::Genuine), size);
            assert_eq!(image.dimensions(), (size, size));
        }
    }
}

#[test]
fn the_bitmap_font_renders_every_supported_glyph_and_distinct_glyphs_for_distinct_characters() {
    let chars: Vec<char> = SUPPORTED_CHARS.chars().collect();
    for &c in &chars {
        let rendered = render_text(&c.to_string(), 2);
        assert_eq!(rendered.dimensions(), (10, 14), "{c:?}");
        let ink = rendered.pixels().filter(|p| p.0[0] == 255).count();
        if c == ' ' {
            assert_eq!(ink, 0, "the space is blank");
        } else {
            assert!(ink >= 4, "{c:?} has {ink} set pixels");
            assert_eq!(ink % 4, 0, "{c:?}: every font pixel is a 2 × 2 block");
            assert_ne!(glyph(c), FALLBACK_GLYPH, "{c:?} has a glyph of its own");
        }
    }
    for (i, &a) in chars.iter().enumerate() {
        for &b in &chars[i + 1..] {
            assert_ne!(glyph(a), glyph(b), "{a:?} and {b:?} look the same");
            assert_ne!(render_text(&a.to_string(), 1), render_text(&b.to_string(), 1), "{a:?} and {b:?}");
        }
    }
}

#[test]
fn unknown_characters_use_the_fallback_glyph_and_accents_are_dropped() {
    for c in ['#', '?', '@', 'ж', '中', '\''] {
        assert_eq!(glyph(c), FALLBACK_GLYPH, "{c:?}");
        assert_eq!(render_text(&c.to_string(), 1), render_text("#", 1), "{c:?}");
    }
    assert_eq!(render_text("ü", 3), render_text("U", 3));
    assert_eq!(render_text("è", 3), render_text("E", 3));
    assert_eq!(render_text("veloria", 1), render_text("VELORIA", 1));
    assert_eq!(render_text("Malmö", 1).width(), 5 * 6 - 1);
    assert_eq!(render_text("Straße", 1), render_text("STRASSE", 1));
}

#[test]
fn labels_are_printed_in_capitals_without_accents_and_misspelt_for_the_misspelt_variant() {
    let genuine = spec(Shape::Garment, Variant::Genuine);
    assert_eq!(label_text(&genuine), "KASTENBRUCK MAISON");
    assert_eq!(label_text(&PictureSpec { variant: Variant::Misspelt, ..genuine }), "KSATENBRUCK MAISON");
    assert_eq!(label_text(&PictureSpec { variant: Variant::WrongColour, ..genuine }), "KASTENBRUCK MAISON");
    assert_eq!(label_text(&PictureSpec { label: "Sollière", ..genuine }), "SOLLIERE");
}

#[test]
fn misspell_swaps_the_second_and_third_letters_and_leaves_short_labels_unchanged() {
    assert_eq!(misspell("Veloria"), "Vleoria");
    assert_eq!(misspell("Ivoria"), "Iovria");
    assert_eq!(misspell("Lümix"), "Lmüix", "counted in characters, not bytes");
    assert_eq!(misspell("Abc"), "Abc");
    assert_eq!(misspell("Ab"), "Ab");
    assert_eq!(misspell(""), "");
}

#[test]
fn the_wrong_colour_is_far_from_the_genuine_one_even_for_greys() {
    for c in [[0, 0, 0], [255, 255, 255], [128, 128, 128], [60, 60, 60], [200, 190, 180], NAVY, [255, 0, 0]] {
        let w = wrong_colour(c);
        let d: f64 = (0..3).map(|i| (f64::from(c[i]) - f64::from(w[i])).powi(2)).sum::<f64>().sqrt();
        assert!(d > 100.0, "{c:?} → {w:?}: {d:.1}");
    }
}
