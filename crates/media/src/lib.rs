//! Safe handling of uploaded files for Touchstone: product photos, detention
//! photos and PDF guides that customs officers and brand owners exchange.
//!
//! Everything a client sends is treated as hostile:
//!
//! * the type is decided by [`sniff`]ing the magic bytes, never from the
//!   client's `Content-Type` or file name;
//! * images are measured from their header and refused **before** any pixel
//!   buffer is allocated when they are too large (decompression bombs), and
//!   the decoder itself runs under [`image::Limits`] so a header that lies
//!   cannot make it allocate either;
//! * images are decoded and **re-encoded**, which drops every piece of
//!   metadata (EXIF with the GPS position of the officer's phone, XMP,
//!   comments, maker notes); the EXIF orientation is applied first so the
//!   picture still shows upright. Only the ICC colour profile is carried
//!   over, because without it colours shift — and colour is often what gives
//!   a counterfeit away;
//! * PDF documents are only checked for a plausible structure and stored
//!   unchanged: **their metadata (author, producer, XMP) is not stripped.**
//!
//! [`process`] does all of that and is synchronous and CPU-bound: call it
//! from `tokio::task::spawn_blocking` (or any thread pool), not from an async
//! task. [`FileStore`] keeps the cleaned bytes in content-addressed storage.

pub mod draw;
mod error;
mod kind;
mod process;
mod store;

pub use error::MediaError;
pub use kind::{sniff, MediaKind};
pub use process::{process, Limits, Processed, Thumbnail, JPEG_QUALITY};
pub use store::{is_valid_hash, sha256_hex, FileStore};
