//! Case pages: the officer's detention form and case list, and the case page where the parties
//! answer within their deadlines and write to each other.
//!
//! Every handler parses the form, calls the same domain function as the JSON API and renders
//! what it answered; whether a button is shown is decided by the domain
//! ([`cases::CasePermissions`], [`cases::may_create`]), never here. Refusals the reader can act
//! on (a field to correct, a step the workflow does not allow now, a case changed in the
//! meantime) are shown on the page they came from, with what was typed.

mod form;
mod list;
mod page;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use rand::RngCore;
use serde::Deserialize;

use super::{
    clone_layout, parse_id, shown_in_place, CsrfForm, Ctx, FieldError, Layout, PageError, PageId, PageResult, Pages,
    SignedIn,
};
use crate::domain::cases::{
    self, AnswerInput, Case, CaseAction, CaseListFilter, CaseParty, CaseSheet, CaseState, CaseType, CaseView,
    CustomsProcedure, GoodsLine, NewCase, NewMessage, Office, Transition,
};
use crate::domain::catalog::{self, TransportMode};
use crate::domain::policy::Principal;
use crate::domain::regime::{Answer, CaseOutcome, PartyKind};
use crate::domain::types::OrgKind;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;

use form::{create_case, new_case_page};
use list::list_page;
use page::{answer, case_page, extension, post_message, transition};

pub fn router() -> Pages {
    Pages::new()
        // The detention form carries photos of the goods: its own limits (form.rs), not the
        // default body limit.
        .route("/cases", get(list_page).post(create_case).layer(DefaultBodyLimit::disable()))
        .route("/cases/new", get(new_case_page))
        .route("/cases/{id}", get(case_page))
        .route("/cases/{id}/transition", post(transition))
        .route("/cases/{id}/answer", post(answer))
        .route("/cases/{id}/extension", post(extension))
        .route("/cases/{id}/messages", post(post_message))
}

/// Goods lines the form shows at first; "add a line" shows one more.
pub(super) const FIRST_LINES: usize = 3;
pub(super) const MAX_LINES: usize = 50;

/// A random key for a form, so that submitting it twice records one case.
pub(super) fn form_token() -> String {
    let mut b = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut b);
    data_encoding::BASE64URL_NOPAD.encode(&b)
}

pub(super) fn number(tr: &Tr, v: f64) -> String {
    tr.number(v)
}

/// The translation of `set.value`, or the value itself when the catalogue has none.
pub(super) fn label_or(tr: &Tr, set: &str, value: &str) -> String {
    crate::i18n::sentence::label_or_value(tr, set, value)
}

pub(super) fn one_per_line(raw: &str) -> Vec<String> {
    raw.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

pub(super) fn optional(raw: &str) -> Option<String> {
    Some(raw.trim().to_string()).filter(|v| !v.is_empty())
}
