//! Product pictures drawn by the program, for the demo catalog.
//!
//! Every demo product needs a picture of the genuine article and of a few
//! counterfeits (wrong colour, misspelt label, missing hologram seal), and
//! the demo has no photographs: [`draw_product`] draws a simple, flat
//! picture of a product silhouette with a white label panel carrying the
//! brand name and a gold hologram seal.
//!
//! * **Deterministic**: the same [`PictureSpec`] and size always give the same
//!   pixels, and [`draw_product_png`] the same bytes. Only integer maths and
//!   the IEEE basic operations (`+ - * /` and `sqrt`, which are correctly
//!   rounded everywhere) are used — no `sin`, `cos` or other library maths
//!   whose last bits vary between platforms — and the `seed` drives a small
//!   xorshift generator, not the `rand` crate.
//! * **Fast**: span fills over one pixel buffer, no anti-aliasing; a
//!   320 × 320 picture takes under a millisecond to draw and encode as PNG
//!   in release builds and a few milliseconds in debug builds.
//! * **No fonts**: labels use a built-in 5 × 7 bitmap font ([`glyph`]) with
//!   A–Z, 0–9, space, `-`, `&` and `.`; accented Latin letters are drawn as
//!   their base letter and anything else as a box ([`FALLBACK_GLYPH`]).

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, GrayImage, ImageEncoder, RgbImage};

/// The product silhouettes, roughly one per sector of the demo catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A T-shirt (apparel).
    Garment,
    /// A handbag (luxury goods).
    Bag,
    /// A medicine carton with a pharmacy cross and pills (pharmaceuticals).
    PillBox,
    /// A drilled brake disc (spare parts).
    BrakePart,
    /// A wall charger (electronics).
    Device,
    /// A bottle with a cap (perfumes, spirits).
    Bottle,
    /// A cigarette pack with a health-warning panel (tobacco).
    Pack,
    /// A teddy bear with a ribbon (toys).
    Toy,
    /// A plain product box (anything else). Not called `Box` so that it does
    /// not read like `std::boxed::Box`.
    Carton,
}

impl Shape {
    /// Every shape, in declaration order.
    pub const ALL: [Shape; 9] = [
        Shape::Garment,
        Shape::Bag,
        Shape::PillBox,
        Shape::BrakePart,
        Shape::Device,
        Shape::Bottle,
        Shape::Pack,
        Shape::Toy,
        Shape::Carton,
    ];
}

/// What the picture shows: the genuine product or one kind of counterfeit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variant {
    /// The genuine product.
    Genuine,
    /// A counterfeit in a clearly different colour (see [`wrong_colour`]).
    WrongColour,
    /// A counterfeit whose label reads [`misspell`]`(label)`.
    Misspelt,
    /// A counterfeit without the hologram seal; a faint ring shows where it
    /// should be.
    MissingSeal,
}

impl Variant {
    /// Every variant, the genuine one first.
    pub const ALL: [Variant; 4] = [Variant::Genuine, Variant::WrongColour, Variant::Misspelt, Variant::MissingSeal];
}

/// Everything that decides a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PictureSpec<'a> {
    /// Brand name printed on the label, in capitals. Accented Latin letters
    /// are printed as their base letter ("Malmö" → "MALMO").
    pub label: &'a str,
    /// The product silhouette.
    pub shape: Shape,
    /// The genuine product colour (sRGB).
    pub colour: [u8; 3],
    /// Genuine or which counterfeit.
    pub variant: Variant,
    /// Jitters small details (position of the product, angle of the hologram
    /// lines, tint of the background) so that products do not all look
    /// alike. The variants of one product should share the seed so that they
    /// differ only in what makes them counterfeit.
    pub seed: u64,
}

/// A circle in pixels: centre and radius.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circle {
    /// Horizontal position of the centre, in pixels from the left edge.
    pub x: f64,
    /// Vertical position of the centre, in pixels from the top edge.
    pub y: f64,
    /// Radius in pixels.
    pub radius: f64,
}

/// A drawn picture with where its parts ended up, for tests and for callers
/// that want to check a picture.
#[derive(Debug, Clone)]
pub struct Drawing {
    /// The picture.
    pub image: RgbImage,
    /// 255 where the product's own colour shows (its silhouette minus the
    /// outline, label, seal and other details), 0 elsewhere.
    pub body: GrayImage,
    /// Where the hologram seal is — or, for [`Variant::MissingSeal`], where it
    /// would be.
    pub seal: Circle,
}

/// The counterfeiter's misspelling: the 2nd and 3rd letters swapped when the
/// label has more than three characters ("Veloria" → "Vleoria"); shorter
/// labels are returned unchanged. The same rule as the demo catalog's guide
/// text, counted in `char`s.
pub fn misspell(label: &str) -> String {
    let mut chars: Vec<char> = label.chars().collect();
    if chars.len() > 3 {
        chars.swap(1, 2);
    }
    chars.into_iter().collect()
}

/// The text printed on the label of `spec`: the label (misspelt for
/// [`Variant::Misspelt`]) in capitals with accents removed.
pub fn label_text(spec: &PictureSpec) -> String {
    match spec.variant {
        Variant::Misspelt => fold(&misspell(spec.label)),
        _ => fold(spec.label),
    }
}

/// A colour a person clearly sees is not `colour`: the hue turned half way
/// round the colour wheel (or a third, if that is further), with greys and
/// pale colours given some saturation and dark ones some brightness so that
/// the change shows. The RGB distance to `colour` is always above 100 (of
/// 441).
pub fn wrong_colour(colour: [u8; 3]) -> [u8; 3] {
    let [r, g, b] = colour.map(|c| f64::from(c) / 255.0);
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let chroma = max - min;
    let saturation = if max > 0.0 { chroma / max } else { 0.0 };
    let hue = if chroma < 1e-9 {
        0.0
    } else if max == r {
        ((g - b) / chroma).rem_euclid(6.0)
    } else if max == g {
        (b - r) / chroma + 2.0
    } else {
        (r - g) / chroma + 4.0
    };
    let saturation = saturation.max(0.6);
    let mut farthest = (0.0, colour);
    for value in [max.clamp(0.45, 0.92), 0.85, 0.55] {
        for turn in [3.0, 2.0, 4.0] {
            let candidate = hsv_to_rgb((hue + turn).rem_euclid(6.0), saturation, value);
            let d = distance(colour, candidate);
            if d >= 110.0 {
                return candidate;
            }
            if d > farthest.0 {
                farthest = (d, candidate);
            }
        }
    }
    farthest.1
}

fn distance(a: [u8; 3], b: [u8; 3]) -> f64 {
    let d: f64 = (0..3).map(|i| (f64::from(a[i]) - f64::from(b[i])).powi(2)).sum();
    d.sqrt()
}

/// Draws the picture of `spec` in a `size` × `size` square.
///
/// # Panics
///
/// When `size` is 0.
pub fn draw_product(spec: &PictureSpec, size: u32) -> RgbImage {
    let (canvas, _) = paint(spec, size);
    RgbImage::from_raw(size, size, canvas.rgb).expect("the buffer has three bytes per pixel")
}

/// [`draw_product`] encoded as PNG (8-bit RGB, no metadata). The same spec and
/// size always give the same bytes.
///
/// # Panics
///
/// When `size` is 0.
pub fn draw_product_png(spec: &PictureSpec, size: u32) -> Vec<u8> {
    let image = draw_product(spec, size);
    let mut out = Vec::with_capacity(16 * 1024);
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive)
        .write_image(image.as_raw(), image.width(), image.height(), ExtendedColorType::Rgb8)
        .expect("encoding a PNG into memory cannot fail");
    out
}

/// Draws the picture of `spec` and reports where its parts are.
///
/// # Panics
///
/// When `size` is 0.
pub fn render(spec: &PictureSpec, size: u32) -> Drawing {
    let (canvas, seal) = paint(spec, size);
    let body = GrayImage::from_raw(size, size, canvas.body.iter().map(|&s| if s > 0 { 255 } else { 0 }).collect())
        .expect("the mask has one byte per pixel");
    let image = RgbImage::from_raw(size, size, canvas.rgb).expect("the buffer has three bytes per pixel");
    Drawing { image, body, seal }
}

fn paint(spec: &PictureSpec, size: u32) -> (Canvas, Circle) {
    assert!(size > 0, "a picture needs at least one pixel");
    let mut rng = XorShift::new(spec.seed);
    let colour = match spec.variant {
        Variant::WrongColour => wrong_colour(spec.colour),
        _ => spec.colour,
    };
    let mut canvas = Canvas::new(size, rng.below(25) as i32 - 12, rng.below(25) as i32 - 12);
    canvas.background(rng.below(7) as i32 - 3);

    let layout = draw_silhouette(&mut canvas, spec.shape, colour);

    draw_label(&mut canvas, layout.label, &label_text(spec), colour);
    let (sx, sy, sr) = layout.seal;
    let seal = Circle { x: canvas.px(sx + canvas.dx), y: canvas.px(sy + canvas.dy), radius: canvas.len(sr) };
    if spec.variant == Variant::MissingSeal {
        canvas.seal_residue(seal);
    } else {
        canvas.seal(seal, rng.below(RAYS.len() as u64) as usize);
    }
    (canvas, seal)
}

// ---------------------------------------------------------------------------
// Bitmap font

/// The characters the bitmap font has a glyph for (lowercase ASCII letters
/// are drawn as capitals).
pub const SUPPORTED_CHARS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -&.";

/// The glyph of characters the font does not have: an empty box.
pub const FALLBACK_GLYPH: [u8; 7] = [0b11111, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11111];

/// Width of a glyph in font pixels; glyphs are separated by one blank column.
pub const GLYPH_WIDTH: u32 = 5;
/// Height of a glyph in font pixels.
pub const GLYPH_HEIGHT: u32 = 7;

/// The 5 × 7 glyph of `c`: seven rows from the top, bit 4 the leftmost
/// pixel. Characters outside [`SUPPORTED_CHARS`] (and their lowercase ASCII
/// forms) get [`FALLBACK_GLYPH`]; accents are removed earlier, by
/// [`label_text`] and [`render_text`].
pub fn glyph(c: char) -> [u8; 7] {
    match c.to_ascii_uppercase() {
        'A' => [0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
        'B' => [0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110],
        'C' => [0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110],
        'D' => [0b11100, 0b10010, 0b10001, 0b10001, 0b10001, 0b10010, 0b11100],
        'E' => [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111],
        'F' => [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000],
        'G' => [0b01110, 0b10001, 0b10000, 0b10111, 0b10001, 0b10001, 0b01111],
        'H' => [0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
        'I' => [0b01110, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
        'J' => [0b00111, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100],
        'K' => [0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001],
        'L' => [0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b11111],
        'M' => [0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001],
        'N' => [0b10001, 0b10001, 0b11001, 0b10101, 0b10011, 0b10001, 0b10001],
        'O' => [0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110],
        'P' => [0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000],
        'Q' => [0b01110, 0b10001, 0b10001, 0b10001, 0b10101, 0b10010, 0b01101],
        'R' => [0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001],
        'S' => [0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110],
        'T' => [0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100],
        'U' => [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110],
        'V' => [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100],
        'W' => [0b10001, 0b10001, 0b10001, 0b10101, 0b10101, 0b10101, 0b01010],
        'X' => [0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001],
        'Y' => [0b10001, 0b10001, 0b10001, 0b01010, 0b00100, 0b00100, 0b00100],
        'Z' => [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b11111],
        '0' => [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110],
        '1' => [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
        '2' => [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111],
        '3' => [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110],
        '4' => [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010],
        '5' => [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110],
        '6' => [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110],
        '7' => [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000],
        '8' => [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110],
        '9' => [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100],
        ' ' => [0; 7],
        '-' => [0, 0, 0, 0b11111, 0, 0, 0],
        '&' => [0b01100, 0b10010, 0b10100, 0b01000, 0b10101, 0b10010, 0b01101],
        '.' => [0, 0, 0, 0, 0, 0b01100, 0b01100],
        _ => FALLBACK_GLYPH,
    }
}

/// `text` as the labels print it (capitals, accents removed, see
/// [`label_text`]) on one line, each font pixel a `scale` × `scale` block:
/// 255 for ink, 0 for paper. A blank column separates glyphs.
pub fn render_text(text: &str, scale: u32) -> GrayImage {
    let text: Vec<char> = fold(text).chars().collect();
    let scale = scale.max(1);
    let n = text.len() as u32;
    let width = (n * (GLYPH_WIDTH + 1)).saturating_sub(1) * scale;
    let mut out = GrayImage::new(width, GLYPH_HEIGHT * scale);
    for (i, &c) in text.iter().enumerate() {
        let g = glyph(c);
        for (row, bits) in g.iter().enumerate() {
            for col in 0..GLYPH_WIDTH {
                if bits & (1 << (GLYPH_WIDTH - 1 - col)) != 0 {
                    let x0 = (i as u32 * (GLYPH_WIDTH + 1) + col) * scale;
                    let y0 = row as u32 * scale;
                    for y in y0..y0 + scale {
                        for x in x0..x0 + scale {
                            out.put_pixel(x, y, image::Luma([255]));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Capitals without accents: the Latin-1 and Latin Extended-A letters the
/// catalog uses map to their base letter (ß → SS, Æ → AE, Œ → OE); other
/// whitespace becomes a space; anything else is kept and drawn as the
/// fallback box.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă'
            | 'Ą' => "A",
            'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "C",
            'ď' | 'đ' | 'ð' | 'Ď' | 'Đ' | 'Ð' => "D",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => {
                "E"
            }
            'ğ' | 'Ğ' => "G",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
            'ł' | 'ľ' | 'Ł' | 'Ľ' => "L",
            'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "N",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ő' => "O",
            'ř' | 'Ř' => "R",
            'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "S",
            'ť' | 'ţ' | 'Ť' | 'Ţ' => "T",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => "U",
            'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "Y",
            'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "Z",
            'ß' => "SS",
            'æ' | 'Æ' => "AE",
            'œ' | 'Œ' => "OE",
            c if c.is_whitespace() => " ",
            c => {
                out.push(c.to_ascii_uppercase());
                continue;
            }
        };
        out.push_str(base);
    }
    out
}

// ---------------------------------------------------------------------------
// Colours

const WHITE: [u8; 3] = [255, 255, 255];
const METAL: [u8; 3] = [168, 170, 176];
const DARK: [u8; 3] = [38, 38, 44];
const SEAL_GOLD: [u8; 3] = [216, 172, 52];
const SEAL_LIGHT: [u8; 3] = [242, 212, 112];
const SEAL_RING: [u8; 3] = [150, 108, 26];
const HOLOGRAM: [[u8; 3]; 3] = [[150, 226, 240], [238, 160, 226], [196, 238, 156]];

fn scale_colour(c: [u8; 3], factor: f64) -> [u8; 3] {
    c.map(|v| (f64::from(v) * factor).round().clamp(0.0, 255.0) as u8)
}

fn mix(a: [u8; 3], b: [u8; 3], t: f64) -> [u8; 3] {
    let mut out = [0; 3];
    for i in 0..3 {
        out[i] = (f64::from(a[i]) * (1.0 - t) + f64::from(b[i]) * t).round().clamp(0.0, 255.0) as u8;
    }
    out
}

/// A dark shade of `c` for text and outlines: its brightest channel at most 90.
fn ink_of(c: [u8; 3]) -> [u8; 3] {
    let max = c.iter().copied().max().unwrap_or(0).max(1);
    scale_colour(c, (90.0 / f64::from(max)).min(1.0))
}

/// `hue` in sixths of a turn (0..6), saturation and value in 0..=1.
fn hsv_to_rgb(hue: f64, saturation: f64, value: f64) -> [u8; 3] {
    let chroma = value * saturation;
    let x = chroma * (1.0 - ((hue.rem_euclid(2.0)) - 1.0).abs());
    let (r, g, b) = match hue as u32 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = value - chroma;
    [r, g, b].map(|v| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8)
}

// ---------------------------------------------------------------------------
// Random jitter

/// xorshift64*, seeded through splitmix64 so that seed 0 works too.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        XorShift((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        (self.next() >> 32) % n
    }
}

// ---------------------------------------------------------------------------
// Canvas and primitives
//
// Layouts are written in units of 1/1000 of the picture's side, so the same
// drawing works at any size; `Canvas` turns them into pixels.

/// A region in picture units (0..1000 on both axes).
#[derive(Clone, Copy)]
enum Region<'a> {
    Rect(i32, i32, i32, i32),
    RoundRect(i32, i32, i32, i32, i32),
    Ellipse(i32, i32, i32, i32),
    Circle(i32, i32, i32),
    /// Centre, inner and outer radius; only the half above the centre.
    UpperRing(i32, i32, i32, i32),
    Polygon(&'a [(i32, i32)]),
}

/// How a region is painted.
#[derive(Clone, Copy)]
enum Ink {
    /// Part of the product body, with a brightness (200 = the colour as is);
    /// coloured later by [`Canvas::shade_body`].
    Body(u8),
    /// A hole in the body: the background shows through.
    Hole,
    /// A detail in a fixed colour.
    Paint([u8; 3]),
}

struct Canvas {
    size: i32,
    /// Jitter of the product position, in picture units.
    dx: i32,
    dy: i32,
    rgb: Vec<u8>,
    /// One row of a single colour, copied from by span fills.
    pattern: Vec<u8>,
    pattern_colour: Option<[u8; 3]>,
    pattern_len: usize,
    /// Brightness of the product body per pixel, 0 outside it.
    body: Vec<u8>,
    background: Vec<[u8; 3]>,
    spans: Vec<(f64, f64)>,
}

impl Canvas {
    fn new(size: u32, dx: i32, dy: i32) -> Self {
        let n = size as usize * size as usize;
        Canvas {
            size: size as i32,
            dx,
            dy,
            rgb: vec![0; n * 3],
            pattern: vec![0; size as usize * 3],
            pattern_colour: None,
            pattern_len: 0,
            body: vec![0; n],
            background: Vec::new(),
            spans: Vec::with_capacity(8),
        }
    }

    /// Picture units to pixels.
    fn px(&self, units: i32) -> f64 {
        f64::from(units) * f64::from(self.size) / 1000.0
    }

    /// A length in picture units to pixels, at least one pixel.
    fn len(&self, units: i32) -> f64 {
        self.px(units).max(1.0)
    }

    /// A light, slightly warm backdrop that darkens towards the bottom like a
    /// table top, tinted by `tint` (-3..=3).
    fn background(&mut self, tint: i32) {
        let size = self.size as usize;
        self.background = (0..size)
            .map(|y| {
                let t = y as f64 / size as f64;
                let base = 241.0 - 16.0 * t;
                [
                    (base + f64::from(tint)).round() as u8,
                    (base - 2.0).round() as u8,
                    (base - 7.0 - f64::from(tint)).round() as u8,
                ]
            })
            .collect();
        for y in 0..size {
            self.copy_pattern(self.background[y], y * size, (y + 1) * size);
        }
    }

    /// Makes the first `n` pixels of [`Canvas::pattern`] the colour `c`, for
    /// [`Canvas::copy_pattern`]. Doubling copies keep this cheap in debug
    /// builds too.
    fn set_pattern(&mut self, c: [u8; 3], n: usize) {
        if self.pattern_colour == Some(c) && self.pattern_len >= n {
            return;
        }
        let end = n * 3;
        self.pattern[..3].copy_from_slice(&c);
        let mut filled = 3;
        while filled < end {
            let k = filled.min(end - filled);
            self.pattern.copy_within(0..k, filled);
            filled += k;
        }
        self.pattern_colour = Some(c);
        self.pattern_len = n;
    }

    /// Paints pixels `a..b` (indices into the picture) in `c`.
    fn copy_pattern(&mut self, c: [u8; 3], a: usize, b: usize) {
        self.set_pattern(c, b - a);
        self.rgb[a * 3..b * 3].copy_from_slice(&self.pattern[..(b - a) * 3]);
    }

    /// Fills `region` (shifted by the product jitter) with `ink`.
    fn fill(&mut self, region: Region, ink: Ink) {
        let (top, bottom) = self.rows(region);
        let size = self.size;
        let row_start = (self.px(top + self.dy) - 1.0).floor().max(0.0) as i32;
        let row_end = ((self.px(bottom + self.dy) + 1.0).ceil() as i32).min(size);
        let mut spans = std::mem::take(&mut self.spans);
        for y in row_start..row_end {
            spans.clear();
            self.spans_at(region, f64::from(y) + 0.5, &mut spans);
            for &(a, b) in &spans {
                // Pixels whose centre lies in [a, b].
                let first = ((a - 0.5).ceil().max(0.0)) as i32;
                let last = ((b - 0.5).floor().min(f64::from(size - 1))) as i32;
                if last < first {
                    continue;
                }
                let (a, b) =
                    (y as usize * size as usize + first as usize, y as usize * size as usize + last as usize + 1);
                let colour = match ink {
                    Ink::Body(level) => {
                        self.body[a..b].fill(level);
                        continue;
                    }
                    Ink::Hole => self.background[y as usize],
                    Ink::Paint(c) => c,
                };
                self.body[a..b].fill(0);
                self.copy_pattern(colour, a, b);
            }
        }
        self.spans = spans;
    }

    /// Top and bottom of a region, in picture units (before the jitter).
    fn rows(&self, region: Region) -> (i32, i32) {
        match region {
            Region::Rect(_, y0, _, y1) | Region::RoundRect(_, y0, _, y1, _) => (y0, y1),
            Region::Ellipse(_, cy, _, ry) => (cy - ry, cy + ry),
            Region::Circle(_, cy, r) => (cy - r, cy + r),
            Region::UpperRing(_, cy, _, r) => (cy - r, cy),
            Region::Polygon(points) => {
                points.iter().fold((i32::MAX, i32::MIN), |(top, bottom), &(_, y)| (top.min(y), bottom.max(y)))
            }
        }
    }

    /// The horizontal spans (in pixels) of `region` on the horizontal line
    /// at pixel height `y`.
    fn spans_at(&self, region: Region, y: f64, out: &mut Vec<(f64, f64)>) {
        let (dx, dy) = (self.dx, self.dy);
        let p = |u: i32| self.px(u);
        match region {
            Region::Rect(x0, y0, x1, y1) => {
                if y >= p(y0 + dy) && y < p(y1 + dy) {
                    out.push((p(x0 + dx), p(x1 + dx)));
                }
            }
            Region::RoundRect(x0, y0, x1, y1, r) => {
                let (top, bottom, r) = (p(y0 + dy), p(y1 + dy), p(r));
                if y < top || y >= bottom {
                    return;
                }
                let (left, right) = (p(x0 + dx), p(x1 + dx));
                let d = if y < top + r {
                    top + r - y
                } else if y > bottom - r {
                    y - (bottom - r)
                } else {
                    0.0
                };
                let inset = r - (r * r - d * d).max(0.0).sqrt();
                out.push((left + inset, right - inset));
            }
            Region::Circle(cx, cy, r) => ellipse_span(p(cx + dx), p(cy + dy), p(r), p(r), y, out),
            Region::Ellipse(cx, cy, rx, ry) => ellipse_span(p(cx + dx), p(cy + dy), p(rx), p(ry), y, out),
            Region::UpperRing(cx, cy, inner, outer) => {
                let (cx, cy) = (p(cx + dx), p(cy + dy));
                if y > cy {
                    return;
                }
                let dyy = y - cy;
                let (ro, ri) = (p(outer), p(inner));
                if dyy.abs() > ro {
                    return;
                }
                let ho = (ro * ro - dyy * dyy).sqrt();
                if dyy.abs() >= ri {
                    out.push((cx - ho, cx + ho));
                } else {
                    let hi = (ri * ri - dyy * dyy).sqrt();
                    out.push((cx - ho, cx - hi));
                    out.push((cx + hi, cx + ho));
                }
            }
            Region::Polygon(points) => {
                let mut xs = [0.0f64; 16];
                let mut n = 0;
                for (i, &(ax, ay)) in points.iter().enumerate() {
                    let (bx, by) = points[(i + 1) % points.len()];
                    let (ax, ay, bx, by) = (p(ax + dx), p(ay + dy), p(bx + dx), p(by + dy));
                    if ((ay <= y && y < by) || (by <= y && y < ay)) && n < xs.len() {
                        xs[n] = ax + (y - ay) * (bx - ax) / (by - ay);
                        n += 1;
                    }
                }
                let xs = &mut xs[..n];
                xs.sort_by(f64::total_cmp);
                for pair in xs.chunks_exact(2) {
                    out.push((pair[0], pair[1]));
                }
            }
        }
    }

    /// Colours the product body: `colour` scaled by each pixel's brightness
    /// and by a light falling from above, with a dark outline where the body
    /// ends or two faces meet.
    fn shade_body(&mut self, colour: [u8; 3]) {
        let size = self.size as usize;
        let t = (size / 160).max(1);
        let outline = scale_colour(colour, 0.5);
        // Compare against the levels before this pass, which marks an edge on
        // both sides of a boundary between two faces: a two-pixel line.
        let levels = self.body.clone();
        for y in 0..size {
            let light = 1.08 - 0.18 * (y as f64 / size as f64);
            let row = y * size;
            let mut x = 0;
            // Runs of one level: the first and last `t` pixels of a run are
            // the left and right edges; the rest is compared with the rows
            // `t` above and below. Written this way (whole-run copies, few
            // checks per pixel) because debug builds draw the demo too.
            while x < size {
                let level = levels[row + x];
                let start = x;
                while x < size && levels[row + x] == level {
                    x += 1;
                }
                if level == 0 {
                    continue;
                }
                let (a, b) = (row + start, row + x);
                self.copy_pattern(scale_colour(colour, f64::from(level) / 200.0 * light), a, b);
                if y < t || y + t >= size {
                    (a..b).for_each(|i| self.put_outline(i, outline));
                    continue;
                }
                let lo = (a + t).min(b);
                let hi = b.saturating_sub(t).max(lo);
                (a..lo).chain(hi..b).for_each(|i| self.put_outline(i, outline));
                for i in lo..hi {
                    if levels[i - t * size] != level || levels[i + t * size] != level {
                        self.put_outline(i, outline);
                    }
                }
            }
        }
    }

    fn put_outline(&mut self, i: usize, c: [u8; 3]) {
        self.body[i] = 0;
        self.rgb[i * 3..i * 3 + 3].copy_from_slice(&c);
    }

    /// The hologram seal: a gold disc with a dark rim, a light inner ring and
    /// iridescent rays starting at ray `first_ray`.
    fn seal(&mut self, seal: Circle, first_ray: usize) {
        let size = self.size;
        let r = seal.radius;
        let ray_width = (r * 0.07).max(0.6);
        let y0 = ((seal.y - r).floor().max(0.0)) as i32;
        let y1 = ((seal.y + r).ceil() as i32).min(size - 1);
        let x0 = ((seal.x - r).floor().max(0.0)) as i32;
        let x1 = ((seal.x + r).ceil() as i32).min(size - 1);
        for y in y0..=y1 {
            for x in x0..=x1 {
                let dx = f64::from(x) + 0.5 - seal.x;
                let dy = f64::from(y) + 0.5 - seal.y;
                let d2 = dx * dx + dy * dy;
                if d2 > r * r {
                    continue;
                }
                let d = d2.sqrt();
                let c = if d > 0.82 * r {
                    SEAL_RING
                } else if d > 0.72 * r || d < 0.2 * r {
                    SEAL_LIGHT
                } else {
                    let mut c = SEAL_GOLD;
                    if d > 0.28 * r && d < 0.66 * r {
                        for k in 0..RAYS.len() / 2 {
                            let (cos, sin) = RAYS[(first_ray + 2 * k) % RAYS.len()];
                            let along = dx * cos + dy * sin;
                            let across = (dx * sin - dy * cos).abs();
                            if along > 0.0 && across < ray_width + 0.02 * along {
                                c = HOLOGRAM[k % HOLOGRAM.len()];
                                break;
                            }
                        }
                    }
                    c
                };
                let i = (y * size + x) as usize;
                self.body[i] = 0;
                self.rgb[i * 3..i * 3 + 3].copy_from_slice(&c);
            }
        }
    }

    /// What a torn-off seal leaves: a faint ring slightly darker than what is
    /// under it.
    fn seal_residue(&mut self, seal: Circle) {
        let size = self.size;
        let r = seal.radius;
        let width = (r * 0.06).max(0.7);
        let y0 = ((seal.y - r).floor().max(0.0)) as i32;
        let y1 = ((seal.y + r).ceil() as i32).min(size - 1);
        let x0 = ((seal.x - r).floor().max(0.0)) as i32;
        let x1 = ((seal.x + r).ceil() as i32).min(size - 1);
        for y in y0..=y1 {
            for x in x0..=x1 {
                let dx = f64::from(x) + 0.5 - seal.x;
                let dy = f64::from(y) + 0.5 - seal.y;
                let d = (dx * dx + dy * dy).sqrt();
                if (d - 0.9 * r).abs() < width {
                    let i = (y * size + x) as usize;
                    let c = [self.rgb[i * 3], self.rgb[i * 3 + 1], self.rgb[i * 3 + 2]];
                    let c = mix(scale_colour(c, 0.86), [128, 128, 128], 0.1);
                    self.rgb[i * 3..i * 3 + 3].copy_from_slice(&c);
                }
            }
        }
    }
}

fn ellipse_span(cx: f64, cy: f64, rx: f64, ry: f64, y: f64, out: &mut Vec<(f64, f64)>) {
    let d = (y - cy) / ry;
    let t = 1.0 - d * d;
    if t >= 0.0 {
        let half = rx * t.sqrt();
        out.push((cx - half, cx + half));
    }
}

/// Unit directions every 30° (from the +x axis towards +y), written out so
/// that no platform-dependent `sin`/`cos` is needed.
const RAYS: [(f64, f64); 12] = [
    (1.0, 0.0),
    (0.866_025_403_784_438_6, 0.5),
    (0.5, 0.866_025_403_784_438_6),
    (0.0, 1.0),
    (-0.5, 0.866_025_403_784_438_6),
    (-0.866_025_403_784_438_6, 0.5),
    (-1.0, 0.0),
    (-0.866_025_403_784_438_6, -0.5),
    (-0.5, -0.866_025_403_784_438_6),
    (0.0, -1.0),
    (0.5, -0.866_025_403_784_438_6),
    (0.866_025_403_784_438_6, -0.5),
];

// ---------------------------------------------------------------------------
// Silhouettes

/// Where a silhouette wants its label panel and seal, in picture units.
struct Layout {
    /// Left, top, right, bottom of the label panel.
    label: (i32, i32, i32, i32),
    /// Centre and radius of the seal.
    seal: (i32, i32, i32),
}

/// Faces of 3-D boxes: top lit, side in shade.
const FRONT: Ink = Ink::Body(200);
const TOP: Ink = Ink::Body(232);
const SIDE: Ink = Ink::Body(150);

fn draw_silhouette(canvas: &mut Canvas, shape: Shape, colour: [u8; 3]) -> Layout {
    let shadow = |canvas: &mut Canvas, cx: i32, y: i32, rx: i32| {
        let c = scale_colour(canvas.background[(canvas.px(y).max(0.0) as usize).min(canvas.size as usize - 1)], 0.88);
        canvas.fill(Region::Ellipse(cx, y, rx, 32), Ink::Paint(c));
    };
    let darker = scale_colour(colour, 0.72);
    let lighter = mix(colour, WHITE, 0.45);
    match shape {
        Shape::Garment => {
            shadow(canvas, 500, 885, 300);
            const SHIRT: &[(i32, i32)] = &[
                (390, 160),
                (270, 200),
                (100, 350),
                (190, 465),
                (270, 405),
                (270, 870),
                (730, 870),
                (730, 405),
                (810, 465),
                (900, 350),
                (730, 200),
                (610, 160),
                (580, 212),
                (540, 238),
                (500, 245),
                (460, 238),
                (420, 212),
            ];
            canvas.fill(Region::Polygon(SHIRT), FRONT);
            canvas.shade_body(colour);
            const COLLAR: &[(i32, i32)] = &[
                (392, 164),
                (420, 212),
                (460, 238),
                (500, 245),
                (540, 238),
                (580, 212),
                (608, 164),
                (628, 172),
                (600, 232),
                (552, 266),
                (500, 275),
                (448, 266),
                (400, 232),
                (372, 172),
            ];
            canvas.fill(Region::Polygon(COLLAR), Ink::Paint(darker));
            canvas.fill(Region::Polygon(&[(108, 350), (186, 452), (204, 438), (126, 336)]), Ink::Paint(darker));
            canvas.fill(Region::Polygon(&[(892, 350), (814, 452), (796, 438), (874, 336)]), Ink::Paint(darker));
            canvas.fill(Region::Rect(274, 838, 726, 866), Ink::Paint(darker));
            Layout { label: (280, 430, 720, 600), seal: (650, 330, 62) }
        }
        Shape::Bag => {
            shadow(canvas, 500, 880, 330);
            canvas.fill(Region::UpperRing(500, 405, 150, 190), Ink::Paint(darker));
            canvas.fill(
                Region::Polygon(&[(220, 400), (780, 400), (840, 830), (805, 868), (195, 868), (160, 830)]),
                FRONT,
            );
            canvas.fill(Region::Polygon(&[(220, 400), (780, 400), (796, 515), (500, 570), (204, 515)]), Ink::Body(172));
            canvas.shade_body(colour);
            canvas.fill(Region::RoundRect(462, 528, 538, 590, 10), Ink::Paint(scale_colour(METAL, 0.6)));
            canvas.fill(Region::RoundRect(470, 536, 530, 582, 8), Ink::Paint(METAL));
            Layout { label: (280, 625, 720, 780), seal: (660, 465, 58) }
        }
        Shape::PillBox => {
            shadow(canvas, 520, 850, 330);
            canvas.fill(Region::Rect(220, 330, 720, 840), FRONT);
            canvas.fill(Region::Polygon(&[(220, 330), (320, 250), (820, 250), (720, 330)]), TOP);
            canvas.fill(Region::Polygon(&[(720, 330), (820, 250), (820, 760), (720, 840)]), SIDE);
            canvas.shade_body(colour);
            canvas.fill(Region::Rect(255, 385, 335, 415), Ink::Paint(WHITE));
            canvas.fill(Region::Rect(280, 360, 310, 440), Ink::Paint(WHITE));
            canvas.fill(Region::RoundRect(250, 670, 690, 800, 30), Ink::Paint(mix(colour, WHITE, 0.75)));
            for x in [315, 425, 535, 645] {
                canvas.fill(Region::Circle(x - 10, 735, 34), Ink::Paint(scale_colour(METAL, 0.8)));
                canvas.fill(Region::Circle(x - 10, 735, 28), Ink::Paint(WHITE));
            }
            Layout { label: (250, 470, 690, 630), seal: (640, 395, 55) }
        }
        Shape::BrakePart => {
            shadow(canvas, 500, 905, 290);
            canvas.fill(Region::Circle(500, 490, 370), FRONT);
            canvas.fill(Region::Circle(500, 490, 145), Ink::Body(160));
            canvas.fill(Region::Circle(500, 490, 125), Ink::Body(215));
            for &(cos, sin) in &RAYS {
                let (x, y) = (500 + (275.0 * cos) as i32, 490 + (275.0 * sin) as i32);
                canvas.fill(Region::Circle(x, y, 16), Ink::Hole);
            }
            canvas.shade_body(colour);
            canvas.fill(Region::Circle(500, 490, 62), Ink::Paint(scale_colour(METAL, 0.55)));
            canvas.fill(Region::Circle(500, 490, 55), Ink::Hole);
            // Five bolt holes, 72° apart, 92 units from the centre.
            const BOLTS: [(i32, i32); 5] = [(0, -92), (87, -28), (54, 74), (-54, 74), (-87, -28)];
            for (x, y) in BOLTS {
                canvas.fill(Region::Circle(500 + x, 490 + y, 17), Ink::Paint(DARK));
            }
            Layout { label: (280, 652, 720, 800), seal: (720, 280, 58) }
        }
        Shape::Device => {
            shadow(canvas, 500, 840, 300);
            canvas.fill(Region::RoundRect(395, 140, 445, 300, 10), Ink::Paint(scale_colour(METAL, 0.75)));
            canvas.fill(Region::RoundRect(555, 140, 605, 300, 10), Ink::Paint(scale_colour(METAL, 0.75)));
            canvas.fill(Region::RoundRect(403, 148, 437, 300, 8), Ink::Paint(METAL));
            canvas.fill(Region::RoundRect(563, 148, 597, 300, 8), Ink::Paint(METAL));
            canvas.fill(Region::RoundRect(230, 270, 770, 820, 80), FRONT);
            canvas.fill(Region::RoundRect(262, 302, 738, 788, 60), Ink::Body(214));
            canvas.shade_body(colour);
            canvas.fill(Region::RoundRect(438, 722, 562, 760, 18), Ink::Paint(DARK));
            canvas.fill(Region::Circle(330, 370, 14), Ink::Paint([90, 220, 120]));
            Layout { label: (280, 460, 720, 630), seal: (655, 375, 55) }
        }
        Shape::Bottle => {
            shadow(canvas, 500, 890, 260);
            canvas.fill(Region::Rect(440, 200, 560, 290), Ink::Body(185));
            canvas.fill(Region::Polygon(&[(440, 285), (560, 285), (740, 420), (260, 420)]), FRONT);
            canvas.fill(Region::RoundRect(260, 390, 740, 885, 70), FRONT);
            canvas.shade_body(colour);
            canvas.fill(Region::RoundRect(405, 80, 595, 215, 22), Ink::Paint(DARK));
            canvas.fill(Region::Rect(430, 100, 450, 195), Ink::Paint([96, 96, 104]));
            canvas.fill(Region::RoundRect(298, 440, 326, 850, 12), Ink::Paint(lighter));
            Layout { label: (280, 530, 720, 710), seal: (620, 455, 52) }
        }
        Shape::Pack => {
            shadow(canvas, 520, 880, 300);
            canvas.fill(Region::Rect(250, 170, 730, 870), FRONT);
            canvas.fill(Region::Polygon(&[(250, 170), (310, 125), (790, 125), (730, 170)]), TOP);
            canvas.fill(Region::Polygon(&[(730, 170), (790, 125), (790, 825), (730, 870)]), SIDE);
            canvas.shade_body(colour);
            canvas.fill(Region::Rect(254, 330, 727, 338), Ink::Paint(darker));
            canvas.fill(Region::Rect(270, 650, 710, 845), Ink::Paint(DARK));
            canvas.fill(Region::Rect(280, 660, 700, 835), Ink::Paint(WHITE));
            for (y, right) in [(700, 660), (745, 620), (790, 670)] {
                canvas.fill(Region::Rect(320, y, right, y + 22), Ink::Paint(DARK));
            }
            Layout { label: (270, 410, 710, 580), seal: (640, 250, 55) }
        }
        Shape::Toy => {
            shadow(canvas, 500, 915, 300);
            for x in [350, 650] {
                canvas.fill(Region::Circle(x, 200, 72), FRONT);
            }
            canvas.fill(Region::Ellipse(255, 560, 75, 115), FRONT);
            canvas.fill(Region::Ellipse(745, 560, 75, 115), FRONT);
            canvas.fill(Region::Circle(370, 840, 82), FRONT);
            canvas.fill(Region::Circle(630, 840, 82), FRONT);
            canvas.fill(Region::Ellipse(500, 640, 240, 230), Ink::Body(201));
            canvas.fill(Region::Circle(500, 300, 160), Ink::Body(202));
            canvas.shade_body(colour);
            for x in [350, 650] {
                canvas.fill(Region::Circle(x, 200, 36), Ink::Paint(lighter));
            }
            for x in [370, 630] {
                canvas.fill(Region::Circle(x, 850, 45), Ink::Paint(lighter));
            }
            canvas.fill(Region::Ellipse(500, 355, 72, 52), Ink::Paint(lighter));
            canvas.fill(Region::Ellipse(500, 335, 26, 19), Ink::Paint(DARK));
            canvas.fill(Region::Circle(440, 270, 16), Ink::Paint(DARK));
            canvas.fill(Region::Circle(560, 270, 16), Ink::Paint(DARK));
            Layout { label: (280, 570, 720, 720), seal: (630, 495, 50) }
        }
        Shape::Carton => {
            shadow(canvas, 520, 860, 350);
            canvas.fill(Region::Rect(170, 350, 700, 850), FRONT);
            canvas.fill(Region::Polygon(&[(170, 350), (300, 240), (830, 240), (700, 350)]), TOP);
            canvas.fill(Region::Polygon(&[(700, 350), (830, 240), (830, 740), (700, 850)]), SIDE);
            canvas.shade_body(colour);
            canvas.fill(Region::Rect(174, 720, 697, 770), Ink::Paint(darker));
            Layout { label: (215, 470, 655, 640), seal: (610, 405, 50) }
        }
    }
}

// ---------------------------------------------------------------------------
// Label

/// The white label panel with `text` centred on it, as large as fits: words
/// are wrapped onto several lines when needed, and text that does not fit
/// even at scale 1 is cut at the panel edge.
fn draw_label(canvas: &mut Canvas, (x0, y0, x1, y1): (i32, i32, i32, i32), text: &str, colour: [u8; 3]) {
    let rim = canvas.len(6).round() as i32;
    let radius = 18;
    canvas.fill(Region::RoundRect(x0, y0, x1, y1, radius), Ink::Paint([150, 150, 150]));
    let inset = (f64::from(rim) * 1000.0 / f64::from(canvas.size)).ceil() as i32;
    canvas.fill(Region::RoundRect(x0 + inset, y0 + inset, x1 - inset, y1 - inset, radius), Ink::Paint(WHITE));

    // The text area in pixels.
    let pad = rim + 2;
    let left = canvas.px(x0 + canvas.dx).ceil() as i32 + pad;
    let right = canvas.px(x1 + canvas.dx).floor() as i32 - pad;
    let top = canvas.px(y0 + canvas.dy).ceil() as i32 + pad;
    let bottom = canvas.px(y1 + canvas.dy).floor() as i32 - pad;
    let (width, height) = ((right - left).max(1) as u32, (bottom - top).max(1) as u32);

    let words: Vec<Vec<char>> = text.split(' ').filter(|w| !w.is_empty()).map(|w| w.chars().collect()).collect();
    if words.is_empty() {
        return;
    }
    let (scale, lines) = (1..=12u32)
        .rev()
        .find_map(|scale| {
            // n glyphs take n × 6 − 1 font pixels: the last blank column is not needed.
            let lines = wrap(&words, (width + scale) / (scale * (GLYPH_WIDTH + 1)))?;
            let n = lines.len() as u32;
            (n * GLYPH_HEIGHT * scale + (n - 1) * 3 * scale <= height).then_some((scale, lines))
        })
        .unwrap_or_else(|| (1, vec![words.join(&' ')]));

    let ink = ink_of(colour);
    let n = lines.len() as i32;
    let s = scale as i32;
    let line_height = (GLYPH_HEIGHT as i32 + 3) * s;
    let block = n * line_height - 3 * s;
    let mut y = top + (height as i32 - block) / 2;
    let size = canvas.size;
    for line in &lines {
        let w = line.len() as i32 * (GLYPH_WIDTH as i32 + 1) * s - s;
        let mut x = left + (width as i32 - w) / 2;
        for &c in line {
            let g = glyph(c);
            for (row, bits) in g.iter().enumerate() {
                for col in 0..GLYPH_WIDTH as i32 {
                    if bits & (1 << (GLYPH_WIDTH as i32 - 1 - col)) == 0 {
                        continue;
                    }
                    let (bx, by) = (x + col * s, y + row as i32 * s);
                    for py in by.max(top)..(by + s).min(bottom + 1).min(size) {
                        for px in bx.max(left).max(0)..(bx + s).min(right + 1).min(size) {
                            let i = (py * size + px) as usize;
                            canvas.rgb[i * 3..i * 3 + 3].copy_from_slice(&ink);
                        }
                    }
                }
            }
            x += (GLYPH_WIDTH as i32 + 1) * s;
        }
        y += line_height;
    }
}

/// Greedy word wrap to lines of at most `max` characters; `None` when a word
/// is longer than a line.
fn wrap(words: &[Vec<char>], max: u32) -> Option<Vec<Vec<char>>> {
    let max = max as usize;
    let mut lines: Vec<Vec<char>> = Vec::new();
    for word in words {
        if word.len() > max {
            return None;
        }
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= max => {
                line.push(' ');
                line.extend_from_slice(word);
            }
            _ => lines.push(word.clone()),
        }
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_has_a_wrong_colour_far_from_it() {
        let mut worst = (f64::MAX, [0; 3]);
        for r in (0..=255).step_by(5) {
            for g in (0..=255).step_by(5) {
                for b in (0..=255).step_by(5) {
                    let c = [r as u8, g as u8, b as u8];
                    let d = distance(c, wrong_colour(c));
                    if d < worst.0 {
                        worst = (d, c);
                    }
                }
            }
        }
        assert!(worst.0 > 100.0, "{:?} → {:?} is only {:.1} away", worst.1, wrong_colour(worst.1), worst.0);
    }

    #[test]
    fn labels_wrap_at_spaces_only() {
        let words: Vec<Vec<char>> = ["KASTENBRUCK", "MAISON"].iter().map(|w| w.chars().collect()).collect();
        let lines = wrap(&words, 12).unwrap();
        assert_eq!(lines.len(), 2);
        assert!(wrap(&words, 10).is_none());
        assert_eq!(wrap(&words, 18).unwrap().len(), 1);
    }
}
