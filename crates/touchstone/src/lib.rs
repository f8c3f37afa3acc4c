//! Touchstone: the platform where enforcement officers and rights holders exchange what it takes
//! to tell counterfeit goods from genuine ones. This crate holds the domain, the store, the JSON
//! API, the HTML pages and the command line; `main.rs` only calls [`cli::run`].

pub mod api;
pub mod cache;
pub mod cli;
pub mod clock;
pub mod closed_set;
pub mod config;
pub mod demo;
pub mod demo_catalog;
pub mod domain;
pub mod error;
pub mod http;
pub mod i18n;
pub mod model;
pub mod ops;
pub mod state;
pub mod store;
pub mod web;

pub use error::AppError;
pub use state::AppState;
