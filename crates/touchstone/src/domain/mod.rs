//! The rules of Touchstone, one module per part of the design, with the policy checked here
//! (never only in handlers) so that the HTML pages, the JSON API and the CLI share it.

pub mod alerts;
pub mod api_limits;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod cards;
pub mod cases;
pub mod catalog;
pub mod catalog_io;
pub mod coordination;
pub mod directory;
pub mod input;
pub use crate::model::localized;
pub mod lookup;
pub mod media;
pub mod net_guard;
pub mod normalize;
pub mod notify;
pub mod notify_delivery;
pub mod policy;
pub mod regime;
pub mod retention;
pub mod scan;
pub mod search;
pub mod totp;
pub use crate::model::types;
pub mod verify;

pub use crate::clock::{format_ms, now_ms};
