//! Reading GS1 barcode data for Touchstone.
//!
//! A pure library (no I/O, no unsafe) that turns what a barcode scanner or
//! camera decoder produces into typed, validated results:
//!
//! * [`Gtin`] and [`check_digit_mod10`]: GS1 keys and their check digits;
//! * [`dictionary`]: the Application Identifier table, generated from the
//!   GS1 Barcode Syntax Dictionary by [`syntax_dictionary`];
//! * [`ElementString`]: bracketed `(01)…(10)…` and raw GS-separated data,
//!   validated value by value ([`lint`]) and as a whole (`req`/`ex`);
//! * [`DigitalLink`]: GS1 Digital Link URIs on any domain;
//! * [`parse_scan`]: one entry point for scanner output with or without an
//!   AIM symbology identifier.
//!
//! Every failure is an [`Error`] whose message names the AI and the problem.

mod check_digit;
pub mod dictionary;
mod digital_link;
mod element_string;
mod error;
mod gtin;
pub mod lint;
mod scan;
pub mod syntax_dictionary;

// Generated; formatting it would make it differ from the generator output.
#[rustfmt::skip]
mod ai_table;

pub use check_digit::{check_digit_mod10, check_pair_alpha};
pub use digital_link::{percent_decode, percent_encode, DigitalLink};
pub use element_string::{check_associations, validate_value, AiValue, ElementString, GS};
pub use error::Error;
pub use gtin::{upc_e_to_upc_a, Gtin, GtinKind};
pub use scan::{parse_scan, Scan, SymbologyId};
