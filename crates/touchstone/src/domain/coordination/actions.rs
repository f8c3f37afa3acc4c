//! Planned actions (a place, a radius, a time window) and the check that two agencies'
//! actions would meet.

use super::*;
use crate::error::ErrorCode;

// ---------------------------------------------------------------------------------------------
// Planned actions and deconfliction

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEvent {
    pub kind: EventKind,
    pub lat: f64,
    pub lon: f64,
    /// The area of the action around the point, in metres (1 to 10,000).
    pub radius_m: f64,
    /// RFC 3339.
    pub starts_at: String,
    pub ends_at: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventAdded {
    pub event: EventView,
    /// Planned actions of other agencies that overlap in place and time (each reported to both).
    pub conflicts: usize,
}

/// Largest radius accepted, which bounds the search band for overlaps.
/// Planned actions are local (a search, a surveillance post); a larger area is several actions.
const MAX_RADIUS_M: f64 = 10_000.0;
const EARTH_RADIUS_M: f64 = 6_371_000.0;
/// Two actions closer than their radii plus this margin are a conflict: teams a street apart
/// can see, hear or alert each other's subjects even when their areas do not touch.
pub const SAFETY_MARGIN_M: f64 = 1_000.0;
/// Longest planned action accepted (30 days); it also bounds the overlap search in time.
const LONGEST_ACTION_MS: i64 = 30 * 86_400_000;

pub fn distance_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().asin()
}

/// Other agencies' planned actions overlapping `(lat, lon, radius)`, with the safety margin,
/// during `[from, to]`.
pub async fn overlapping(
    db: &Db,
    org: i64,
    lat: f64,
    lon: f64,
    radius: f64,
    from: i64,
    to: i64,
) -> AppResult<Vec<sql::EventRow>> {
    overlapping_in(db.reader(), org, lat, lon, radius, from, to).await
}

async fn overlapping_in<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    ex: E,
    org: i64,
    lat: f64,
    lon: f64,
    radius: f64,
    from: i64,
    to: i64,
) -> AppResult<Vec<sql::EventRow>> {
    let band = (radius + MAX_RADIUS_M + SAFETY_MARGIN_M) / 111_000.0;
    let near = sql::events_near(ex, lat - band, lat + band, from, to, LONGEST_ACTION_MS).await?;
    Ok(near
        .into_iter()
        .filter(|e| e.org_id != org && distance_m(lat, lon, e.lat, e.lon) <= radius + e.radius_m + SAFETY_MARGIN_M)
        .collect())
}

pub async fn add_event(db: &Db, principal: &Principal, id: i64, input: NewEvent) -> AppResult<EventAdded> {
    load(db, principal, id, Action::OperationEdit).await?;
    if !(input.lat.is_finite() && (-90.0..=90.0).contains(&input.lat)) {
        return Err(invalid("lat", ErrorCode::InvalidLatitude, "The latitude must be between -90 and 90."));
    }
    if !(input.lon.is_finite() && (-180.0..=180.0).contains(&input.lon)) {
        return Err(invalid("lon", ErrorCode::InvalidLongitude, "The longitude must be between -180 and 180."));
    }
    if !(input.radius_m.is_finite() && (1.0..=MAX_RADIUS_M).contains(&input.radius_m)) {
        return Err(invalid(
            "radius_m",
            ErrorCode::InvalidRadius,
            "The radius must be between 1 and 10,000 metres; cover a larger area with several actions.",
        ));
    }
    let from = instant("starts_at", &input.starts_at)?;
    let to = instant("ends_at", &input.ends_at)?;
    if to <= from || to - from > LONGEST_ACTION_MS {
        return Err(invalid(
            "ends_at",
            ErrorCode::InvalidWindow,
            "A planned action ends after it starts and lasts at most 30 days.",
        ));
    }
    let note = input
        .note
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .map(|n| required_text("note", n, 1000))
        .transpose()?
        .unwrap_or_default();
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    let eid = sql::insert_event(
        &mut tx,
        id,
        principal.org_id,
        input.kind.as_str(),
        input.lat,
        input.lon,
        input.radius_m,
        from,
        to,
        &note,
        now,
    )
    .await?;
    let conflicts = overlapping_in(&mut *tx, principal.org_id, input.lat, input.lon, input.radius_m, from, to).await?;
    let label = format!("{} {}–{}", input.kind.as_str().replace('_', " "), format_ms(from), format_ms(to));
    let mut count = 0;
    for other in &conflicts {
        let pair = if eid < other.id { (eid, other.id) } else { (other.id, eid) };
        let mine = Side {
            org: principal.org_id,
            operation: Some(id),
            item_kind: "planned_action",
            item_id: eid,
            item_label: label.clone(),
        };
        let other_label =
            format!("{} {}–{}", other.kind.replace('_', " "), format_ms(other.starts_at), format_ms(other.ends_at));
        let theirs = Side {
            org: other.org_id,
            operation: Some(other.operation_id),
            item_kind: "planned_action",
            item_id: other.id,
            item_label: other_label,
        };
        let hit_key = format!("event:{}:{}", pair.0, pair.1);
        if record_hit(
            &mut tx,
            &hit_key,
            &mine,
            &theirs,
            ("place_and_time", "place_and_time"),
            true,
            now,
            Some(principal),
        )
        .await?
        {
            count += 1;
        }
    }
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "operation.event", "operation", id)
            .detail(serde_json::json!({"event": eid, "conflicts": count})),
    )
    .await?;
    tx.commit().await?;
    let event = sql::events_of(db.reader(), id)
        .await?
        .into_iter()
        .find(|e| e.id == eid)
        .map(event_view)
        .ok_or_else(|| AppError::not_found("event"))??;
    Ok(EventAdded { event, conflicts: count })
}
