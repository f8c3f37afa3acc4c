//! Makes a 12-megapixel "phone photo" for the scan benchmark (`scripts/load.sh`): a real
//! barcode photo from the shared test data, enlarged to about a third of a 4000 × 3000 frame
//! over a textured, cardboard-like background, saved as a JPEG of a phone's usual quality.
//! The test data holds no photo that large, and an enlarged small one keeps its real blur and
//! noise, which a drawn barcode would not have.
//!
//! ```text
//! cargo run --release -p barcode --example phone_photo -- ../shared/testdata/barcodes/ean13-1/25.webp /tmp/phone.jpg
//! ```

use image::codecs::jpeg::JpegEncoder;
use image::imageops::{self, FilterType};
use image::{Rgb, RgbImage};

const WIDTH: u32 = 4000;
const HEIGHT: u32 = 3000;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        eprintln!("usage: phone_photo SOURCE_PHOTO OUT.jpg");
        std::process::exit(2);
    };
    let source = image::open(input).unwrap_or_else(|e| panic!("cannot read {input}: {e}")).to_rgb8();
    let mut frame = RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        // Grain changes from pixel to pixel as on a real sensor, so the JPEG is as large as a
        // phone's (a flat background would compress to almost nothing).
        let grain = (hash(x, y) % 28) as u8;
        Rgb([150 + (x * 40 / WIDTH) as u8 + grain, 118 + (y * 30 / HEIGHT) as u8 + grain, 82 + grain])
    });
    let scale = (WIDTH as f32 / 3.0) / source.width() as f32;
    let (w, h) = ((source.width() as f32 * scale) as u32, (source.height() as f32 * scale) as u32);
    let enlarged = imageops::resize(&source, w, h, FilterType::Triangle);
    // The code sits on a white label, as on a real parcel: the test photos are cropped close to
    // the bars, and an EAN needs its light quiet zone beside them to be read at all.
    let (label_w, label_h) = (w + w / 4, h + h / 3);
    let label = RgbImage::from_pixel(label_w, label_h, Rgb([236, 234, 228]));
    imageops::overlay(&mut frame, &label, i64::from((WIDTH - label_w) / 2), i64::from((HEIGHT - label_h) / 2));
    imageops::overlay(&mut frame, &enlarged, i64::from((WIDTH - w) / 2), i64::from((HEIGHT - h) / 2));
    let mut out =
        std::io::BufWriter::new(std::fs::File::create(output).unwrap_or_else(|e| panic!("cannot write {output}: {e}")));
    JpegEncoder::new_with_quality(&mut out, 88).encode_image(&frame).expect("encodes the JPEG");
}

fn hash(x: u32, y: u32) -> u32 {
    let mut h = x.wrapping_mul(0x9E37_79B1) ^ y.wrapping_mul(0x85EB_CA77);
    h ^= h >> 15;
    h = h.wrapping_mul(0xC2B2_AE3D);
    h ^ (h >> 13)
}
