//! The records the store keeps and the domain works with: values, their closed sets and the
//! checks that make them well-formed, and nothing of who may do what. The store depends on
//! these and never on the domain; the domain re-exports them where they belong to it.

pub mod audit;
pub mod cases;
pub mod catalog;
pub mod directory;
pub mod localized;
pub mod media;
pub mod types;
