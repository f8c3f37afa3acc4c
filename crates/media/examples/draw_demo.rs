//! Draws the four variants of one demo product as a 2 × 2 contact sheet, and
//! times the drawing.
//!
//! ```text
//! cargo run -p media --example draw_demo -- OUT.png [SHAPE] [LABEL] [RRGGBB]
//! cargo run -p media --example draw_demo -- --all OUT.png
//! ```
//!
//! `--all` draws every shape (rows) in every variant (columns) instead.

use std::time::Instant;

use media::draw::{draw_product, draw_product_png, PictureSpec, Shape, Variant};

const SIZE: u32 = 320;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: draw_demo OUT.png [SHAPE] [LABEL] [RRGGBB] | draw_demo --all OUT.png";
    let all = args.first().is_some_and(|a| a == "--all");
    let rest = if all { &args[1..] } else { &args[..] };
    let out = rest.first().expect(usage);
    let shape = match rest.get(1).map(|s| s.to_ascii_lowercase()) {
        None => Shape::Garment,
        Some(name) => *Shape::ALL
            .iter()
            .find(|s| format!("{s:?}").to_ascii_lowercase() == name)
            .unwrap_or_else(|| panic!("unknown shape {name}; one of {:?}", Shape::ALL)),
    };
    let label = rest.get(2).map_or("Kastenbrück Maison", String::as_str);
    let colour = rest.get(3).map_or([32, 78, 160], |hex| {
        let v = u32::from_str_radix(hex, 16).expect("colour as RRGGBB");
        [(v >> 16) as u8, (v >> 8) as u8, v as u8]
    });

    let rows: Vec<Shape> = if all { Shape::ALL.to_vec() } else { vec![shape, shape] };
    let sheet = if all {
        let mut sheet = image::RgbImage::from_pixel(SIZE * 4, SIZE * rows.len() as u32, image::Rgb([255, 255, 255]));
        for (r, &shape) in rows.iter().enumerate() {
            for (c, &variant) in Variant::ALL.iter().enumerate() {
                let spec = PictureSpec { label, shape, colour, variant, seed: r as u64 };
                let picture = draw_product(&spec, SIZE);
                image::imageops::replace(&mut sheet, &picture, i64::from(c as u32 * SIZE), i64::from(r as u32 * SIZE));
            }
        }
        sheet
    } else {
        let mut sheet = image::RgbImage::from_pixel(SIZE * 2, SIZE * 2, image::Rgb([255, 255, 255]));
        for (i, &variant) in Variant::ALL.iter().enumerate() {
            let spec = PictureSpec { label, shape, colour, variant, seed: 7 };
            let picture = draw_product(&spec, SIZE);
            let (x, y) = ((i as u32 % 2) * SIZE, (i as u32 / 2) * SIZE);
            image::imageops::replace(&mut sheet, &picture, i64::from(x), i64::from(y));
        }
        sheet
    };
    sheet.save(out).expect("cannot write the contact sheet");
    println!("wrote {out}");

    // Timing: 200 pictures over all shapes and variants, drawn only and drawn + PNG-encoded.
    const N: u32 = 200;
    let spec = |i: u32| PictureSpec {
        label: if i % 2 == 0 { "Veloria" } else { "Kastenbrück Maison" },
        shape: Shape::ALL[i as usize % Shape::ALL.len()],
        colour: [(i * 37) as u8, (i * 91) as u8, (i * 53) as u8],
        variant: Variant::ALL[(i / 9) as usize % 4],
        seed: u64::from(i),
    };
    let start = Instant::now();
    let mut pixels = 0u64;
    for i in 0..N {
        pixels += u64::from(draw_product(&spec(i), SIZE).get_pixel(0, 0)[0]);
    }
    let draw = start.elapsed() / N;
    let start = Instant::now();
    let mut bytes = 0;
    for i in 0..N {
        bytes += draw_product_png(&spec(i), SIZE).len();
    }
    let png = start.elapsed() / N;
    println!(
        "{SIZE}×{SIZE}: draw {draw:?} per picture, draw + PNG {png:?} per picture, {} bytes per PNG on average ({pixels})",
        bytes / N as usize
    );
}
