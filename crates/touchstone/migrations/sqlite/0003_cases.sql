-- Cases (detentions), their obligations under the legal regime, timeline, thread, shares;
-- alerts and their matches against cases. Mirrors postgres/0003_cases.sql.

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    created_by BIGINT NOT NULL,
    office_country TEXT NOT NULL,
    regime_id TEXT NOT NULL,
    case_type TEXT NOT NULL,
    state TEXT NOT NULL,
    outcome TEXT,
    sheet TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    idempotency_key TEXT,
    request_hash TEXT,
    detained_at BIGINT,
    notify_due_at BIGINT,
    declarant_notified_at BIGINT,
    decided_at BIGINT,
    closed_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT cases_idempotency_key UNIQUE (created_by, idempotency_key)
);
CREATE INDEX cases_org_idx ON cases (org_id, state);
CREATE INDEX cases_state_idx ON cases (state);

-- The brands a case names, so rights holders find the cases that concern them.
CREATE TABLE case_brands (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    brand_id BIGINT NOT NULL REFERENCES brands (id),
    owner_org_id BIGINT NOT NULL,
    CONSTRAINT case_brands_pkey PRIMARY KEY (case_id, brand_id)
);
CREATE INDEX case_brands_owner_idx ON case_brands (owner_org_id);
CREATE INDEX case_brands_brand_idx ON case_brands (brand_id);

-- Who must answer by when; one row per party (and per rights holder).
CREATE TABLE case_obligations (
    id INTEGER PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    position BIGINT NOT NULL,
    party TEXT NOT NULL,
    party_org_id BIGINT,
    starts TEXT NOT NULL,
    silence TEXT NOT NULL,
    due_at BIGINT,
    extended BIGINT NOT NULL DEFAULT 0,
    answer TEXT,
    deemed BIGINT NOT NULL DEFAULT 0,
    answered_at BIGINT,
    answered_by TEXT,
    note TEXT,
    reminded_at BIGINT
);
CREATE INDEX case_obligations_case_idx ON case_obligations (case_id);
CREATE INDEX case_obligations_due_idx ON case_obligations (due_at);

CREATE TABLE case_events (
    id INTEGER PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    at BIGINT NOT NULL,
    actor_label TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

-- The thread between the administration and each rights holder on a case.
CREATE TABLE case_messages (
    id INTEGER PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    thread_org_id BIGINT NOT NULL,
    author_user_id BIGINT NOT NULL,
    author_org_id BIGINT NOT NULL,
    author_label TEXT NOT NULL,
    body TEXT NOT NULL,
    attachments TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX case_messages_thread_idx ON case_messages (case_id, thread_org_id, id);

CREATE TABLE case_message_reads (
    case_id BIGINT NOT NULL,
    thread_org_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    last_read_id BIGINT NOT NULL,
    CONSTRAINT case_message_reads_pkey PRIMARY KEY (case_id, thread_org_id, user_id)
);

-- Cases shared with another agency (police for an investigation).
CREATE TABLE case_shares (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    note TEXT NOT NULL,
    shared_by TEXT NOT NULL,
    shared_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    CONSTRAINT case_shares_pkey PRIMARY KEY (case_id, org_id)
);
CREATE INDEX case_shares_org_idx ON case_shares (org_id);

CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    owner_org_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    valid_from BIGINT NOT NULL,
    valid_to BIGINT NOT NULL,
    sheet TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX alerts_validity_idx ON alerts (status, valid_to);

CREATE TABLE case_alert_matches (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    alert_id BIGINT NOT NULL REFERENCES alerts (id),
    reasons TEXT NOT NULL,
    matched_at BIGINT NOT NULL,
    CONSTRAINT case_alert_matches_pkey PRIMARY KEY (case_id, alert_id)
);
CREATE INDEX case_alert_matches_alert_idx ON case_alert_matches (alert_id);
