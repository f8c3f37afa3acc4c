//! Running Touchstone as a service: `/metrics` ([`metrics`]), the heartbeats of the background
//! workers that `/readyz` checks ([`workers`]), and the one log line per request, as text or
//! JSON ([`requests`], [`logs`]). `docs/OPERATIONS.md` is the operator's side of this.

pub mod limits;
pub mod logs;
pub mod metrics;
pub mod requests;
pub mod workers;
