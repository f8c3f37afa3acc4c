-- Access grants between organisations, and operations coordination: operations, their targets
-- (matched on keyed hashes only), planned events, and the hits found between agencies.
-- Mirrors postgres/0006_coordination.sql.

CREATE TABLE access_grants (
    id INTEGER PRIMARY KEY,
    grantor_org_id BIGINT NOT NULL REFERENCES organisations (id),
    grantee_org_id BIGINT NOT NULL REFERENCES organisations (id),
    scopes TEXT NOT NULL,
    reason TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    revoked_by TEXT
);
CREATE INDEX access_grants_grantee_idx ON access_grants (grantee_org_id, expires_at);

CREATE TABLE operations (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    contact TEXT NOT NULL,
    confidentiality TEXT NOT NULL,
    tell_detaining_officer BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX operations_org_idx ON operations (org_id);

-- A target's plaintext is read only by its own agency; matching uses `match_key`, an HMAC of
-- the normalised identifier under the deployment's coordination key.
CREATE TABLE operation_targets (
    id INTEGER PRIMARY KEY,
    operation_id BIGINT NOT NULL REFERENCES operations (id),
    org_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    detail TEXT NOT NULL,
    match_key TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);
CREATE INDEX operation_targets_key_idx ON operation_targets (match_key);
CREATE INDEX operation_targets_operation_idx ON operation_targets (operation_id);

CREATE TABLE operation_events (
    id INTEGER PRIMARY KEY,
    operation_id BIGINT NOT NULL REFERENCES operations (id),
    org_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    radius_m DOUBLE PRECISION NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);
CREATE INDEX operation_events_place_idx ON operation_events (lat, starts_at);

-- One row per side of a hit: what the side's own item was and which agency it met.
CREATE TABLE coordination_hits (
    id INTEGER PRIMARY KEY,
    hit_key TEXT NOT NULL,
    org_id BIGINT NOT NULL,
    operation_id BIGINT,
    own_item_kind TEXT NOT NULL,
    own_item_id BIGINT NOT NULL,
    own_item_label TEXT NOT NULL,
    other_org_id BIGINT NOT NULL,
    other_contact TEXT NOT NULL,
    match_kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    CONSTRAINT coordination_hits_key UNIQUE (hit_key, org_id)
);
CREATE INDEX coordination_hits_org_idx ON coordination_hits (org_id, id);

CREATE TABLE worker_cursors (
    name TEXT PRIMARY KEY,
    position BIGINT NOT NULL
);
