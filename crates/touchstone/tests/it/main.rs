//! Integration tests, in one binary so that it links once. Every test runs on SQLite and, when
//! `TOUCHSTONE_TEST_DATABASE_URL` is set, again on a fresh PostgreSQL database.

mod api;
mod api_limits;
mod audit;
mod brand_editor;
mod case_pages;
mod cases;
mod catalog;
mod catalog_editor;
mod catalog_pages;
mod cli;
mod common;
mod content_languages;
mod coordination;
mod disclosure;
mod grants;
mod identify;
mod identify_pages;
mod import;
mod import_images;
mod languages;
mod lookup;
mod media;
mod media_access;
mod name_matching;
mod notify;
mod offline;
mod operations;
mod pages;
mod retention;
mod search_quality;
mod security;
mod snapshots;
mod upgrade;
mod verdicts;
mod verify;
